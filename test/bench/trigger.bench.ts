/**
 * Benchmark of the trigger's hot path: one 1,000-event push (mixed status, inbound and audit
 * events, ~300 kB) parsed from raw bytes, classified, normalised, filtered, claimed by the
 * de-duplication guard against static data already holding 4,000 keys that the process has read
 * before, and split into items. Target ≤ 10 ms. Also the same right after a restart, when the
 * static data has to be decoded first.
 *
 * Also the bytes of static data n8n writes per push (the whole object, whenever it changed): for
 * that 1,000-event push, for single-event pushes once the store is at its 5,000-key cap (the
 * steady state of a busy number), for a duplicate push, and what the plain store of earlier
 * versions wrote at the cap. Prints one JSON line.
 *
 *   npx ts-node --transpile-only test/bench/trigger.bench.ts
 */
import { performance } from 'node:perf_hooks';

import {
	DEDUPE_MAX_KEYS,
	dropDuplicates,
} from '../../nodes/AlibabaCloudChatApp/notifications/dedupe';
import {
	claimFreshEvents,
	forgetSeenEvents,
	guardScope,
} from '../../nodes/AlibabaCloudChatApp/notifications/dedupeGuard';
import { normaliseEvent } from '../../nodes/AlibabaCloudChatApp/notifications/normalise';
import { classifyEvent } from '../../nodes/AlibabaCloudChatApp/notifications/classify';
import { parsePushBody } from '../../nodes/AlibabaCloudChatApp/notifications/parse';
import {
	filterEvents,
	type SelectionSettings,
} from '../../nodes/AlibabaCloudChatApp/notifications/pipeline';
import { encodeSeenStore, hashKey } from '../../nodes/AlibabaCloudChatApp/notifications/seenStore';
import { INBOUND_TYPES, type EventKind } from '../../nodes/AlibabaCloudChatApp/notifications/types';
import { generatedPush } from '../nodes/AlibabaCloudChatApp/notifications/fixtures';

export interface TriggerBenchResult {
	bench: 'trigger-1000';
	msPerPush: number;
	/** The same push right after an n8n restart (static data decoded, nothing in memory). */
	msPerPushAfterRestart: number;
	events: number;
	/** Static data bytes n8n writes after the 1,000-event push. */
	staticBytesPush1000: number;
	/** Mean static data bytes per new single-event push with the store at its cap. */
	staticBytesPerPushAtCap: number;
	/** Static data bytes written for a push already seen. */
	staticBytesDuplicatePush: number;
	/** The same figure as staticBytesPerPushAtCap for the plain `{ key: epochMs }` store. */
	legacyStaticBytesPerPushAtCap: number;
}

const EVENTS = 1000;
const WARMUP_RUNS = 50;
const MEASURED_RUNS = 200;
const NOW = 1_700_000_000_000;

const SETTINGS: SelectionSettings = {
	filter: {
		kinds: new Set<EventKind>(['inboundMessage', 'messageStatus', 'templateReview']),
		statuses: new Set([
			'sent',
			'delivered',
			'read',
			'failed',
			'deleted',
			'subscribe',
			'unsubscribe',
		]),
		inboundTypes: new Set([...INBOUND_TYPES, 'OTHER']),
	},
	deduplicate: true,
};

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Static data as it looks after earlier pushes: 4,000 keys of other events. */
function earlierStore() {
	const earlier = generatedPush(4000, 'earlier').map((event) =>
		normaliseEvent(event, classifyEvent(event)),
	);
	const plain = dropDuplicates(earlier, undefined, NOW - 60_000).seen;
	return encodeSeenStore(
		new Map(Object.entries(plain).map(([key, firstSeen]) => [hashKey(key), firstSeen])),
	);
}

const SCOPE = guardScope('bench-workflow', 'bench-node');
/** What n8n writes: the workflow's whole static data, here just this node's part. */
const written = (seenEvents: unknown) =>
	Buffer.byteLength(JSON.stringify({ 'node:Chat App Trigger': { seenEvents } }));

/** Single-event pushes into a full store: bytes per push, compact vs the plain form. */
function bytesAtCap(): { compact: number; legacy: number; duplicate: number } {
	forgetSeenEvents();
	const single = generatedPush(DEDUPE_MAX_KEYS + 500, 'single').map((event) => [event]);
	let stored: unknown;
	let compact = 0;
	let measured = 0;
	for (const [index, push] of single.entries()) {
		const claimed = claimFreshEvents(filterEvents(push, SETTINGS.filter), stored, NOW + index, {
			scope: SCOPE,
		});
		if (claimed.store) stored = claimed.store;
		if (index >= DEDUPE_MAX_KEYS) {
			compact += claimed.store ? written(claimed.store) : 0;
			measured++;
		}
	}
	const duplicate = claimFreshEvents(
		filterEvents(single[single.length - 1], SETTINGS.filter),
		stored,
		NOW,
		{
			scope: SCOPE,
		},
	);
	const plain = dropDuplicates(
		generatedPush(DEDUPE_MAX_KEYS, 'single').map((event) =>
			normaliseEvent(event, classifyEvent(event)),
		),
		undefined,
		NOW,
	).seen;
	forgetSeenEvents();
	return {
		compact: Math.round(compact / measured),
		legacy: written(plain),
		duplicate: duplicate.store ? written(duplicate.store) : 0,
	};
}

/** Median ms of `handlePush` over the measured runs, `prepare` (untimed) before each run. */
function measure(prepare: () => void, handlePush: () => number): number {
	for (let run = 0; run < WARMUP_RUNS; run++) {
		prepare();
		handlePush();
	}
	const times: number[] = [];
	for (let run = 0; run < MEASURED_RUNS; run++) {
		prepare();
		const started = performance.now();
		handlePush();
		times.push(performance.now() - started);
	}
	return Number(median(times).toFixed(3));
}

export async function benchTrigger(): Promise<TriggerBenchResult> {
	const body = Buffer.from(JSON.stringify(generatedPush(EVENTS)));
	const store = earlierStore();
	let scope = SCOPE;
	let lastWrite = 0;
	const handlePush = (): number => {
		const push = parsePushBody(body);
		if (!push.ok) throw new Error(push.error);
		const claimed = claimFreshEvents(filterEvents(push.events, SETTINGS.filter), store, NOW, {
			scope,
		});
		lastWrite = claimed.store ? written(claimed.store) : 0;
		return claimed.fresh.map((json) => ({ json })).length;
	};
	// A running process: it has read this static data before, but not these 1,000 events.
	let runs = 0;
	const runningProcess = () => {
		scope = `${SCOPE}-${runs++}`;
		claimFreshEvents([], store, NOW, { scope });
	};
	// Just restarted: nothing in memory, the static data must be decoded.
	const restarted = () => {
		forgetSeenEvents();
		scope = SCOPE;
	};
	restarted();
	const items = handlePush();
	if (items !== EVENTS) throw new Error(`Expected ${EVENTS} items, got ${items}`);
	const msPerPush = measure(runningProcess, handlePush);
	const msPerPushAfterRestart = measure(restarted, handlePush);
	forgetSeenEvents();
	const atCap = bytesAtCap();
	const result: TriggerBenchResult = {
		bench: 'trigger-1000',
		msPerPush,
		msPerPushAfterRestart,
		events: EVENTS,
		staticBytesPush1000: lastWrite,
		staticBytesPerPushAtCap: atCap.compact,
		staticBytesDuplicatePush: atCap.duplicate,
		legacyStaticBytesPerPushAtCap: atCap.legacy,
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
	return result;
}

if (require.main === module) {
	benchTrigger().catch((error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	});
}
