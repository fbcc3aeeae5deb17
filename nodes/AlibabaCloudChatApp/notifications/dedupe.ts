import { stillSeen, trimOldest } from './seenWindow';
import type { ChatAppEvent } from './types';

/** Seen keys kept at most per trigger; the oldest go first. About 75 kB of static data (seenStore.ts). */
export const DEDUPE_MAX_KEYS = 5_000;
/**
 * CAMS retries a push at 1 and 5 minutes (https://help.aliyun.com/zh/chatapp/developer-reference/chatappaudit-1),
 * other Alibaba Cloud receipts up to 10 minutes; an hour covers that with margin.
 */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;

/**
 * Seen key → when it was first seen (epoch ms), in insertion order: the plain store of dropDuplicates.
 * The trigger keeps the compact form of seenStore.ts instead (and still reads this one).
 */
export type SeenKeys = Record<string, number>;

export interface DedupeLimits {
	maxKeys: number;
	ttlMs: number;
}

/** The window every trigger uses unless a test sets a smaller one. */
export const DEDUPE_LIMITS: DedupeLimits = { maxKeys: DEDUPE_MAX_KEYS, ttlMs: DEDUPE_TTL_MS };

/**
 * What makes two pushed events the same (suggested in
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/configure-message-receipts): MessageId + Status for a status report,
 * MessageId for an inbound message, and for an audit the template, language, status and V2 type
 * plus the number, so that phone and WABA events (no template) do not collide. Audits carry no
 * time, so a template that passes, is paused and passes again within the TTL loses its second
 * "pass". Undefined when the event has no identity; such events are never dropped. Keys start with
 * a letter so that the object keeps insertion order (integer-like keys would be sorted first).
 */
export function dedupeKey(event: ChatAppEvent): string | undefined {
	if (event.event === 'messageStatus') {
		return event.messageId === null
			? undefined
			: `s|${event.messageId}|${String(event.status).toLowerCase()}`;
	}
	if (event.event === 'inboundMessage') {
		return event.messageId === null ? undefined : `i|${event.messageId}`;
	}
	if (event.receiptType === 'ChatAppAudit') {
		const parts = [
			event.auditType,
			event.wabaId,
			event.businessNumber,
			event.templateCode,
			event.language,
			event.auditStatus,
			event.status,
			event.currentLimit,
		];
		return `a|${parts.map((part) => part ?? '').join('|')}`;
	}
	return undefined;
}

export interface DedupeResult {
	fresh: ChatAppEvent[];
	/** The new store: expired keys removed, new keys appended, capped at `maxKeys`. */
	seen: SeenKeys;
}

/**
 * Drops events whose key was seen within the TTL, duplicates inside the same push included.
 * Pure: returns a new store instead of changing the given one, so the caller decides what to save.
 */
export function dropDuplicates(
	events: ChatAppEvent[],
	previous: SeenKeys | undefined,
	now: number,
	limits: DedupeLimits = DEDUPE_LIMITS,
): DedupeResult {
	const seen = new Map<string, number>();
	for (const [key, firstSeen] of Object.entries(previous ?? {})) {
		if (stillSeen(firstSeen, now, limits.ttlMs)) seen.set(key, firstSeen);
	}
	const fresh: ChatAppEvent[] = [];
	for (const event of events) {
		const key = dedupeKey(event);
		if (key === undefined) {
			fresh.push(event);
		} else if (!seen.has(key)) {
			seen.set(key, now);
			fresh.push(event);
		}
	}
	trimOldest(seen, now, limits);
	return { fresh, seen: Object.fromEntries(seen) };
}
