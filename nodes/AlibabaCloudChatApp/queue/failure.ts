/**
 * How the queue trigger reacts to a failed queue or token request (error codes from
 * https://www.alibabacloud.com/help/en/mns/developer-reference/error-codes):
 * - `transient`: network errors, 5xx, 429, throttling; retried with exponential back-off forever;
 * - `auth`: 403 from the queue; the temporary keys are refreshed once, then it is persistent;
 * - `persistent`: configuration errors; reported to n8n, which deactivates and retries activation.
 */
export type FailureKind = 'transient' | 'auth' | 'persistent';

export class QueueFailure extends Error {
	constructor(
		readonly kind: FailureKind,
		readonly code: string,
		message: string,
		/** What the user should change. */
		readonly fix: string,
		readonly httpStatus?: number,
	) {
		super(message);
		this.name = 'QueueFailure';
	}
}

const THROTTLING = /Throttl|QpsLimitExceeded|ServiceUnavailable|TooManyRequests/i;

/** A failed answer of the queue endpoint, from its HTTP status and `<Error>` code. */
export function queueFailure(
	queueName: string,
	status: number,
	code: string,
	message: string,
): QueueFailure {
	const text = `Queue "${queueName}": ${code} (HTTP ${status})${message ? `: ${message}` : ''}`;
	if (status >= 500 || status === 429 || THROTTLING.test(code)) {
		return new QueueFailure('transient', code, text, 'Retried automatically.', status);
	}
	if (code === 'QueueNotExist') {
		return new QueueFailure(
			'persistent',
			code,
			text,
			'Check the queue name: it is the StatusQueue or UpQueue of the number (Phone Number > Get Many) or the name in the CAMS console, and queue delivery must be turned on for that message type (Phone Number > Update Webhooks with Queue Delivery, or the console).',
			status,
		);
	}
	if (status === 403) {
		return new QueueFailure(
			'auth',
			code,
			text,
			'The queue refused the keys. For the CAMS-managed queue, check that the Message Type matches the queue and that the AccessKey may call Dybaseapi QueryTokenForMnsQueue; for your own queue, that the AccessKey may read it (AliyunMNSFullAccess) and the Queue Endpoint names your account and region.',
			status,
		);
	}
	if (code === 'TimeExpired' || status === 408) {
		return new QueueFailure(
			'persistent',
			code,
			text,
			"The n8n host's clock is more than 15 minutes off. Synchronise it (NTP).",
			status,
		);
	}
	return new QueueFailure(
		'persistent',
		code,
		text,
		'The queue rejected the request. Check the Queue Endpoint and the queue name.',
		status,
	);
}

/** A request that got no HTTP answer (refused, reset, timed out): always transient. */
export function networkFailure(target: string, error: unknown): QueueFailure {
	const reason = (error as Error)?.message ?? String(error);
	return new QueueFailure(
		'transient',
		'NetworkError',
		`${target} could not be reached: ${reason}`,
		'Retried automatically; check the endpoint and the network of the n8n host if it persists.',
	);
}

/** Exponential back-off with jitter: about 1 s, doubling to 60 s; reset after a success. */
export class Backoff {
	private failures = 0;

	constructor(
		private readonly baseMs = 1000,
		private readonly maxMs = 60_000,
	) {}

	next(random: number = Math.random()): number {
		const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** this.failures);
		this.failures++;
		return Math.round(ceiling * (0.5 + random / 2));
	}

	reset(): void {
		this.failures = 0;
	}
}
