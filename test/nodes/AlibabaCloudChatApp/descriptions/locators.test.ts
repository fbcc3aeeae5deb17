import { getNodeParametersIssues, type INodeProperties } from 'n8n-workflow';

import {
	phoneNumberLocatorWith,
	senderLocatorWith,
} from '../../../../nodes/AlibabaCloudChatApp/descriptions/locators';
import { normalisePhoneNumber } from '../../../../nodes/AlibabaCloudChatApp/helpers/phone';

/** The issues n8n's editor (and its pre-run check) shows for a locator value. */
function issuesOf(property: INodeProperties, mode: string, value: string): string[] {
	const node = {
		id: '1',
		name: 'Node',
		type: 'test',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: { [property.name]: { __rl: true, mode, value } },
	};
	const issues = getNodeParametersIssues([property], node, { name: 'test' } as never);
	return issues?.parameters?.[property.name] ?? [];
}

describe('resource locator ID validation', () => {
	const phoneNumber = phoneNumberLocatorWith({ required: false });

	it.each(['6591234567', '+65 9123 4567', '(+65) 9123-4567', '0086 138.0000.0000', ''])(
		'accepts the business number %p in ID mode',
		(value) => {
			expect(issuesOf(phoneNumber, 'id', value)).toEqual([]);
		},
	);

	it.each(['65912345a7', 'cams-8c8a1b2c', '65/9123'])('flags %p in ID mode', (value) => {
		expect(issuesOf(phoneNumber, 'id', value)).toEqual([
			'Enter the number with country code, e.g. 6591234567 or +65 9123 4567',
		]);
		expect(normalisePhoneNumber(value)).toBeUndefined();
	});

	it('leaves expressions and list picks to the node', () => {
		expect(issuesOf(phoneNumber, 'id', '={{ $json.number }}')).toEqual([]);
		expect(issuesOf(phoneNumber, 'list', 'not-a-number')).toEqual([]);
	});

	it('keeps the sender of other channel types free-form (their IDs have no documented format)', () => {
		expect(issuesOf(senderLocatorWith({ required: false }), 'id', 'pa:viber-service')).toEqual([]);
	});
});
