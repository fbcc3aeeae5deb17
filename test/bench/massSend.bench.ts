/**
 * Send Bulk Template with 100,000 recipients through the real node (n8n-core's ExecuteContext,
 * real expressions, our signing credential, real HTTP) against the emulator at CAMS's 10 calls/s
 * for SendChatappMassMessage and 50 ms latency. The recipient and one template variable are
 * expressions. The ceiling is 10 calls/s x 1,000 recipients; `ceilingShare` is how close the run
 * gets to it end to end, input reading included. Prints the figures, then one JSON line.
 *
 *   npx ts-node --transpile-only test/bench/massSend.bench.ts [recipients]
 *   node --cpu-prof -r ts-node/register/transpile-only test/bench/massSend.bench.ts 20000
 *
 * Profile notes (--cpu-prof, 20,000 recipients, before the change): most of the ~200 µs per item
 * went to reading parameters that are the same for every item (channel, sender, template,
 * language, options: n8n resolves each one per call, resource locators and collections
 * included) and to re-parsing the template's Components twice per item. Now parameters without
 * an expression are read once per execution (helpers/parameterCache.ts) and the template's
 * variables and media header once per template; per item n8n evaluates only the expressions.
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED_CHANNELS, SEED_NUMBERS, SEED_TEMPLATES, startEmulator } from '../emulator';
import { byId, runChatApp } from '../helpers/chatApp';

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

function parameters(): INodeParameters {
	const { orderShipped } = SEED_TEMPLATES;
	return {
		resource: 'message',
		operation: 'sendBulkTemplate',
		channelType: 'whatsapp',
		channelId: byId(SEED_CHANNELS.whatsapp.custSpaceId),
		from: byId(SEED_NUMBERS.connected),
		to: '={{ $json.phone }}',
		template: byId(orderShipped.code),
		language: orderShipped.language,
		variablesInput: 'mapper',
		templateVariables: {
			mappingMode: 'defineBelow',
			value: {
				orderId: '={{ $json.orderId }}',
				name: 'Customer',
				date: 'Monday',
				trackingId: 'TRK',
			},
		},
		options: {},
	};
}

export async function benchMassSend(count = 100_000): Promise<MassSendBenchResult> {
	const emu = await startEmulator({
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
		const output = await runChatApp(emu.url, parameters(), { items, continueOnFail: true });
		const seconds = (performance.now() - started) / 1000;
		const calls = emu.calls({ action: 'SendChatappMassMessage' });
		const firstCall = calls[0]?.at ?? Date.now();
		const readSeconds = (firstCall - (Date.now() - seconds * 1000)) / 1000;
		const errors = output.filter((item) => item.json.error !== undefined).length;
		const stats = emu.stats();
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
