/** Key lookup, timestamp and nonce checks shared by the V3 and V1 verifiers. */
import { errors } from '../errors';
import type { AccessKeyConfig } from '../types';

export interface AuthContext {
	keys: Map<string, AccessKeyConfig>;
	nonces: NonceStore;
	/** Emulator clock, ms. */
	now: () => number;
	skewMs: number;
}

export interface AuthResult {
	accessKeyId: string;
	/** The nonce to remember once every other check passed. */
	nonce: string;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Parses `yyyy-MM-ddTHH:mm:ssZ` strictly (no millis, real calendar date). */
export function parseTimestamp(value: string): number | undefined {
	const match = TIMESTAMP.exec(value);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const time = Date.UTC(year, month - 1, day, hour, minute, second);
	const back = new Date(time);
	if (
		back.getUTCMonth() !== month - 1 ||
		back.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return undefined;
	}
	return time;
}

export function checkTimestamp(value: string | undefined, ctx: AuthContext): void {
	if (value === undefined || value === '') throw errors.missing('Timestamp');
	const time = parseTimestamp(value);
	if (time === undefined) throw errors.timestampFormat(value);
	if (Math.abs(ctx.now() - time) > ctx.skewMs) throw errors.timestampExpired(value);
}

export function lookupKey(accessKeyId: string, ctx: AuthContext): AccessKeyConfig {
	const key = ctx.keys.get(accessKeyId);
	if (!key) throw errors.keyNotFound();
	if (key.active === false) throw errors.keyInactive();
	return key;
}

/** STS keys need their token; a token with a permanent key, or another key's token, is a mismatch. */
export function checkSecurityToken(key: AccessKeyConfig, token: string | undefined): void {
	if (key.securityToken === undefined) {
		if (token !== undefined && token !== '') throw errors.tokenMismatch();
		return;
	}
	if (token === undefined || token === '') throw errors.tokenMissing();
	if (token !== key.securityToken) throw errors.tokenMismatch();
}

/** Nonces seen per AccessKey; each is remembered for the allowed clock skew. */
export class NonceStore {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly now: () => number,
		private readonly ttlMs: () => number,
	) {}

	check(accessKeyId: string, nonce: string): void {
		const expires = this.seen.get(`${accessKeyId}\n${nonce}`);
		if (expires !== undefined && expires > this.now()) throw errors.nonceUsed();
	}

	remember(accessKeyId: string, nonce: string): void {
		const now = this.now();
		if (this.seen.size > 50_000) {
			for (const [key, expires] of this.seen) if (expires <= now) this.seen.delete(key);
		}
		this.seen.set(`${accessKeyId}\n${nonce}`, now + this.ttlMs());
	}

	clear(): void {
		this.seen.clear();
	}
}
