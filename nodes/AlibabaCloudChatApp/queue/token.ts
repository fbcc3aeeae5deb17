import type { IDataObject } from 'n8n-workflow';

import type { MnsKeys } from '../../../credentials/common/mns/signer';

/** Temporary queue keys from Dybaseapi QueryTokenForMnsQueue, with when they stop working. */
export interface QueueToken extends MnsKeys {
	/** Epoch ms. */
	expiresAt: number;
	/** Epoch ms when the token was received. */
	receivedAt: number;
}

/** Alibaba's own consumer demos refresh when less than 2 minutes are left. */
const MAX_MARGIN_MS = 120_000;
/** When ExpireTime is missing or unreadable: the shortest lifetime seen in public demos. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;

/**
 * `ExpireTime` is `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8) without a zone, as Alibaba's Java
 * demo (`TokenGetterForAlicom`, parsed in Asia/Shanghai) shows.
 */
export function parseBeijingTime(text: unknown): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(
		String(text ?? '').trim(),
	);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	return Date.UTC(y, mo - 1, d, h - 8, mi, s);
}

/** The token of a successful answer, or undefined when it lacks the keys. */
export function parseQueueToken(body: IDataObject, now: number): QueueToken | undefined {
	const dto = (body.MessageTokenDTO ?? {}) as IDataObject;
	const accessKeyId = String(dto.AccessKeyId ?? '');
	const accessKeySecret = String(dto.AccessKeySecret ?? '');
	if (!accessKeyId || !accessKeySecret) return undefined;
	return {
		accessKeyId,
		accessKeySecret,
		securityToken: dto.SecurityToken ? String(dto.SecurityToken) : undefined,
		expiresAt: parseBeijingTime(dto.ExpireTime) ?? now + FALLBACK_LIFETIME_MS,
		receivedAt: now,
	};
}

/**
 * Whether to fetch a new token before the next request: within min(2 min, half the observed
 * lifetime) of the expiry, so a short-lived token is still renewed well before it runs out.
 */
export function needsRefresh(token: QueueToken | undefined, now: number): boolean {
	if (!token) return true;
	const lifetime = Math.max(0, token.expiresAt - token.receivedAt);
	return now >= token.expiresAt - Math.min(MAX_MARGIN_MS, lifetime / 2);
}
