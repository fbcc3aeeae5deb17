/**
 * Four executions of Send Template started at once in one process, 2,500 items each, against the
 * emulator's 250/s SendChatappMessage quota (50 ms latency). They share the process-wide limiter
 * of the AccessKey, so together they should fill the quota without being throttled, instead of
 * each aiming at 245/s. Prints the figures, then one JSON line.
 *
 *   npx ts-node --transpile-only test/bench/concurrentSends.bench.ts [executions] [itemsEach]
 */
import { performance } from 'node:perf_hooks';

import { LATENCY_MS, QUOTA, recipients, timedRun } from './sendTemplate.bench';
import { startEmulator } from '../emulator';

export interface ConcurrentSendBenchResult {
	bench: 'send-concurrent-executions';
	executions: number;
	itemsEach: number;
	messagesPerSecond: number;
	quotaShare: number;
	throttlingErrorsSurfaced: number;
	throttledByEmulator: number;
	otherErrors: number;
	duplicates: number;
}

export async function benchConcurrentSends(
	executions = 4,
	itemsEach = 2_500,
): Promise<ConcurrentSendBenchResult> {
	const emu = await startEmulator({
		latency: { fixedMs: LATENCY_MS },
		qps: { SendChatappMessage: QUOTA },
	});
	try {
		const started = performance.now();
		const runs = await Promise.all(
			Array.from(
				{ length: executions },
				async (_, run) =>
					await timedRun(emu, recipients(itemsEach, 2_000_000 + run * itemsEach), {}),
			),
		);
		const seconds = (performance.now() - started) / 1000;
		const sent = runs.reduce((sum, run) => sum + run.sent, 0);
		const rate = sent / seconds;
		const stats = emu.stats();
		const throttling = runs.reduce((sum, run) => sum + run.throttling, 0);
		const otherErrors = runs.flatMap((run) => run.otherErrors);
		process.stdout.write(
			`${executions} executions at once, ${itemsEach} each: ${sent} messages in ${seconds.toFixed(1)} s = ${rate.toFixed(1)}/s, ` +
				`${((rate / QUOTA) * 100).toFixed(1)}% of the ${QUOTA}/s quota; emulator throttled ${stats.throttled.SendChatappMessage ?? 0} calls (retried), ` +
				`errors surfaced: ${throttling} throttling, ${otherErrors.length} other; duplicates: ${stats.duplicates}\n`,
		);
		if (otherErrors.length > 0) process.stdout.write(`first other error: ${otherErrors[0]}\n`);
		const result: ConcurrentSendBenchResult = {
			bench: 'send-concurrent-executions',
			executions,
			itemsEach,
			messagesPerSecond: Number(rate.toFixed(1)),
			quotaShare: Number((rate / QUOTA).toFixed(3)),
			throttlingErrorsSurfaced: throttling,
			throttledByEmulator: stats.throttled.SendChatappMessage ?? 0,
			otherErrors: otherErrors.length,
			duplicates: stats.duplicates,
		};
		process.stdout.write(`${JSON.stringify(result)}\n`);
		return result;
	} finally {
		await emu.close();
	}
}

if (require.main === module) {
	const [executions, itemsEach] = process.argv.slice(2).map(Number);
	benchConcurrentSends(executions || undefined, itemsEach || undefined).catch((error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	});
}
