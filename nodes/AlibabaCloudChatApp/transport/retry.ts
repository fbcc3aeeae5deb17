import { sleep } from 'n8n-workflow';

/** Attempts for one call when CAMS says it is throttling us (the first try included). */
export const MAX_THROTTLE_ATTEMPTS = 6;
/** First back-off; it doubles each time, plus up to the same again as jitter. */
export const BASE_BACKOFF_MS = 100;
/** No single wait is longer than this. */
export const MAX_BACKOFF_MS = 4000;

const THROTTLING_CODES = /^(Throttling(\..+)?|System\.LimitControl|ServiceUnavailable)$/;

/** Connection errors that prove the request never reached CAMS, so a retry cannot send twice. */
const NOT_SENT_ERRORS = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** Whether a CAMS answer means "not accepted, slow down": safe to retry for any action. */
export function isThrottled(statusCode: number, code: string | undefined): boolean {
	if (code && THROTTLING_CODES.test(code)) return true;
	return statusCode === 429 || (statusCode === 503 && !code);
}

/** Whether a transport failure proves the request was never delivered. */
export function isNeverSent(errorCode: string | undefined): boolean {
	return errorCode !== undefined && NOT_SENT_ERRORS.has(errorCode);
}

/** Exponential back-off with jitter for the given retry (1 = the first retry). */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
	const base = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (retry - 1));
	return Math.min(MAX_BACKOFF_MS, Math.round(base + base * random()));
}

export async function waitBeforeRetry(retry: number): Promise<void> {
	await sleep(backoffDelay(retry));
}
