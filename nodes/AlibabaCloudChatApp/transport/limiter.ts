import { sleep } from 'n8n-workflow';

/**
 * CAMS quotas per Alibaba Cloud account and action (QPS in the API reference, e.g.
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-sendchatappmessage).
 * Actions not listed have no stated quota and are not paced here.
 */
export const ACTION_QUOTAS: Readonly<Record<string, number>> = {
	SendChatappMessage: 250,
	SendChatappMassMessage: 10,
	CreateChatappTemplate: 50,
	ModifyChatappTemplate: 50,
	GetChatappPhoneNumberMetric: 50,
	GetChatappTemplateMetric: 50,
	ListChatappTemplate: 5,
	GetChatappTemplateDetail: 5,
	DeleteChatappTemplate: 5,
	GetChatappUploadAuthorization: 5,
	GetWhatsappHealthStatus: 5,
};

/** Aim this far under the quota: 245/s for SendChatappMessage, the measured safe rate. */
export const QUOTA_HEADROOM = 0.98;
/**
 * On throttling the rate drops to this share of itself (multiplicative decrease)... With a linear
 * climb back, processes sharing one quota average about (1 + DECREASE) / 2 of it: 0.85 gave 0.90-0.95
 * in the queue-mode test (two workers), 0.9 gives 0.95-0.96 with no throttling surfaced.
 */
const DECREASE = 0.9;
/** ...then climbs back by this share of the ceiling per second (additive increase). */
const INCREASE_PER_SECOND = 0.15;
/** CAMS counts calls per second; so does the limiter, over a sliding window. */
const WINDOW_MS = 1000;
/**
 * Lower the rate only when more than this share of the last second's starts was throttled. A
 * stalled event loop (a busy host) gets a stray call throttled now and then; cutting the rate for
 * that costs more than the retry. Several processes over one quota get far more throttled.
 */
const CONGESTION_SHARE = 0.05;
/** Never below this share of the ceiling, so a run always makes progress. */
const FLOOR = 0.02;

/**
 * The pace of one action for one AccessKey, shared by every execution this n8n process runs.
 * Start slots are handed out at `rate` per second to first tries and retries alike, and no window
 * holds more than `rate` starts per second: when the event loop stalls, the requests that waited
 * do not go out in a burst on top of the next ones (which CAMS would throttle). When more than 5%
 * of the last second's starts were throttled, a throttled answer to a request started after the
 * last decrease lowers the rate (requests already in flight at the old rate do not count twice);
 * then it climbs back linearly to the ceiling. Several n8n
 * processes on one account (queue mode) each back off on their own throttling and, as with any
 * AIMD scheme, converge on sharing the account quota.
 */
export class AdaptiveLimiter {
	rate: number;
	private nextSlot = 0;
	/** Start times within the last window (see `admit`), oldest first. */
	private readonly starts: number[] = [];
	/** Throttled answers within the last window, oldest first. */
	private readonly throttles: number[] = [];
	private lastUpdate = Date.now();
	private lastDecrease = 0;

	constructor(readonly ceiling: number) {
		this.rate = ceiling;
	}

	private climb(now: number): void {
		const elapsed = Math.max(0, now - this.lastUpdate) / 1000;
		this.lastUpdate = now;
		this.rate = Math.min(this.ceiling, this.rate + this.ceiling * INCREASE_PER_SECOND * elapsed);
	}

	/** Waits for a start slot; returns the start time to hand back to `throttled`. */
	async acquire(): Promise<number> {
		const now = Date.now();
		this.climb(now);
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + 1000 / this.rate;
		const wait = slot - now;
		if (wait > 0) await sleep(wait);
		return await this.admit();
	}

	/**
	 * Starts now unless the last `ceil(rate)` starts fall within `ceil(rate) / rate` seconds; else
	 * when the oldest of them leaves that window. It holds the pace at `rate` through event-loop
	 * stalls without rounding it down: at 9.8/s (the 10/s bulk-send quota with headroom) a count of
	 * whole starts per second allowed 9, a tenth under the quota.
	 */
	private async admit(): Promise<number> {
		for (;;) {
			const now = Date.now();
			const limit = Math.max(1, Math.ceil(this.rate));
			const windowMs = Math.max(WINDOW_MS, (limit / this.rate) * 1000);
			prune(this.starts, now, windowMs);
			if (this.starts.length < limit) {
				this.starts.push(now);
				return now;
			}
			await sleep(this.starts[this.starts.length - limit] + windowMs - now + 1);
		}
	}

	/** CAMS throttled a request that started at `startedAt`. */
	throttled(startedAt: number): void {
		const now = Date.now();
		this.throttles.push(now);
		prune(this.throttles, now, WINDOW_MS);
		const share = this.throttles.length / Math.max(1, countSince(this.starts, now - WINDOW_MS));
		if (startedAt < this.lastDecrease || share <= CONGESTION_SHARE) return;
		this.climb(now);
		this.rate = Math.max(this.ceiling * FLOOR, this.rate * DECREASE);
		this.lastDecrease = now;
		this.nextSlot = Math.max(this.nextSlot, now + 1000 / this.rate);
	}
}

/** Drops the times that left the window (they are in order, oldest first). */
function prune(times: number[], now: number, windowMs: number): void {
	let expired = 0;
	while (expired < times.length && times[expired] <= now - windowMs) expired++;
	if (expired > 0) times.splice(0, expired);
}

function countSince(times: number[], since: number): number {
	let count = 0;
	for (let i = times.length - 1; i >= 0 && times[i] > since; i--) count++;
	return count;
}

/** Module state: one limiter per AccessKey ID and action, for as long as the n8n process runs. */
const limiters = new Map<string, AdaptiveLimiter>();

export function limiterFor(accessKeyId: string, action: string): AdaptiveLimiter | undefined {
	const quota = ACTION_QUOTAS[action];
	if (quota === undefined) return undefined;
	const key = `${accessKeyId}\u0000${action}`;
	let limiter = limiters.get(key);
	if (!limiter) limiters.set(key, (limiter = new AdaptiveLimiter(quota * QUOTA_HEADROOM)));
	return limiter;
}

/** Forgets every limiter (tests, which reuse one key against fresh emulators). */
export function resetLimiters(): void {
	limiters.clear();
}
