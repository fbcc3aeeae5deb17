import type { INodeExecutionData } from 'n8n-workflow';

import { overLimit, prepareBatch, type BatchSettings, type PreparedBatch } from './batch';
import type { DedupeGuard } from './dedupe';
import { Backoff, QueueFailure } from './failure';
import type { QueueMessage } from './protocol';
import type { QueueSession } from './session';

export interface ConsumerSettings extends BatchSettings {
	batchSize: number;
	waitSeconds: number;
	/** Long polls running at once; more drain a busy queue faster. */
	parallelReceives: number;
	/** Executions running at once (each holds one received batch). */
	maxInFlight: number;
	/** Seconds before a message of a failed run is visible again; doubles per delivery. */
	retryDelaySeconds: number;
	/** After `maxDeliveries`: delete the message once its run ended, whatever the outcome. */
	deleteAfterMaxDeliveries: boolean;
	/** Test runs: one batch, one execution, then stop. */
	once: boolean;
}

/** What the consumer needs from n8n. */
export interface ConsumerHost {
	/** Starts an execution; resolves true when it succeeded. */
	emit(items: INodeExecutionData[]): Promise<boolean>;
	/** A persistent error: the trigger cannot go on. */
	fail(error: QueueFailure): void;
	sleep(ms: number): Promise<void>;
	now(): number;
}

/** Longest sleep between checks of `stopped`, so deactivation is never held up by a back-off. */
const SLEEP_SLICE_MS = 250;
const MAX_RETRY_DELAY_S = 43_200;
const DELETE_ATTEMPTS = 3;
const EARLY_EMPTY_PAUSE_MS = 1000;

/**
 * The long-poll loop: receive a batch, emit it, and delete its messages only once the execution
 * succeeded. A failed run's messages become visible again after a back-off (ChangeMessageVisibility)
 * and come back with DequeueCount + 1. Network errors and 5xx back off and never end the loop.
 */
export class QueueConsumer {
	private stopped = false;
	private readonly abort = new AbortController();
	private inFlight = 0;
	private waiters: Array<() => void> = [];
	private readonly running = new Set<Promise<void>>();
	private loops: Array<Promise<void>> = [];

	constructor(
		private readonly session: QueueSession,
		private readonly settings: ConsumerSettings,
		private readonly dedupe: DedupeGuard,
		private readonly host: ConsumerHost,
		/** Called after every request the queue answered, to reset failure counts kept elsewhere. */
		private readonly onHealthy: () => void = () => {},
	) {}

	start(): void {
		const count = this.settings.once ? 1 : Math.max(1, this.settings.parallelReceives);
		this.loops = Array.from({ length: count }, async () => await this.loop());
	}

	/** Stops polling at once (aborting long polls); runs already emitted still settle their messages. */
	async stop(): Promise<void> {
		this.stopped = true;
		this.abort.abort();
		for (const wake of this.waiters.splice(0)) wake();
		await Promise.allSettled(this.loops);
	}

	/** Resolves when every emitted batch has been deleted or released (tests, benchmarks). */
	async idle(): Promise<void> {
		while (this.running.size > 0) await Promise.allSettled([...this.running]);
	}

	get isStopped(): boolean {
		return this.stopped;
	}

	private async pause(ms: number): Promise<void> {
		for (let left = ms; left > 0 && !this.stopped; left -= SLEEP_SLICE_MS) {
			await this.host.sleep(Math.min(SLEEP_SLICE_MS, left));
		}
	}

	private async slot(): Promise<void> {
		while (this.inFlight >= Math.max(1, this.settings.maxInFlight) && !this.stopped) {
			await new Promise<void>((resolve) => this.waiters.push(resolve));
		}
		this.inFlight++;
	}

	private release(): void {
		this.inFlight--;
		this.waiters.shift()?.();
	}

	private async loop(): Promise<void> {
		const backoff = new Backoff();
		while (!this.stopped) {
			await this.slot();
			let messages: QueueMessage[];
			const polledAt = this.host.now();
			try {
				messages = await this.session.receive(
					this.settings.batchSize,
					this.settings.waitSeconds,
					this.abort.signal,
				);
				backoff.reset();
				this.onHealthy();
			} catch (error) {
				this.release();
				if (this.stopped) break;
				if (error instanceof QueueFailure && error.kind !== 'transient') {
					this.stopped = true;
					this.abort.abort();
					this.host.fail(error);
					break;
				}
				await this.pause(backoff.next());
				continue;
			}
			if (messages.length === 0 || this.stopped) {
				this.release();
				// An empty answer long before the wait ended: the service's long-poll cap was hit.
				const elapsed = this.host.now() - polledAt;
				if (elapsed < (this.settings.waitSeconds * 1000) / 2)
					await this.pause(EARLY_EMPTY_PAUSE_MS);
				continue;
			}
			const run = this.handle(messages).finally(() => {
				this.running.delete(run);
				this.release();
			});
			this.running.add(run);
			if (this.settings.once) break;
		}
	}

	private async handle(messages: QueueMessage[]): Promise<void> {
		const batch = prepareBatch(messages, this.settings, this.dedupe, this.host.now());
		const deletions = this.remove(batch.done);
		if (batch.items.length === 0) {
			await deletions;
			return;
		}
		let succeeded = false;
		try {
			succeeded = await this.host.emit(batch.items);
		} catch {
			succeeded = false;
		}
		this.dedupe.settle(batch.keys, succeeded);
		await Promise.all([deletions, this.settle(batch, succeeded)]);
	}

	private async settle(batch: PreparedBatch, succeeded: boolean): Promise<void> {
		const poisoned = (message: QueueMessage) =>
			this.settings.deleteAfterMaxDeliveries && overLimit(message, this.settings);
		const toDelete = succeeded ? batch.emitted : batch.emitted.filter(poisoned);
		const toRetry = succeeded ? [] : batch.emitted.filter((message) => !poisoned(message));
		await Promise.all([
			this.remove(toDelete),
			...toRetry.map(async (message) => await this.retryLater(message)),
		]);
	}

	/** Deletes handles; a stale handle means the message comes back, so it is not retried. */
	private async remove(messages: QueueMessage[]): Promise<void> {
		if (messages.length === 0) return;
		const handles = messages.map((message) => message.receiptHandle);
		for (let attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
			try {
				await this.session.delete(handles);
				return;
			} catch (error) {
				const transient = error instanceof QueueFailure && error.kind === 'transient';
				if (!transient || attempt === DELETE_ATTEMPTS) return;
				await this.host.sleep(500 * attempt);
			}
		}
	}

	/** Visible again after the retry delay, doubled per earlier delivery (capped at 12 h). */
	private async retryLater(message: QueueMessage): Promise<void> {
		const factor = 2 ** Math.min(16, Math.max(0, message.dequeueCount - 1));
		const seconds = Math.min(MAX_RETRY_DELAY_S, this.settings.retryDelaySeconds * factor);
		try {
			await this.session.changeVisibility(message.receiptHandle, seconds);
		} catch {
			// The message becomes visible anyway once the queue's visibility timeout ends.
		}
	}
}
