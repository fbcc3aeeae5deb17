import type { DedupeLimits } from './dedupe';

/**
 * The de-duplication window every trigger keeps: a key counts as seen for `ttlMs` after it was
 * first seen, and at most `maxKeys` keys are kept, the oldest dropped first. Shared by the webhook
 * trigger's stores and the queue trigger's claims, which differ in where the keys live.
 */

/** Whether a key first seen at `firstSeen` (epoch ms) is still inside the window. */
export function stillSeen(firstSeen: unknown, now: number, ttlMs: number): firstSeen is number {
	return typeof firstSeen === 'number' && Number.isFinite(firstSeen) && now - firstSeen < ttlMs;
}

/**
 * Drops keys from the oldest end of a first-seen-ordered map while it holds more than `maxKeys`
 * or the oldest has expired, stopping at the first key `keep` protects. Returns the dropped keys.
 */
export function trimOldest(
	window: Map<string, number>,
	now: number,
	limits: DedupeLimits,
	keep: (key: string) => boolean = () => false,
): string[] {
	const dropped: string[] = [];
	for (const [key, firstSeen] of window) {
		if (window.size <= limits.maxKeys && stillSeen(firstSeen, now, limits.ttlMs)) break;
		if (keep(key)) break;
		window.delete(key);
		dropped.push(key);
	}
	return dropped;
}
