/**
 * Local emulator of Alibaba Cloud CAMS (Chat App Message Service, API 2020-06-06) for tests and
 * manual runs. It verifies ACS3-HMAC-SHA256 and V1 HMAC-SHA1 signatures, keeps state (channels,
 * numbers, templates, message history), validates like CAMS, enforces per-action QPS, pushes
 * ChatAppStatus / ChatAppInbound / ChatAppAudit to the configured webhooks, and has a control API
 * (in-process methods and HTTP under /__control/*) for records, faults, config and time.
 *
 *   const emu = await startEmulator();           // 127.0.0.1, random port
 *   // ... point a client at emu.url with EMULATOR_KEYS ...
 *   await emu.close();
 */
import { CamsEmulator } from './emulator';
import type { EmulatorOptions } from './types';

export { CamsEmulator, type EmulatorStats } from './emulator';
export {
	EMULATOR_KEYS,
	SEED_CHANNELS,
	SEED_NUMBERS,
	OSS_BUCKET,
	API_VERSION,
	FAILING_PREFIX,
} from './seed';
export { SEED_TEMPLATES } from './seedTemplates';
export { DEFAULT_QPS } from './quota';
export { EMULATED_ACTIONS } from './actions';
export { UNDELIVERABLE } from './events';
export { OSS_OWNER } from './oss';
export { camsQueueName, DYBASEAPI_VERSION, type QueueHub } from './mns';
export type { ConfigPatch } from './config';
export type { WebhookPatch } from './webhooks';
export type { LinkRecord } from './links';
export type * from './types';
export type { TemplateRecord, AuditStatus } from './templateModel';

export type Emulator = CamsEmulator;

/** Starts an emulator on 127.0.0.1 (port 0 = a free port unless `options.port` is given). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<CamsEmulator> {
	return new CamsEmulator(options).listen();
}
