/**
 * The Simple Message Queue (SMQ, formerly MNS) side of the emulator: the Communications queues
 * CAMS writes to when a number has QueueFlag Y, the Dybaseapi token action, and user-owned queues.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorState } from '../state';
import type { PushKind } from '../types';
import type { WireRequest } from '../wire';
import { camsQueueName } from './delivery';
import {
	defaultQueueFaults,
	handleQueueRequest,
	type QueueFaults,
	type QueueRequestRecord,
} from './service';
import { QueueStore, type QueueStats, type StoredMessage } from './store';
import { TokenStore } from './tokens';

export { beijingTime } from './tokens';
export { camsQueueName } from './delivery';
export type { QueueFaults, QueueRequestRecord, QueueStats, StoredMessage };

export const DYBASEAPI_VERSION = '2017-05-25';
export const QUEUE_TYPES: PushKind[] = ['ChatAppStatus', 'ChatAppInbound', 'ChatAppAudit'];

export interface QueueConfig {
	tokenLifetimeMs: number;
	visibilityTimeoutS: number;
}

const hubs = new WeakMap<EmulatorState, QueueHub>();

/** The hub of an emulator, for the gateway action that has only the state at hand. */
export function queueHubOf(state: EmulatorState): QueueHub | undefined {
	return hubs.get(state);
}

export class QueueHub {
	readonly store: QueueStore;
	readonly tokens: TokenStore;
	readonly records: QueueRequestRecord[] = [];
	private readonly flt: QueueFaults = defaultQueueFaults();

	constructor(
		state: EmulatorState,
		private readonly now: () => number,
		private readonly permanentSecret: (accessKeyId: string) => string | undefined,
		private readonly latencyMs: () => number,
	) {
		this.store = new QueueStore(now);
		this.tokens = new TokenStore(now);
		hubs.set(state, this);
		this.reset();
	}

	/** Empty Communications queues for the three message types; user queues are dropped. */
	reset(): void {
		this.store.clear();
		this.tokens.clear();
		this.records.length = 0;
		Object.assign(this.flt, defaultQueueFaults());
		this.configure({ tokenLifetimeMs: 10 * 60_000, visibilityTimeoutS: 30 });
		for (const kind of QUEUE_TYPES) this.store.create(camsQueueName(kind));
	}

	configure(patch: Partial<QueueConfig>): QueueConfig {
		if (patch.tokenLifetimeMs !== undefined) this.tokens.lifetimeMs = patch.tokenLifetimeMs;
		if (patch.visibilityTimeoutS !== undefined)
			this.store.visibilityTimeoutMs = patch.visibilityTimeoutS * 1000;
		return {
			tokenLifetimeMs: this.tokens.lifetimeMs,
			visibilityTimeoutS: this.store.visibilityTimeoutMs / 1000,
		};
	}

	faults(): QueueFaults {
		return { ...this.flt };
	}

	setFaults(patch: Partial<QueueFaults>): QueueFaults {
		Object.assign(this.flt, patch);
		return this.faults();
	}

	createQueue(name: string): void {
		this.store.create(name);
	}

	deleteQueue(name: string): void {
		this.store.remove(name);
	}

	/** Enqueues one notification as CAMS does: Base64 of its JSON text. */
	deliver(queueName: string, event: Record<string, unknown>): StoredMessage {
		return this.store.send(
			queueName,
			Buffer.from(JSON.stringify(event), 'utf8').toString('base64'),
		);
	}

	/** Enqueues a raw body (tests of undecodable or raw-JSON bodies). */
	sendRaw(queueName: string, body: string): StoredMessage {
		return this.store.send(queueName, body);
	}

	stats(queueName: string): QueueStats {
		return this.store.stats(queueName);
	}

	messages(queueName: string): StoredMessage[] {
		return this.store.messages(queueName);
	}

	requests(filter: { operation?: string; queue?: string } = {}): QueueRequestRecord[] {
		return this.records.filter(
			(record) =>
				(!filter.operation || record.operation === filter.operation) &&
				(!filter.queue || record.queue === filter.queue),
		);
	}

	async handle(
		req: IncomingMessage,
		res: ServerResponse,
		wire: WireRequest,
		host: string,
	): Promise<void> {
		await handleQueueRequest(req, res, wire, {
			store: this.store,
			auth: {
				tokens: this.tokens,
				permanentSecret: this.permanentSecret,
				now: this.now,
				skewMs: 15 * 60_000,
			},
			faults: this.flt,
			latencyMs: this.latencyMs,
			records: this.records,
			host,
		});
	}

	close(): void {
		this.store.clear();
	}
}
