import { classifyEvent } from '../../../../nodes/AlibabaCloudChatApp/notifications/classify';
import {
	eventFilter,
	keepEvent,
	normaliseId,
	parseIdList,
	type EventFilter,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/filter';
import { normaliseEvent } from '../../../../nodes/AlibabaCloudChatApp/notifications/normalise';
import type {
	ChatAppEvent,
	EventKind,
	RawEvent,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/types';
import { fixture } from './fixtures';

const events = (...names: string[]): ChatAppEvent[] =>
	names
		.flatMap((name) => fixture(name))
		.map((event: RawEvent) => normaliseEvent(event, classifyEvent(event)));

const ALL: EventKind[] = [
	'inboundMessage',
	'messageStatus',
	'templateReview',
	'phoneNameUpdate',
	'phoneQualityUpdate',
	'wabaReviewUpdate',
	'wabaAccountUpdate',
	'templateCategoryUpdate',
	'templateQualityUpdate',
	'other',
];
const filter = (patch: Partial<EventFilter> = {}): EventFilter => ({
	kinds: new Set(ALL),
	...patch,
});
const kept = (list: ChatAppEvent[], f: EventFilter) => list.filter((event) => keepEvent(event, f));

describe('keepEvent', () => {
	it('keeps only the chosen kinds', () => {
		const mixed = events('status-template-frame', 'inbound-text', 'audit-v1', 'audit-v2');
		expect(kept(mixed, filter({ kinds: new Set(['inboundMessage']) })).map((e) => e.event)).toEqual(
			['inboundMessage'],
		);
		expect(
			kept(mixed, filter({ kinds: new Set(['phoneQualityUpdate', 'templateReview']) })).map(
				(e) => e.event,
			),
		).toEqual(['templateReview', 'templateReview', 'phoneQualityUpdate']);
		expect(kept(mixed, filter({ kinds: new Set() }))).toEqual([]);
	});

	it('keeps only the chosen statuses, case-insensitively, and leaves other kinds alone', () => {
		const list = events('status-template-frame', 'status-viber', 'inbound-text');
		const f = filter({ statuses: new Set(['failed', 'unsubscribe']) });
		expect(kept(list, f).map((e) => `${e.event}:${e.status}`)).toEqual([
			'messageStatus:Failed',
			'messageStatus:unsubscribe',
			'inboundMessage:null',
		]);
	});

	it('keeps only the chosen inbound types; OTHER stands for undocumented types', () => {
		const list = events('inbound-text', 'inbound-image', 'inbound-unknown-type', 'status-viber');
		expect(
			kept(list, filter({ inboundTypes: new Set(['IMAGE']) })).map((e) => e.messageType),
		).toEqual(['IMAGE', 'NONE', 'NONE']);
		expect(
			kept(list, filter({ inboundTypes: new Set(['OTHER']) })).map((e) => e.messageType),
		).toEqual(['REACTION', 'NONE', 'NONE']);
	});

	it('with an allow-list, keeps events naming a listed channel, WABA or business number', () => {
		const list = events(
			'inbound-text',
			'status-template-frame',
			'status-viber',
			'audit-v1',
			'audit-v2',
		);
		const byNumber = kept(list, filter({ allowedIds: parseIdList('+65 9123-4567') }));
		expect(byNumber.map((e) => e.event)).toEqual([
			'inboundMessage',
			'messageStatus',
			'messageStatus',
			'messageStatus',
			'messageStatus',
			'phoneNameUpdate',
			'phoneQualityUpdate',
			'wabaAccountUpdate',
		]);
		expect(
			kept(list, filter({ allowedIds: parseIdList('cams-8c8a1b2c') })).map((e) => e.messageId),
		).toEqual(['wamid-text-1']);
		expect(
			kept(list, filter({ allowedIds: parseIdList('9099999990xxxx; 3000001') })).map(
				(e) => e.event,
			),
		).toEqual(['messageStatus', 'messageStatus', 'templateReview']);
	});

	it('with an allow-list, drops events that name no channel, WABA or number at all', () => {
		const anonymous = normaliseEvent(
			{ MessageId: 'x', Status: 'Read' },
			classifyEvent({ MessageId: 'x', Status: 'Read' }),
		);
		expect(keepEvent(anonymous, filter({ allowedIds: parseIdList('6591234567') }))).toBe(false);
		expect(keepEvent(anonymous, filter())).toBe(true);
	});
});

describe('allow-list parsing', () => {
	it('splits on commas, semicolons and new lines and normalises phone numbers to digits', () => {
		expect(parseIdList(' +65 9123 4567 , cams-8c8a1b2c;\n 0086-138 ')).toEqual(
			new Set(['6591234567', 'cams-8c8a1b2c', '0086138']),
		);
		expect(parseIdList(['+6591234567'])).toEqual(new Set(['6591234567']));
		expect(parseIdList('')).toBeUndefined();
		expect(parseIdList(' , ;')).toBeUndefined();
		expect(parseIdList(undefined)).toBeUndefined();
		expect(normaliseId('cams-8C8a')).toBe('cams-8C8a');
	});
});

describe('eventFilter', () => {
	it('reads the trigger options the way both triggers offer them', () => {
		const filter = eventFilter(['messageStatus'], {
			statuses: ['Delivered', 'READ'],
			inboundTypes: ['TEXT'],
			allowedIds: '+65 9123-4567; waba-1',
		});
		expect(filter).toEqual({
			kinds: new Set(['messageStatus']),
			statuses: new Set(['delivered', 'read']),
			inboundTypes: new Set(['TEXT']),
			allowedIds: new Set(['6591234567', 'waba-1']),
		});
	});

	it('keeps every status, type and ID when the options are left empty', () => {
		expect(eventFilter([], {})).toEqual({
			kinds: new Set(),
			statuses: undefined,
			inboundTypes: undefined,
			allowedIds: undefined,
		});
	});
});
