/**
 * Per-action QPS quotas, enforced with a sliding log: an action may have been admitted at most
 * `limit` times in the last 1000 ms (real time, not the emulator clock). Throttled calls are not
 * logged, so a client that backs off gets through as soon as the oldest admitted call is 1 s old.
 */
import type { QpsConfig } from './types';

/** Defaults from the CAMS API reference (cams-api.md §1.7); actions not listed are unlimited. */
export const DEFAULT_QPS: Readonly<QpsConfig> = {
	SendChatappMessage: 250,
	CreateChatappTemplate: 50,
	ModifyChatappTemplate: 50,
	GetChatappPhoneNumberMetric: 50,
	GetChatappTemplateMetric: 50,
	SendChatappMassMessage: 10,
	QueryChatappBindWaba: 10,
	QueryChatappPhoneNumbers: 10,
	QueryPhoneBusinessProfile: 10,
	ModifyPhoneBusinessProfile: 10,
	UpdateAccountWebhook: 10,
	UpdatePhoneWebhook: 10,
	ChatappSyncPhoneNumber: 10,
	ListChatappTemplate: 5,
	GetChatappTemplateDetail: 5,
	DeleteChatappTemplate: 5,
	GetChatappUploadAuthorization: 5,
};

export const WINDOW_MS = 1000;

export class QuotaTracker {
	private readonly log = new Map<string, number[]>();

	constructor(private readonly now: () => number = () => performance.now()) {}

	/** Admits (and logs) the call when under `limit`; returns false when it must be throttled. */
	admit(action: string, limit: number | undefined): boolean {
		if (limit === undefined || !Number.isFinite(limit)) return true;
		const now = this.now();
		const times = this.log.get(action) ?? [];
		let drop = 0;
		while (drop < times.length && times[drop] <= now - WINDOW_MS) drop++;
		if (drop > 0) times.splice(0, drop);
		if (times.length >= limit) {
			this.log.set(action, times);
			return false;
		}
		times.push(now);
		this.log.set(action, times);
		return true;
	}

	reset(): void {
		this.log.clear();
	}
}

export function effectiveLimit(action: string, qps: QpsConfig): number | undefined {
	if (action in qps) return qps[action];
	return DEFAULT_QPS[action];
}
