/**
 * `npm run emulator`: starts the CAMS emulator on PORT (default 8090; 0 picks a free one) until
 * Ctrl-C. EMULATOR_OPTIONS may hold startEmulator's options as JSON (latency, qps, ...): the
 * benchmarks run it in its own process this way, as CAMS is a remote service.
 */
import { EMULATOR_KEYS, SEED_CHANNELS, SEED_NUMBERS, startEmulator } from './index';
import type { EmulatorOptions } from './types';

async function main(): Promise<void> {
	const port = Number(process.env.PORT ?? 8090);
	const options = JSON.parse(process.env.EMULATOR_OPTIONS ?? '{}') as EmulatorOptions;
	const emulator = await startEmulator({
		...options,
		port,
		log: process.env.EMULATOR_LOG !== '0',
	});
	const lines = [
		`CAMS emulator listening on ${emulator.url}`,
		'',
		`  AccessKey ID:     ${EMULATOR_KEYS.accessKeyId}`,
		`  AccessKey Secret: ${EMULATOR_KEYS.accessKeySecret}`,
		`  STS key:          ${EMULATOR_KEYS.sts.accessKeyId} / ${EMULATOR_KEYS.sts.accessKeySecret}`,
		`  STS token:        ${EMULATOR_KEYS.sts.securityToken}`,
		'',
		`  WhatsApp channel: ${SEED_CHANNELS.whatsapp.custSpaceId} (number ${SEED_NUMBERS.connected})`,
		`  Viber channel:    ${SEED_CHANNELS.viber.custSpaceId} (service ID ${SEED_NUMBERS.viberServiceId})`,
		`  Messenger:        ${SEED_CHANNELS.messenger.custSpaceId} (page ${SEED_NUMBERS.messengerPageId})`,
		'',
		`  Control API:      ${emulator.url}/__control  (calls, stats, pushes, inbound, faults, config, webhooks, time, reset)`,
		'',
		'Press Ctrl-C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = () => {
		void emulator.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
