/** Temporary queue keys as Dybaseapi QueryTokenForMnsQueue hands them out, with a lifetime. */
import { randomBytes } from 'node:crypto';

export interface QueueToken {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken: string;
	messageType: string;
	queueName: string;
	createdAt: number;
	expiresAt: number;
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8), the format of ExpireTime / CreateTime. */
export function beijingTime(epochMs: number): string {
	return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export class TokenStore {
	private readonly tokens = new Map<string, QueueToken>();
	/** Default 10 minutes; tests shorten it to exercise refreshes. */
	lifetimeMs = 10 * 60_000;
	issuedCount = 0;

	constructor(private readonly now: () => number) {}

	issue(messageType: string, queueName: string): QueueToken {
		const createdAt = this.now();
		const token: QueueToken = {
			accessKeyId: `STS.NT${randomBytes(12).toString('hex')}`,
			accessKeySecret: randomBytes(24).toString('base64'),
			securityToken: `CAIS${randomBytes(96).toString('base64')}`,
			messageType,
			queueName,
			createdAt,
			// ExpireTime has whole seconds, so the stored expiry is what the client can read.
			expiresAt: Math.floor((createdAt + this.lifetimeMs) / 1000) * 1000,
		};
		this.tokens.set(token.accessKeyId, token);
		this.issuedCount++;
		return token;
	}

	find(accessKeyId: string): QueueToken | undefined {
		return this.tokens.get(accessKeyId);
	}

	clear(): void {
		this.tokens.clear();
		this.issuedCount = 0;
	}
}
