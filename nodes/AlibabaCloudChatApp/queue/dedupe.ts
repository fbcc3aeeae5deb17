import { dedupeKey, dropDuplicates, type SeenKeys } from '../notifications/dedupe';
import type { ChatAppEvent } from '../notifications/types';

/** Where the seen keys live: the trigger's workflow static data, saved by n8n on every emit. */
export interface SeenStore {
	read(): SeenKeys | undefined;
	save(seen: SeenKeys): void;
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
 * are emitted (so a crash after the emit cannot emit them twice) and released when their run
 * fails, so the redelivered message runs again.
 */
export class DedupeGuard {
	private readonly running = new Map<string, number>();

	constructor(
		private readonly store: SeenStore,
		private readonly enabled: boolean,
	) {}

	/** Claims the events of one received batch, grouped by message, in one pass over the store. */
	claim(groups: ChatAppEvent[][], now: number): Claim {
		if (!this.enabled) return { fresh: groups, held: groups.map(() => false), keys: [] };
		const result = dropDuplicates(groups.flat(), this.store.read(), now);
		this.store.save(result.seen);
		const fresh = new Set(result.fresh);
		const keys: string[] = [];
		const held = groups.map((events) =>
			events.some((event) => {
				const key = dedupeKey(event);
				return !fresh.has(event) && key !== undefined && this.running.has(key);
			}),
		);
		for (const event of result.fresh) {
			const key = dedupeKey(event);
			if (key === undefined) continue;
			keys.push(key);
			this.running.set(key, (this.running.get(key) ?? 0) + 1);
		}
		return { fresh: groups.map((events) => events.filter((e) => fresh.has(e))), held, keys };
	}

	/** The run ended; on failure its keys are forgotten so the events are accepted again. */
	settle(keys: string[], succeeded: boolean): void {
		for (const key of keys) {
			const count = (this.running.get(key) ?? 1) - 1;
			if (count > 0) this.running.set(key, count);
			else this.running.delete(key);
		}
		if (succeeded || keys.length === 0 || !this.enabled) return;
		const seen = { ...(this.store.read() ?? {}) };
		for (const key of keys) delete seen[key];
		this.store.save(seen);
	}
}
