/**
 * Send Bulk Template with 100,000 recipients through the real node (n8n-core's ExecuteContext,
 * real expressions, our signing credential, real HTTP) against the emulator at CAMS's 10 calls/s
 * for SendChatappMassMessage and 50 ms latency. The emulator runs in its own process, as CAMS
 * does: in one process its own work (100,000 message records, JSON parsing) took ~1.5 s of the
 * node's thread. The recipient and one template variable are
 * expressions. The ceiling is 10 calls/s x 1,000 recipients; `ceilingShare` is how close the run
 * gets to it end to end, input reading included. Prints the figures, then one JSON line.
 *
 *   npx ts-node --transpile-only test/bench/massSend.bench.ts [recipients]
 *   TS_NODE_PREFER_TS_EXTS=true TS_NODE_TRANSPILE_ONLY=true \
 *     node --cpu-prof -r ts-node/register test/bench/massSend.bench.ts 20000
 *
 * Profile notes (--cpu-prof, 10,000-20,000 recipients, on the shared 2-core machine):
 * - Before: readTemplateSend took ~90% of the time before the first call. Half of it was n8n
 *   resolving parameters that are the same for every item (channel and sender resource locators,
 *   template, language, options) on every getNodeParameter call; the template's Components were
 *   JSON-parsed twice per item; and nothing was sent until all items were read.
 * - Next: parameters without an expression were read once per execution
 *   (actions/shared/parameterCache.ts), the template's variables and media header once per template, and with Continue On Fail full
 *   batches go out while later items are read (the loop yields every 500 items).
 * - Then: what was left per item was n8n evaluating the two expressions (recipient, one
 *   variable), ~45-65 us each, half of it n8n-workflow's initializeGlobalContext building luxon
 *   DateTimes ($now, $today) for every evaluation: at 100,000 recipients n8n-workflow and luxon
 *   took ~10 s of CPU, our code under 1 s, and the share swung with the machine (0.52-0.83).
 * - Now: expressions that only read a field of the item (`{{ $json.phone }}`) are read from the
 *   item once n8n agreed on the first one (actions/shared/itemFieldExpression.ts); n8n evaluates
 *   the rest. That gave 0.87-0.89: the limiter then allowed whole starts per second, 9 at its
 *   9.8/s pace. With that fixed (transport/limiter.ts) the share is ~0.97, the limiter's pace;
 *   what is left is idle time between paced calls.
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject } from 'n8n-workflow';

import type { EmulatorStats } from '../emulator/stats';
import type { CallRecord } from '../emulator/types';
import { runChatApp } from '../helpers/chatApp';
import { startEmulatorProcess } from './emulatorProcess';
import { parameters } from './sendTemplate.bench';

export interface MassSendBenchResult {
	bench: 'mass-send-100k';
	recipients: number;
	seconds: number;
	recipientsPerSecond: number;
	ceilingShare: number;
	readSecondsBeforeFirstCall: number;
	calls: number;
	throttledByEmulator: number;
	errors: number;
	duplicates: number;
}

const CALLS_PER_SECOND = 10;
const RECIPIENTS_PER_CALL = 1000;
const LATENCY_MS = 50;

export async function benchMassSend(count = 100_000): Promise<MassSendBenchResult> {
	const emu = await startEmulatorProcess({
		latency: { fixedMs: LATENCY_MS },
		qps: { SendChatappMassMessage: CALLS_PER_SECOND },
		statusDelays: { sent: 3_600_000, delivered: 3_600_000, read: 3_600_000, failed: 3_600_000 },
	});
	try {
		const items: IDataObject[] = Array.from({ length: count }, (_, i) => ({
			phone: `+65 8${String(i).padStart(7, '0')}`,
			orderId: `A-${i}`,
		}));
		const started = performance.now();
		const output = await runChatApp(
			emu.url,
			parameters({}, 'sendBulkTemplate', {
				orderId: '={{ $json.orderId }}',
				name: 'Customer',
				date: 'Monday',
				trackingId: 'TRK',
			}),
			{ items, continueOnFail: true },
		);
		const seconds = (performance.now() - started) / 1000;
		const calls = await emu.control<CallRecord[]>('calls?action=SendChatappMassMessage');
		const firstCall = calls[0]?.at ?? Date.now();
		const readSeconds = (firstCall - (Date.now() - seconds * 1000)) / 1000;
		const errors = output.filter((item) => item.json.error !== undefined).length;
		const stats = await emu.control<EmulatorStats>('stats');
		const rate = (count - errors) / seconds;
		const ceiling = CALLS_PER_SECOND * RECIPIENTS_PER_CALL;
		process.stdout.write(
			`mass send: ${count} recipients in ${seconds.toFixed(1)} s = ${rate.toFixed(0)}/s, ` +
				`${((rate / ceiling) * 100).toFixed(1)}% of the ${ceiling}/s ceiling; ${readSeconds.toFixed(1)} s before the first call; ` +
				`${calls.length} calls, emulator throttled ${stats.throttled.SendChatappMassMessage ?? 0}; errors ${errors}; duplicates ${stats.duplicates}\n`,
		);
		const result: MassSendBenchResult = {
			bench: 'mass-send-100k',
			recipients: count,
			seconds: Number(seconds.toFixed(2)),
			recipientsPerSecond: Number(rate.toFixed(0)),
			ceilingShare: Number((rate / ceiling).toFixed(3)),
			readSecondsBeforeFirstCall: Number(readSeconds.toFixed(2)),
			calls: calls.length,
			throttledByEmulator: stats.throttled.SendChatappMassMessage ?? 0,
			errors,
			duplicates: stats.duplicates,
		};
		process.stdout.write(`${JSON.stringify(result)}\n`);
		return result;
	} finally {
		await emu.close();
	}
}

if (require.main === module) {
	const [count] = process.argv.slice(2).map(Number);
	benchMassSend(count || undefined).catch((error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	});
}
