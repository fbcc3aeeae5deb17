import { normalisePhoneNumber } from '../../../../nodes/AlibabaCloudChatApp/helpers/phone';

describe('normalisePhoneNumber', () => {
	it.each([
		['+65 9123 4567', '6591234567'],
		['65-9123-4567', '6591234567'],
		['0086 138 0000 0000', '8613800000000'],
		['(65) 9123.4567', '6591234567'],
		['6591234567', '6591234567'],
	])('normalises %s to %s', (input, expected) => {
		expect(normalisePhoneNumber(input)).toBe(expected);
	});

	it.each(['', 'abc', '+65 9123 45x7', '1234567', '1234567890123456', '++6591234567'])(
		'rejects %p',
		(input) => {
			expect(normalisePhoneNumber(input)).toBeUndefined();
		},
	);
});
