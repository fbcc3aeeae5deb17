/**
 * Benchmark of Send Template at volume: 10,000 items through the real node (n8n-core's
 * ExecuteContext, our signing credential, real HTTP) against the emulator with the 250/s quota of
 * SendChatappMessage and 50 ms latency, next to a one-at-a-time baseline (how n8n's WhatsApp node
 * sends) on a 500-item subset. Prints the figures, then one JSON line.
 *
 *   npx ts-node --transpile-only test/bench/sendTemplate.bench.ts [items] [baselineItems]
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../emulator';
import { byId, runChatApp } from '../helpers/chatApp';

export interface SendBenchResult {
	bench: 'send-template';
	items: number;
	messagesPerSecond: number;
	baselineMessagesPerSecond: number;
	ratio: number;
	quotaShare: number;
	throttlingErrorsSurfaced: number;
	throttledByEmulator: number;
	otherErrors: number;
	duplicates: number;
}

export const QUOTA = 250;
export const LATENCY_MS = 50;

/** Send Template (or Send Bulk Template) of orderShipped to `$json.phone` with these variables. */
export function parameters(
	options: IDataObject,
	operation = 'sendTemplate',
	variables: Record<string, string> = {
		orderId: '={{ $json.orderId }}',
		name: '={{ $json.name }}',
		date: 'Monday',
		trackingId: '={{ "TRK" + $json.orderId }}',
	},
): INodeParameters {
	const { orderShipped } = SEED_TEMPLATES;
	return {
		resource: 'message',
		operation,
		channelType: 'whatsapp',
		channelId: byId(SEED_CHANNELS.whatsapp.custSpaceId),
		from: byId(SEED_NUMBERS.connected),
		to: '={{ $json.phone }}',
		template: byId(orderShipped.code),
		language: orderShipped.language,
		variablesInput: 'mapper',
		templateVariables: { mappingMode: 'defineBelow', value: variables },
		options: options as NodeParameterValueType,
	};
}

export function recipients(count: number, offset: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		phone: `+65 8${String(offset + i).padStart(7, '0')}`,
		orderId: `A-${offset + i}`,
		name: `Customer ${i}`,
	}));
}

export async function timedRun(emu: CamsEmulator, items: IDataObject[], options: IDataObject) {
	const started = performance.now();
	const output = await runChatApp(emu.url, parameters(options), { items, continueOnFail: true });
	const seconds = (performance.now() - started) / 1000;
	const errors = output
		.filter((item) => item.json.error !== undefined)
		.map((item) => String(item.json.error));
	return {
		seconds,
		sent: output.length - errors.length,
		throttling: errors.filter((error) => /Throttling|LimitControl/.test(error)).length,
		otherErrors: errors.filter((error) => !/Throttling|LimitControl/.test(error)),
	};
}

export async function benchSendTemplate(
	items = 10_000,
	baselineItems = 500,
): Promise<SendBenchResult> {
	const emu = await startEmulator({
		latency: { fixedMs: LATENCY_MS },
		qps: { SendChatappMessage: QUOTA },
	});
	try {
		const baseline = await timedRun(emu, recipients(baselineItems, 0), {
			concurrency: 1,
			perSecond: QUOTA,
		});
		const baselineRate = baseline.sent / baseline.seconds;
		process.stdout.write(
			`baseline, one at a time: ${baseline.sent} messages in ${baseline.seconds.toFixed(1)} s = ${baselineRate.toFixed(1)}/s\n`,
		);
		emu.reset();
		const run = await timedRun(emu, recipients(items, 1_000_000), {});
		const rate = run.sent / run.seconds;
		const stats = emu.stats();
		process.stdout.write(
			`paced (defaults: 25 in flight, 245/s): ${run.sent} messages in ${run.seconds.toFixed(1)} s = ${rate.toFixed(1)}/s, ` +
				`${((rate / QUOTA) * 100).toFixed(1)}% of the ${QUOTA}/s quota; emulator throttled ${stats.throttled.SendChatappMessage ?? 0} calls (retried), ` +
				`errors surfaced: ${run.throttling} throttling, ${run.otherErrors.length} other; duplicates: ${stats.duplicates}\n`,
		);
		if (run.otherErrors.length > 0)
			process.stdout.write(`first other error: ${run.otherErrors[0]}\n`);
		const result: SendBenchResult = {
			bench: 'send-template',
			items,
			messagesPerSecond: Number(rate.toFixed(1)),
			baselineMessagesPerSecond: Number(baselineRate.toFixed(1)),
			ratio: Number((rate / baselineRate).toFixed(1)),
			quotaShare: Number((rate / QUOTA).toFixed(3)),
			throttlingErrorsSurfaced: run.throttling,
			throttledByEmulator: stats.throttled.SendChatappMessage ?? 0,
			otherErrors: run.otherErrors.length + baseline.otherErrors.length,
			duplicates: stats.duplicates,
		};
		process.stdout.write(`${JSON.stringify(result)}\n`);
		return result;
	} finally {
		await emu.close();
	}
}

if (require.main === module) {
	const [items, baselineItems] = process.argv.slice(2).map(Number);
	benchSendTemplate(items || undefined, baselineItems || undefined).catch((error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	});
}
