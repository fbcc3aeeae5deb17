/**
 * Benchmark of the queue trigger: 10,000 ChatAppStatus events in the emulator's Communications
 * queue, every queue and token request answered after 20 ms, drained by the real trigger in
 * n8n-core's TriggerContext (default options) until the queue is empty. The stand-in for n8n
 * finishes each execution at once, so this measures the consumer: receives, token, decoding, the
 * notifications pipeline, de-duplication and deletes. Prints one JSON line; target ≥ 1,000 events/s.
 *
 *   npx ts-node --transpile-only test/bench/queueDrain.bench.ts [events]
 */
import { performance } from 'node:perf_hooks';

import { startEmulator } from '../emulator';
import {
	managedQueueParameters,
	startQueueTrigger,
	statusEvent,
	statusQueue,
	until,
} from '../helpers/queueTrigger';

export interface QueueDrainBenchResult {
	bench: 'queue-drain';
	events: number;
	eventsPerSecond: number;
	executions: number;
	duplicates: number;
}

const LATENCY_MS = 20;

export async function benchQueueDrain(events = 10_000): Promise<QueueDrainBenchResult> {
	const emu = await startEmulator();
	try {
		for (let i = 0; i < events; i++) {
			emu.queues.deliver(statusQueue(), statusEvent(i, 'bench'));
		}
		emu.configure({ latency: { fixedMs: LATENCY_MS } });
		const parameters = managedQueueParameters(emu, statusQueue(), {
			deduplicate: process.env.QUEUE_BENCH_DEDUPE !== '0',
			options: JSON.parse(process.env.QUEUE_BENCH_OPTIONS ?? '{}'),
		});
		const started = performance.now();
		const run = await startQueueTrigger({ emu, parameters });
		await until(() => emu.queues.stats(statusQueue()).total === 0, 300_000, 'an empty queue');
		const seconds = (performance.now() - started) / 1000;
		await run.close();
		const ids = run.items().map((item) => item.messageId);
		const result: QueueDrainBenchResult = {
			bench: 'queue-drain',
			events: ids.length,
			eventsPerSecond: Math.round(ids.length / seconds),
			executions: run.executions.length,
			duplicates: ids.length - new Set(ids).size,
		};
		process.stdout.write(`${JSON.stringify(result)}\n`);
		return result;
	} finally {
		await emu.close();
	}
}

if (require.main === module) {
	benchQueueDrain(Number(process.argv[2] ?? 10_000)).catch((error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	});
}
