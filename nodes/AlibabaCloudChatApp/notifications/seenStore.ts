import { createHash } from 'node:crypto';

import { stillSeen } from './seenWindow';

/**
 * The de-duplication keys as they are kept in workflow static data: one string of
 * `<12-character hash>.<seconds after base, base 36>` entries joined by ",". About 15 bytes per
 * key instead of ~40 for the plain key and an epoch-ms number, so n8n rewrites ~75 kB at the
 * 5,000-key cap rather than ~205 kB (`npm run bench`).
 */
export interface CompactSeenStore {
	format: 2;
	/** Epoch seconds that the entry offsets count from (the oldest entry). */
	base: number;
	keys: string;
}

/** Hashed key → first seen (epoch ms), oldest first. */
export type SeenMap = Map<string, number>;

/**
 * 72 bits of SHA-256, base64url: a false "duplicate" needs two of the at most 5,000 remembered
 * keys to collide, about 1 in 10^14.
 */
export function hashKey(key: string): string {
	return createHash('sha256').update(key).digest('base64url').slice(0, 12);
}

function isCompact(value: unknown): value is CompactSeenStore {
	const store = value as CompactSeenStore | undefined;
	return store?.format === 2 && typeof store.keys === 'string' && typeof store.base === 'number';
}

/**
 * Reads what an earlier push saved, dropping entries older than `ttlMs`. Also reads the plain
 * `{ key: epochMs }` object that versions before the compact form saved.
 */
export function decodeSeenStore(value: unknown, now: number, ttlMs: number): SeenMap {
	const seen: SeenMap = new Map();
	const keep = (hash: string, firstSeen: number) => {
		if (stillSeen(firstSeen, now, ttlMs)) seen.set(hash, firstSeen);
	};
	if (isCompact(value)) {
		// Scanned in place rather than split into 5,000 small arrays: this runs on many pushes.
		const { keys, base } = value;
		for (let start = 0; start < keys.length;) {
			let end = keys.indexOf(',', start);
			if (end === -1) end = keys.length;
			const dot = keys.indexOf('.', start);
			if (dot !== -1 && dot < end) {
				keep(keys.slice(start, dot), (base + parseInt(keys.slice(dot + 1, end), 36)) * 1000);
			}
			start = end + 1;
		}
	} else if (value && typeof value === 'object') {
		for (const [key, firstSeen] of Object.entries(value as Record<string, unknown>)) {
			if (typeof firstSeen === 'number') keep(hashKey(key), firstSeen);
		}
	}
	return seen;
}

/** The compact form of `seen`, oldest entry first. */
export function encodeSeenStore(seen: SeenMap): CompactSeenStore {
	let base = Infinity;
	for (const firstSeen of seen.values()) base = Math.min(base, Math.floor(firstSeen / 1000));
	if (base === Infinity) return { format: 2, base: 0, keys: '' };
	const entries: string[] = [];
	for (const [hash, firstSeen] of seen) {
		entries.push(`${hash}.${(Math.floor(firstSeen / 1000) - base).toString(36)}`);
	}
	return { format: 2, base, keys: entries.join(',') };
}
