import {
	claimFreshEvents,
	forgetSeenEvents,
	guardScope,
	GUARD_MAX_SCOPES,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/dedupeGuard';
import { DEDUPE_TTL_MS } from '../../../../nodes/AlibabaCloudChatApp/notifications/dedupe';
import {
	decodeSeenStore,
	encodeSeenStore,
	hashKey,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/seenStore';
import { filterEvents } from '../../../../nodes/AlibabaCloudChatApp/notifications/pipeline';
import type {
	ChatAppEvent,
	EventKind,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/types';
import { fixture, generatedPush } from './fixtures';

const NOW = 1_700_000_000_000;
const SCOPE = guardScope('wf-1', 'node-1');
const ALL = new Set<EventKind>(['inboundMessage', 'messageStatus', 'templateReview']);
const events = (raw = generatedPush(50)): ChatAppEvent[] => filterEvents(raw, { kinds: ALL });
const ids = (list: ChatAppEvent[]) => list.map((event) => `${event.messageId}/${event.status}`);

beforeEach(() => forgetSeenEvents());

describe('claimFreshEvents', () => {
	it('lets only the first of many identical claims through, although none saw the others’ static data', () => {
		const push = events();
		// Every request loads the same (empty) static data, as concurrent n8n requests do.
		const results = Array.from({ length: 20 }, () =>
			claimFreshEvents(push, undefined, NOW, { scope: SCOPE }),
		);
		expect(results[0].fresh).toHaveLength(50);
		expect(results.slice(1).every((result) => result.fresh.length === 0)).toBe(true);
	});

	it('makes every save hold all keys the process knows, so the last save of a race loses none', () => {
		const pushes = Array.from({ length: 10 }, (_, index) => events(generatedPush(5, `p${index}`)));
		const saves = pushes.map((push) => claimFreshEvents(push, undefined, NOW, { scope: SCOPE }));
		const last = saves.at(-1)!.store!;
		expect(decodeSeenStore(last, NOW, DEDUPE_TTL_MS).size).toBe(50);
	});

	it('repairs static data that a concurrent save overwrote, and writes nothing when it is complete', () => {
		const first = claimFreshEvents(events(generatedPush(3, 'a')), undefined, NOW, {
			scope: SCOPE,
		});
		const second = claimFreshEvents(events(generatedPush(3, 'b')), undefined, NOW, {
			scope: SCOPE,
		});
		// The first save landed last: static data lacks the second push's keys.
		const repaired = claimFreshEvents(events(generatedPush(3, 'a')), first.store, NOW + 1000, {
			scope: SCOPE,
		});
		expect(repaired.fresh).toEqual([]);
		expect(decodeSeenStore(repaired.store, NOW, DEDUPE_TTL_MS)).toEqual(
			decodeSeenStore(second.store, NOW, DEDUPE_TTL_MS),
		);
		const again = claimFreshEvents(events(generatedPush(3, 'b')), repaired.store, NOW + 2000, {
			scope: SCOPE,
		});
		expect(again).toEqual({ fresh: [] });
	});

	it('after a restart (memory gone) still drops what static data remembers, within the TTL only', () => {
		const push = events();
		const { store } = claimFreshEvents(push, undefined, NOW, { scope: SCOPE });
		forgetSeenEvents();
		expect(claimFreshEvents(push, store, NOW + 60_000, { scope: SCOPE }).fresh).toEqual([]);
		forgetSeenEvents();
		expect(
			claimFreshEvents(push, store, NOW + DEDUPE_TTL_MS + 1000, { scope: SCOPE }).fresh,
		).toHaveLength(50);
	});

	it('keeps triggers apart, and keeps nothing in memory without a scope (test webhooks)', () => {
		const push = events();
		claimFreshEvents(push, undefined, NOW, { scope: SCOPE });
		expect(
			claimFreshEvents(push, undefined, NOW, { scope: guardScope('wf-1', 'node-2') }).fresh,
		).toHaveLength(50);
		expect(claimFreshEvents(push, undefined, NOW).fresh).toHaveLength(50);
		expect(claimFreshEvents(push, undefined, NOW).fresh).toHaveLength(50);
	});

	it('drops duplicates inside one push and keeps events without an identity', () => {
		const [a, b] = fixture('status-template-frame');
		const noId = { ...a, MessageId: undefined };
		const claimed = claimFreshEvents(events([a, b, a, noId, noId]), undefined, NOW);
		expect(ids(claimed.fresh)).toEqual([
			`${a.MessageId}/${a.Status}`,
			`${b.MessageId}/${b.Status}`,
			`null/${a.Status}`,
			`null/${a.Status}`,
		]);
	});

	it('keeps the newest keys at the cap and forgets the least recently used trigger', () => {
		const limits = { maxKeys: 30, ttlMs: DEDUPE_TTL_MS };
		claimFreshEvents(events(generatedPush(20, 'old')), undefined, NOW, { scope: SCOPE, limits });
		const { store } = claimFreshEvents(events(generatedPush(20, 'new')), undefined, NOW + 5000, {
			scope: SCOPE,
			limits,
		});
		const kept = decodeSeenStore(store, NOW + 5000, DEDUPE_TTL_MS);
		expect(kept.size).toBe(30);
		expect([...kept.values()].filter((firstSeen) => firstSeen === NOW + 5000)).toHaveLength(20);

		// Older keys saved by another process arrive after newer ones in memory: still the newest stay.
		const older = new Map(
			events(generatedPush(20, 'elsewhere')).map((event, index) => [
				hashKey(`elsewhere-${index}-${event.messageId}`),
				NOW - 60_000 + index,
			]),
		);
		const merged = claimFreshEvents([], encodeSeenStore(older), NOW + 6000, {
			scope: SCOPE,
			limits,
		}).store;
		const afterMerge = [...decodeSeenStore(merged, NOW + 6000, DEDUPE_TTL_MS).values()];
		expect(afterMerge).toHaveLength(30);
		expect(afterMerge.filter((firstSeen) => firstSeen === NOW + 5000)).toHaveLength(20);
		expect(afterMerge).toEqual([...afterMerge].sort((a, b) => a - b));

		for (let index = 0; index < GUARD_MAX_SCOPES; index++) {
			claimFreshEvents([], undefined, NOW, { scope: guardScope('other', String(index)) });
		}
		expect(
			claimFreshEvents(events(generatedPush(20, 'new')), undefined, NOW, { scope: SCOPE }).fresh,
		).toHaveLength(20);
	});
});

describe('compact static data', () => {
	it('round-trips, about 15 bytes per key', () => {
		const seen = new Map(
			Array.from({ length: 5000 }, (_, index) => [hashKey(`i|wamid-${index}`), NOW + index * 500]),
		);
		const store = encodeSeenStore(seen);
		expect(decodeSeenStore(store, NOW + 10_000, DEDUPE_TTL_MS)).toEqual(
			new Map([...seen].map(([hash, at]) => [hash, Math.floor(at / 1000) * 1000])),
		);
		expect(JSON.stringify(store).length).toBeLessThan(5000 * 18 + 100);
		expect(encodeSeenStore(new Map())).toEqual({ format: 2, base: 0, keys: '' });
	});

	it('reads the plain { key: epochMs } store saved by earlier versions', () => {
		const legacy = { 'i|wamid-1': NOW, 'i|wamid-2': NOW - DEDUPE_TTL_MS, junk: 'x' };
		expect(decodeSeenStore(legacy, NOW + 1, DEDUPE_TTL_MS)).toEqual(
			new Map([[hashKey('i|wamid-1'), NOW]]),
		);
		const [text] = fixture('inbound-text');
		const claimed = claimFreshEvents(events([text]), { [`i|${text.MessageId}`]: NOW }, NOW + 1);
		expect(claimed.fresh).toEqual([]);
		expect(decodeSeenStore('nonsense', NOW, DEDUPE_TTL_MS).size).toBe(0);
	});
});
