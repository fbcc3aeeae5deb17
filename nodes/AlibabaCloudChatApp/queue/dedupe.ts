import { DEDUPE_LIMITS, dedupeKey, type SeenKeys } from '../notifications/dedupe';
import { stillSeen, trimOldest } from '../notifications/seenWindow';
import type { ChatAppEvent } from '../notifications/types';

/** Key → the activation whose run has it and has not ended yet. */
export type PendingKeys = Record<string, string>;

/** Where the keys live: the trigger's workflow static data, which n8n saves on every emit. */
export interface SeenStore {
	read(): SeenKeys | undefined;
	save(seen: SeenKeys): void;
	readPending(): PendingKeys | undefined;
	savePending(pending: PendingKeys): void;
}

export interface Claim {
	/** Per message: its events that were not seen before. */
	fresh: ChatAppEvent[][];
	/** Per message: whether a dropped event belongs to a run still going (the message must stay). */
	held: boolean[];
	/** Keys of the fresh events, to release if their run fails. */
	keys: string[];
}

/**
 * The queue trigger's single use of the notifications de-duplication. Keys are claimed when events
 * are emitted, so a redelivery while their run goes on is not emitted again, and stay claimed when
 * the run succeeds. They are released when the run fails, and also when the trigger starts and
 * finds keys of an earlier activation whose run never reported back (n8n was stopped or killed):
 * that run did not finish, so the redelivered message must run again (at least once).
 */
export class DedupeGuard {
	private readonly running = new Map<string, number>();
	/**
	 * Plain objects read once and then changed in place: n8n hands static data out through
	 * change-tracking proxies, and copying thousands of keys for every batch would cost more than
	 * the batch. `order` keeps first-seen order for the TTL and the size cap.
	 */
	private readonly seen: SeenKeys;
	private readonly pending: PendingKeys;
	private readonly order = new Map<string, number>();

	constructor(
		private readonly store: SeenStore,
		private readonly enabled: boolean,
		private readonly activation: string,
		private readonly limits = DEDUPE_LIMITS,
	) {
		this.seen = enabled ? (JSON.parse(JSON.stringify(store.read() ?? {})) as SeenKeys) : {};
		this.pending = enabled
			? (JSON.parse(JSON.stringify(store.readPending() ?? {})) as PendingKeys)
			: {};
		for (const [key, at] of Object.entries(this.seen)) this.order.set(key, at);
		if (enabled) this.releaseUnfinished();
	}

	private releaseUnfinished(): void {
		const stale = Object.keys(this.pending).filter((key) => this.pending[key] !== this.activation);
		for (const key of stale) this.forget(key);
		if (stale.length > 0) this.persist();
	}

	private forget(key: string): void {
		delete this.seen[key];
		delete this.pending[key];
		this.order.delete(key);
	}

	/** Hands n8n the same objects again, which marks the static data as changed (saved on the next emit). */
	private persist(): void {
		this.store.save(this.seen);
		this.store.savePending(this.pending);
	}

	private isSeen(key: string, now: number): boolean {
		return stillSeen(this.seen[key], now, this.limits.ttlMs);
	}

	private remember(key: string, now: number): void {
		this.order.delete(key);
		this.order.set(key, now);
		this.seen[key] = now;
		const isPending = (oldest: string) => this.pending[oldest] !== undefined;
		for (const oldest of trimOldest(this.order, now, this.limits, isPending))
			delete this.seen[oldest];
	}

	/** Claims the events of one received batch, grouped by message. */
	claim(groups: ChatAppEvent[][], now: number): Claim {
		if (!this.enabled) return { fresh: groups, held: groups.map(() => false), keys: [] };
		const keys: string[] = [];
		const held = groups.map(() => false);
		const fresh = groups.map((events, index) =>
			events.filter((event) => {
				const key = dedupeKey(event);
				if (key === undefined) return true;
				if (this.isSeen(key, now)) {
					if (this.running.has(key)) held[index] = true;
					return false;
				}
				this.remember(key, now);
				this.pending[key] = this.activation;
				this.running.set(key, (this.running.get(key) ?? 0) + 1);
				keys.push(key);
				return true;
			}),
		);
		if (keys.length > 0) this.persist();
		return { fresh, held, keys };
	}

	/** The run ended; on failure its keys are forgotten so the events are accepted again. */
	settle(keys: string[], succeeded: boolean): void {
		if (keys.length === 0 || !this.enabled) return;
		for (const key of keys) {
			const count = (this.running.get(key) ?? 1) - 1;
			if (count > 0) this.running.set(key, count);
			else this.running.delete(key);
			if (succeeded) delete this.pending[key];
			else this.forget(key);
		}
		this.persist();
	}
}
