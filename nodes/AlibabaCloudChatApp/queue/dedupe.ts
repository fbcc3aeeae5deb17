import { dedupeKey, dropDuplicates, type SeenKeys } from '../notifications/dedupe';
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

	constructor(
		private readonly store: SeenStore,
		private readonly enabled: boolean,
		private readonly activation: string,
	) {
		if (enabled) this.releaseUnfinished();
	}

	private releaseUnfinished(): void {
		const pending = this.store.readPending() ?? {};
		const stale = Object.keys(pending).filter((key) => pending[key] !== this.activation);
		if (stale.length === 0) return;
		const seen = { ...(this.store.read() ?? {}) };
		for (const key of stale) {
			delete seen[key];
			delete pending[key];
		}
		this.store.save(seen);
		this.store.savePending({ ...pending });
	}

	/** Claims the events of one received batch, grouped by message, in one pass over the store. */
	claim(groups: ChatAppEvent[][], now: number): Claim {
		if (!this.enabled) return { fresh: groups, held: groups.map(() => false), keys: [] };
		const result = dropDuplicates(groups.flat(), this.store.read(), now);
		const fresh = new Set(result.fresh);
		const held = groups.map((events) =>
			events.some((event) => {
				const key = dedupeKey(event);
				return !fresh.has(event) && key !== undefined && this.running.has(key);
			}),
		);
		const keys: string[] = [];
		const pending = { ...(this.store.readPending() ?? {}) };
		for (const event of result.fresh) {
			const key = dedupeKey(event);
			if (key === undefined) continue;
			keys.push(key);
			pending[key] = this.activation;
			this.running.set(key, (this.running.get(key) ?? 0) + 1);
		}
		this.store.save(result.seen);
		this.store.savePending(pending);
		return { fresh: groups.map((events) => events.filter((e) => fresh.has(e))), held, keys };
	}

	/** The run ended; on failure its keys are forgotten so the events are accepted again. */
	settle(keys: string[], succeeded: boolean): void {
		if (keys.length === 0 || !this.enabled) return;
		for (const key of keys) {
			const count = (this.running.get(key) ?? 1) - 1;
			if (count > 0) this.running.set(key, count);
			else this.running.delete(key);
		}
		const pending = { ...(this.store.readPending() ?? {}) };
		for (const key of keys) delete pending[key];
		this.store.savePending(pending);
		if (succeeded) return;
		const seen = { ...(this.store.read() ?? {}) };
		for (const key of keys) delete seen[key];
		this.store.save(seen);
	}
}
