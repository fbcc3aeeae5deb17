/**
 * Benchmark of the trigger's hot path: one 1,000-event push (mixed status, inbound and audit
 * events, ~300 kB) parsed from raw bytes, classified, normalised, filtered, deduplicated against a
 * store already holding 4,000 keys, and split into items. Prints one JSON line; target ≤ 10 ms.
 *
 *   npx ts-node --transpile-only test/bench/trigger.bench.ts
 */
import { performance } from 'node:perf_hooks';

import { dropDuplicates } from '../../nodes/AlibabaCloudChatApp/notifications/dedupe';
import { normaliseEvent } from '../../nodes/AlibabaCloudChatApp/notifications/normalise';
import { classifyEvent } from '../../nodes/AlibabaCloudChatApp/notifications/classify';
import { parsePushBody } from '../../nodes/AlibabaCloudChatApp/notifications/parse';
import {
	selectEvents,
	type SelectionSettings,
} from '../../nodes/AlibabaCloudChatApp/notifications/pipeline';
import type { EventKind } from '../../nodes/AlibabaCloudChatApp/notifications/types';
import { generatedPush } from '../nodes/AlibabaCloudChatApp/notifications/fixtures';

export interface TriggerBenchResult {
	bench: 'trigger-1000';
	msPerPush: number;
	events: number;
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
		inboundTypes: new Set([
			'TEXT',
			'IMAGE',
			'VIDEO',
			'AUDIO',
			'DOCUMENT',
			'LOCATION',
			'CONTACTS',
			'REPLY',
			'SYSTEM',
			'OTHER',
		]),
	},
	deduplicate: true,
};

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A dedupe store as it looks after earlier pushes: 4,000 keys of other events. */
function earlierStore() {
	const earlier = generatedPush(4000, 'earlier').map((event) =>
		normaliseEvent(event, classifyEvent(event)),
	);
	return dropDuplicates(earlier, undefined, NOW - 60_000).seen;
}

export async function benchTrigger(): Promise<TriggerBenchResult> {
	const body = Buffer.from(JSON.stringify(generatedPush(EVENTS)));
	const store = earlierStore();
	const handlePush = (): number => {
		const push = parsePushBody(body);
		if (!push.ok) throw new Error(push.error);
		const selected = selectEvents(push.events, SETTINGS, store, NOW);
		return selected.events.map((json) => ({ json })).length;
	};
	const items = handlePush();
	if (items !== EVENTS) throw new Error(`Expected ${EVENTS} items, got ${items}`);
	for (let run = 0; run < WARMUP_RUNS; run++) handlePush();
	const times: number[] = [];
	for (let run = 0; run < MEASURED_RUNS; run++) {
		const started = performance.now();
		handlePush();
		times.push(performance.now() - started);
	}
	const result: TriggerBenchResult = {
		bench: 'trigger-1000',
		msPerPush: Number(median(times).toFixed(3)),
		events: EVENTS,
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
