/**
 * HTTP push of ChatAppStatus / ChatAppInbound / ChatAppAudit like CAMS: events that become due
 * within `batchWindowMs` of each other for the same URL and kind go out as one JSON array (at most
 * `maxBatchSize` events; a full batch is sent at once). A push
 * is delivered only on HTTP 200 with a JSON body whose `code` is the number 0; otherwise it is
 * retried after `pushRetry.delaysMs` until `pushRetry.attempts` attempts were made.
 */
import http from 'node:http';
import https from 'node:https';

import type { PushKind, PushRecord, RuntimeConfig } from './types';

export interface PushTarget {
	url?: string;
	/** QueueFlag Y: the event also goes to this queue (emulator/mns). */
	queue?: string;
	/** Why there is nothing to call. */
	skipped?: string;
}

type Event = Record<string, unknown>;

interface PendingBatch {
	kind: PushKind;
	url: string;
	events: Event[];
}

export class PushDispatcher {
	records: PushRecord[] = [];
	private nextId = 1;
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly pending = new Map<string, PendingBatch>();
	private readonly requests = new Set<http.ClientRequest>();
	/** Pushes sent and not yet done (delivered, or out of attempts). */
	private active = 0;
	private lastSkipAt = -1;
	private waiters: Array<() => void> = [];

	constructor(
		private readonly config: () => RuntimeConfig,
		private readonly now: () => number,
	) {}

	/** After `delayMs`, builds the events (so their Timestamp is the real time) and queues them. */
	schedule(
		delayMs: number,
		kind: PushKind,
		build: () => Array<{ target: PushTarget; event: Event }>,
	): void {
		this.later(delayMs, () => {
			for (const { target, event } of build()) this.enqueue(kind, target, event);
		});
	}

	/** Where events for a queue go; set by the emulator. */
	onQueue?: (queue: string, event: Event) => void;

	enqueue(kind: PushKind, target: PushTarget, event: Event): void {
		if (target.queue) this.onQueue?.(target.queue, event);
		if (!target.url && target.queue) return;
		if (!target.url) {
			const skipped = target.skipped ?? 'no callback URL configured';
			const last = this.records[this.records.length - 1];
			// Events that cannot be sent at the same moment share one record.
			if (
				last?.skipped === skipped &&
				last.kind === kind &&
				last.attempts.length === 0 &&
				this.lastSkipAt === this.now()
			) {
				last.events.push(event);
			} else {
				this.records.push({
					id: this.nextId++,
					kind,
					events: [event],
					attempts: [],
					delivered: false,
					done: true,
					skipped,
				});
				this.lastSkipAt = this.now();
			}
			return this.checkIdle();
		}
		const key = `${kind} ${target.url}`;
		const batch = this.pending.get(key);
		if (batch) {
			batch.events.push(event);
			if (batch.events.length >= this.config().maxBatchSize) this.flush(key);
			return;
		}
		this.pending.set(key, { kind, url: target.url, events: [event] });
		this.later(this.config().batchWindowMs, () => this.flush(key));
	}

	private flush(key: string): void {
		const due = this.pending.get(key);
		this.pending.delete(key);
		if (due) this.send(due);
	}

	private send(batch: PendingBatch): void {
		const record: PushRecord = {
			id: this.nextId++,
			kind: batch.kind,
			url: batch.url,
			events: batch.events,
			attempts: [],
			delivered: false,
			done: false,
		};
		this.records.push(record);
		this.active++;
		void this.attempt(record);
	}

	private async attempt(record: PushRecord): Promise<void> {
		const { attempts, delaysMs, timeoutMs } = this.config().pushRetry;
		const generation = this.generation;
		const result = await this.post(record.url as string, JSON.stringify(record.events), timeoutMs);
		if (generation !== this.generation) return;
		record.attempts.push({ at: this.now(), ...result });
		if (result.ok) record.delivered = true;
		if (result.ok || record.attempts.length >= attempts || this.closed) {
			record.done = true;
			this.active--;
			return this.checkIdle();
		}
		const delay = delaysMs[Math.min(record.attempts.length - 1, delaysMs.length - 1)] ?? 0;
		this.later(delay, () => void this.attempt(record));
	}

	private closed = false;
	private generation = 0;

	private post(
		url: string,
		body: string,
		timeoutMs: number,
	): Promise<{ ok: boolean; status?: number; body?: string; error?: string }> {
		return new Promise((resolve) => {
			let target: URL;
			try {
				target = new URL(url);
			} catch {
				return resolve({ ok: false, error: `invalid URL ${url}` });
			}
			const client = target.protocol === 'https:' ? https : http;
			const request = client.request(target, {
				method: 'POST',
				agent: false,
				timeout: timeoutMs,
				headers: {
					'content-type': 'application/json; charset=utf-8',
					'content-length': Buffer.byteLength(body),
					'user-agent': 'CAMS-Emulator-Push/1.0',
				},
			});
			this.requests.add(request);
			const finish = (result: { ok: boolean; status?: number; body?: string; error?: string }) => {
				this.requests.delete(request);
				resolve(result);
			};
			request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
			request.on('error', (error) => finish({ ok: false, error: error.message }));
			request.on('response', (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', (error) =>
					finish({ ok: false, status: response.statusCode, error: error.message }),
				);
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8').slice(0, 4096);
					finish({
						ok: response.statusCode === 200 && acknowledged(text),
						status: response.statusCode,
						body: text,
					});
				});
			});
			request.end(body);
		});
	}

	private later(delayMs: number, run: () => void): void {
		if (this.closed) return;
		const timer = setTimeout(
			() => {
				this.timers.delete(timer);
				run();
				this.checkIdle();
			},
			Math.max(0, delayMs),
		);
		this.timers.add(timer);
	}

	private busy(): boolean {
		return this.timers.size > 0 || this.pending.size > 0 || this.active > 0;
	}

	private checkIdle(): void {
		if (this.busy()) return;
		const waiters = this.waiters;
		this.waiters = [];
		for (const resolve of waiters) resolve();
	}

	/** Resolves once nothing is scheduled, batched or being retried. */
	settle(timeoutMs = 10_000): Promise<void> {
		if (!this.busy()) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`pushes still pending after ${timeoutMs} ms`)),
				timeoutMs,
			);
			this.waiters.push(() => {
				clearTimeout(timer);
				resolve();
			});
		});
	}

	/** Cancels every timer and in-flight push. `reopen` keeps the dispatcher usable (reset). */
	stop(reopen: boolean): void {
		this.closed = true;
		this.generation++;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.pending.clear();
		for (const request of this.requests) request.destroy();
		this.requests.clear();
		for (const record of this.records) record.done = true;
		this.active = 0;
		this.checkIdle();
		this.closed = !reopen;
		if (reopen) this.records = [];
	}
}

/** CAMS counts a push as received only for `{"code":0,...}`. */
export function acknowledged(text: string): boolean {
	try {
		const body = JSON.parse(text) as { code?: unknown };
		return body !== null && typeof body === 'object' && body.code === 0;
	} catch {
		return false;
	}
}
