import { classifyEvent } from '../../../../nodes/AlibabaCloudChatApp/notifications/classify';
import {
	DEDUPE_TTL_MS,
	dedupeKey,
	dropDuplicates,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/dedupe';
import { normaliseEvent } from '../../../../nodes/AlibabaCloudChatApp/notifications/normalise';
import type {
	ChatAppEvent,
	RawEvent,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/types';
import { fixture, generatedPush } from './fixtures';

const normalise = (list: RawEvent[]): ChatAppEvent[] =>
	list.map((event) => normaliseEvent(event, classifyEvent(event)));
const NOW = 1_700_000_000_000;

describe('dedupeKey', () => {
	it('uses MessageId + status, MessageId, and the audit fields', () => {
		const [sent] = normalise(fixture('status-template-frame'));
		const [text] = normalise(fixture('inbound-text'));
		const [audit] = normalise(fixture('audit-v1'));
		const [, phoneName] = normalise(fixture('audit-v2'));
		expect(dedupeKey(sent)).toBe('s|2023078469463703000000001|sent');
		expect(dedupeKey(text)).toBe('i|wamid-text-1');
		expect(dedupeKey(audit)).toBe(
			'a||9099999990xxxx||744c4b5c79c9432497a075bdfca3xxxx|en_US|pass||',
		);
		expect(dedupeKey(phoneName)).toBe('a|phoneNameUpdate|9099999990001|6591234567||||APPROVED|');
	});

	it('gives every audit V2 event its own key, and no key to events without identity', () => {
		const keys = normalise(fixture('audit-v2')).map(dedupeKey);
		expect(new Set(keys).size).toBe(keys.length);
		expect(dedupeKey(normalise([{ hello: 1 }])[0])).toBeUndefined();
		expect(dedupeKey(normalise([{ Message: 'x' }])[0])).toBeUndefined();
	});
});

describe('dropDuplicates', () => {
	it('drops a push seen before and duplicates inside one push, keeping order', () => {
		const push = normalise(fixture('status-template-frame'));
		const first = dropDuplicates([...push, push[0]], undefined, NOW);
		expect(first.fresh).toEqual(push);
		expect(Object.keys(first.seen)).toHaveLength(4);
		const second = dropDuplicates(push, first.seen, NOW + 1000);
		expect(second.fresh).toEqual([]);
		expect(second.seen).toEqual(first.seen);
	});

	it('keeps events without identity every time', () => {
		const push = normalise([{ hello: 1 }, { hello: 1 }]);
		expect(dropDuplicates(push, undefined, NOW).fresh).toHaveLength(2);
	});

	it('forgets keys after the TTL', () => {
		const push = normalise(fixture('inbound-text'));
		const { seen } = dropDuplicates(push, undefined, NOW);
		expect(dropDuplicates(push, seen, NOW + DEDUPE_TTL_MS - 1).fresh).toHaveLength(0);
		const later = dropDuplicates(push, seen, NOW + DEDUPE_TTL_MS);
		expect(later.fresh).toHaveLength(1);
		expect(later.seen).toEqual({ 'i|wamid-text-1': NOW + DEDUPE_TTL_MS });
	});

	it('keeps at most maxKeys, dropping the oldest', () => {
		const push = normalise(generatedPush(50));
		const limits = { maxKeys: 10, ttlMs: DEDUPE_TTL_MS };
		const { seen } = dropDuplicates(push, undefined, NOW, limits);
		const keys = Object.keys(seen);
		expect(keys).toHaveLength(10);
		expect(keys).toEqual(push.slice(-10).map((event) => dedupeKey(event)));
		// The oldest are forgotten, so they count as new again; the newest are still duplicates.
		expect(dropDuplicates(push.slice(0, 1), seen, NOW, limits).fresh).toHaveLength(1);
		expect(dropDuplicates(push.slice(-1), seen, NOW, limits).fresh).toHaveLength(0);
	});

	it('tolerates a damaged store and does not change the one it was given', () => {
		const previous = { 'i|wamid-text-1': 'yesterday', 'i|other': NOW } as unknown as Record<
			string,
			number
		>;
		const frozen = JSON.stringify(previous);
		const result = dropDuplicates(normalise(fixture('inbound-text')), previous, NOW);
		expect(result.fresh).toHaveLength(1);
		expect(result.seen).toEqual({ 'i|other': NOW, 'i|wamid-text-1': NOW });
		expect(JSON.stringify(previous)).toBe(frozen);
	});

	it('keeps the store in insertion order although message IDs look like numbers', () => {
		const push = normalise([
			{ MessageId: '20', Message: 'b' },
			{ MessageId: '10', Message: 'a' },
		]);
		expect(Object.keys(dropDuplicates(push, undefined, NOW).seen)).toEqual(['i|20', 'i|10']);
	});
});
