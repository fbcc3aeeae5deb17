import {
	selectEvents,
	type SelectionSettings,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/pipeline';
import { fixture } from './fixtures';

const mixed = [
	...fixture('status-template-frame'),
	...fixture('inbound-text'),
	...fixture('audit-v1'),
	{ hello: 'world' },
];
const settings = (kinds: string[], deduplicate = true): SelectionSettings => ({
	filter: { kinds: new Set(kinds) as never },
	deduplicate,
});

describe('selectEvents', () => {
	it('keeps the chosen kinds in push order and returns the store to save', () => {
		const result = selectEvents(mixed, settings(['messageStatus', 'other']), undefined, 1000);
		expect(result.events.map((event) => event.event)).toEqual([
			'messageStatus',
			'messageStatus',
			'messageStatus',
			'messageStatus',
			'other',
		]);
		expect(Object.keys(result.seen ?? {})).toHaveLength(4);
	});

	it('drops what the store has seen, and returns no store when deduplication is off', () => {
		const first = selectEvents(
			mixed,
			settings(['inboundMessage', 'templateReview']),
			undefined,
			1000,
		);
		expect(
			selectEvents(mixed, settings(['inboundMessage', 'templateReview']), first.seen, 2000).events,
		).toEqual([]);
		const off = selectEvents(
			mixed,
			settings(['inboundMessage', 'templateReview'], false),
			first.seen,
			2000,
		);
		expect([off.events.length, off.seen]).toEqual([2, undefined]);
	});
});
