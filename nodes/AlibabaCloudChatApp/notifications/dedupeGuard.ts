import { DEDUPE_LIMITS, dedupeKey, type DedupeLimits } from './dedupe';
import {
	decodeSeenStore,
	encodeSeenStore,
	hashKey,
	type CompactSeenStore,
	type SeenMap,
} from './seenStore';
import { stillSeen, trimOldest } from './seenWindow';
import type { ChatAppEvent } from './types';

/**
 * Why this exists: n8n loads a workflow's static data for each request and saves the whole object
 * afterwards, so two pushes handled at the same moment both see "not seen yet" and the last save
 * wins. This module keeps the keys each trigger has seen in the memory of the n8n process, checked
 * and recorded synchronously (no await in between), so concurrent requests in one process cannot
 * both claim an event. Static data stays the layer that survives restarts. Another process (n8n
 * queue mode with several webhook processes) has its own memory: see the README.
 */

/** Triggers (workflow + node) remembered at most; the least recently used is forgotten first. */
export const GUARD_MAX_SCOPES = 100;

interface ScopeState {
	seen: SeenMap;
	/** The static data this process last wrote or read; while it is unchanged, it needs no decoding. */
	synced?: { base: number; keys: string };
	/** Whether `seen` holds keys that `synced` lacks. */
	dirty: boolean;
}

const scopes = new Map<string, ScopeState>();

/** The trigger a guard entry belongs to. */
export function guardScope(workflowId: string | undefined, nodeId: string): string {
	return `${workflowId ?? ''}:${nodeId}`;
}

function scopeState(scope: string | undefined): ScopeState {
	if (scope === undefined) return { seen: new Map(), dirty: false };
	const state = scopes.get(scope) ?? { seen: new Map<string, number>(), dirty: false };
	scopes.delete(scope);
	scopes.set(scope, state);
	if (scopes.size > GUARD_MAX_SCOPES) scopes.delete(scopes.keys().next().value as string);
	return state;
}

function isSynced(state: ScopeState, stored: unknown): boolean {
	const store = stored as Partial<CompactSeenStore> | undefined;
	return (
		state.synced !== undefined &&
		store?.format === 2 &&
		store.base === state.synced.base &&
		store.keys === state.synced.keys
	);
}

function dropExpired(seen: SeenMap, now: number, ttlMs: number): void {
	for (const [hash, firstSeen] of seen) if (!stillSeen(firstSeen, now, ttlMs)) seen.delete(hash);
}

function inTimeOrder(seen: SeenMap): boolean {
	let last = -Infinity;
	for (const firstSeen of seen.values()) {
		if (firstSeen < last) return false;
		last = firstSeen;
	}
	return true;
}

/** Keeps the newest `maxKeys`, rebuilt oldest first so that later inserts stay in time order. */
function capKeys(seen: SeenMap, now: number, limits: DedupeLimits): void {
	const { maxKeys } = limits;
	if (seen.size <= maxKeys) return;
	// The usual case, a new key at the cap: the oldest entries come first, so the window's own
	// trim drops them without a sort.
	if (inTimeOrder(seen)) {
		trimOldest(seen, now, limits);
		return;
	}
	const newest = [...seen].sort((a, b) => a[1] - b[1]).slice(-maxKeys);
	seen.clear();
	for (const [hash, firstSeen] of newest) seen.set(hash, firstSeen);
}

function sameKeys(a: SeenMap, b: SeenMap): boolean {
	if (a.size !== b.size) return false;
	for (const hash of a.keys()) if (!b.has(hash)) return false;
	return true;
}

export interface ClaimOptions {
	/** `guardScope()` of the trigger; undefined keeps nothing in memory (test webhooks). */
	scope?: string;
	limits?: DedupeLimits;
}

export interface ClaimResult {
	/** The events not seen before, in push order (events without an identity are always kept). */
	fresh: ChatAppEvent[];
	/** What to save in static data; undefined when the saved key set would not change. */
	store?: CompactSeenStore;
}

/**
 * Drops the events this trigger has seen within the TTL (in this process's memory, in `stored`
 * from static data, or earlier in the same push) and records the others. Synchronous on purpose:
 * the check and the record happen without yielding to another request.
 */
export function claimFreshEvents(
	events: ChatAppEvent[],
	stored: unknown,
	now: number,
	options: ClaimOptions = {},
): ClaimResult {
	const limits = options.limits ?? DEDUPE_LIMITS;
	const { ttlMs } = limits;
	const state = scopeState(options.scope);
	const { seen } = state;
	dropExpired(seen, now, ttlMs);
	if (!isSynced(state, stored)) {
		// Keys saved by another process or before a restart count as seen here too.
		const persisted = decodeSeenStore(stored, now, ttlMs);
		for (const [hash, firstSeen] of persisted) if (!seen.has(hash)) seen.set(hash, firstSeen);
		state.dirty = !sameKeys(seen, persisted);
	}
	const fresh: ChatAppEvent[] = [];
	for (const event of events) {
		const key = dedupeKey(event);
		const hash = key === undefined ? undefined : hashKey(key);
		if (hash !== undefined && seen.has(hash)) continue;
		if (hash !== undefined) {
			seen.set(hash, now);
			state.dirty = true;
		}
		fresh.push(event);
	}
	capKeys(seen, now, limits);
	if (!state.dirty) {
		state.synced = storeText(stored);
		return { fresh };
	}
	// Saving everything this process knows also repairs a save that a concurrent request overwrote.
	const store = encodeSeenStore(seen);
	state.synced = { base: store.base, keys: store.keys };
	state.dirty = false;
	return { fresh, store };
}

function storeText(stored: unknown): ScopeState['synced'] {
	const store = stored as Partial<CompactSeenStore> | undefined;
	return store?.format === 2 && typeof store.keys === 'string' && typeof store.base === 'number'
		? { base: store.base, keys: store.keys }
		: undefined;
}

/** Forgets every trigger's keys, as a restart of the n8n process does. */
export function forgetSeenEvents(): void {
	scopes.clear();
}
