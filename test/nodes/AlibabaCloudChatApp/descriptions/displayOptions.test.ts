import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../nodes/AlibabaCloudChatApp/descriptions/displayOptions';

describe('updateDisplayOptions', () => {
	it('merges show and hide conditions without dropping the property own ones', () => {
		const properties: INodeProperties[] = [
			{ displayName: 'A', name: 'a', type: 'string', default: '' },
			{
				displayName: 'B',
				name: 'b',
				type: 'string',
				default: '',
				displayOptions: { show: { mode: ['x'] }, hide: { other: [true] } },
			},
		];
		const [a, b] = updateDisplayOptions(
			{ show: { resource: ['message'], operation: ['send'] } },
			properties,
		);
		expect(a.displayOptions).toEqual({ show: { resource: ['message'], operation: ['send'] } });
		expect(b.displayOptions).toEqual({
			show: { resource: ['message'], operation: ['send'], mode: ['x'] },
			hide: { other: [true] },
		});
	});
});
