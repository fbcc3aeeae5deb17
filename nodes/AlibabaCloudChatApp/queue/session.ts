import type { MnsKeys } from '../../../credentials/common/mns/signer';
import { networkFailure, queueFailure, QueueFailure } from './failure';
import {
	batchDeleteResource,
	batchReceiveResource,
	changeVisibilityResource,
	parseBatchErrors,
	parseChangeVisibility,
	parseError,
	parseMessages,
	receiptHandlesXml,
	type QueueError,
	type QueueMessage,
} from './protocol';
import { needsRefresh, type QueueToken } from './token';

export interface QueueRequest {
	method: 'GET' | 'DELETE' | 'PUT';
	/** Path and query exactly as sent and signed. */
	resource: string;
	body?: string;
	/** Temporary keys; undefined means "sign with the n8n credential" (the user's own queue). */
	keys?: MnsKeys;
	timeoutMs: number;
	abortSignal?: AbortSignal;
}

export interface QueueAnswer {
	status: number;
	body: string;
}

/** The HTTP side, provided by the node (transport/): it signs, sends and never throws on a status. */
export interface QueueTransport {
	send(request: QueueRequest): Promise<QueueAnswer>;
	/** For the CAMS-managed queue: QueryTokenForMnsQueue; throws QueueFailure. */
	fetchToken?(): Promise<QueueToken>;
}

/** Extra time over the long-poll wait before a request counts as hung. */
const TIMEOUT_MARGIN_MS = 10_000;
const SHORT_TIMEOUT_MS = 15_000;

/** One queue with its (refreshed) keys: receive, delete and change visibility. */
export class QueueSession {
	private token?: QueueToken;
	private pending?: Promise<QueueToken>;

	constructor(
		private readonly transport: QueueTransport,
		readonly queueName: string,
		private readonly now: () => number,
	) {}

	/** Whether this session uses temporary keys that may be refreshed. */
	get managed(): boolean {
		return this.transport.fetchToken !== undefined;
	}

	private async keys(forceRefresh: boolean): Promise<MnsKeys | undefined> {
		const fetchToken = this.transport.fetchToken;
		if (!fetchToken) return undefined;
		if (!forceRefresh && !needsRefresh(this.token, this.now())) return this.token;
		// One token request at a time, shared by every caller that needs it.
		this.pending ??= fetchToken().finally(() => (this.pending = undefined));
		this.token = await this.pending;
		return this.token;
	}

	private async call(request: Omit<QueueRequest, 'keys'>): Promise<QueueAnswer> {
		for (let attempt = 1; ; attempt++) {
			const keys = await this.keys(attempt > 1);
			const answer = await this.transport.send({ ...request, keys }).catch((error: unknown) => {
				// QueueFailure comes from the token request; anything else means no HTTP answer.
				return error instanceof QueueFailure
					? error
					: networkFailure(`Queue "${this.queueName}"`, error);
			});
			if (answer instanceof QueueFailure) throw answer;
			if (answer.status < 300) return answer;
			const error = parseError(answer.body);
			if (!error) return answer;
			const failure = queueFailure(this.queueName, answer.status, error.code, error.message);
			// A 403 with temporary keys: they may have expired early; fetch new ones once.
			if (failure.kind === 'auth' && this.managed && attempt === 1) continue;
			if (error.code === 'MessageNotExist' || error.code === 'ReceiptHandleError') return answer;
			throw failure;
		}
	}

	/** Up to `count` messages; waits up to `waitSeconds` for the first. Empty when none came. */
	async receive(
		count: number,
		waitSeconds: number,
		abortSignal?: AbortSignal,
	): Promise<QueueMessage[]> {
		const answer = await this.call({
			method: 'GET',
			resource: batchReceiveResource(this.queueName, count, waitSeconds),
			timeoutMs: waitSeconds * 1000 + TIMEOUT_MARGIN_MS,
			abortSignal,
		});
		return answer.status === 200 ? parseMessages(answer.body) : [];
	}

	/** Deletes by receipt handle; returns the handles that were not deleted (stale or unknown). */
	async delete(handles: string[]): Promise<QueueError[]> {
		if (handles.length === 0) return [];
		const answer = await this.call({
			method: 'DELETE',
			resource: batchDeleteResource(this.queueName),
			body: receiptHandlesXml(handles),
			timeoutMs: SHORT_TIMEOUT_MS,
		});
		if (answer.status < 300) return [];
		const failures = parseBatchErrors(answer.body);
		if (failures.length > 0) return failures;
		const error = parseError(answer.body);
		return handles.map((receiptHandle) => ({
			code: error?.code ?? `HTTP ${answer.status}`,
			message: error?.message ?? '',
			receiptHandle,
		}));
	}

	/** Makes a message visible again after `seconds`; returns its new handle (undefined if stale). */
	async changeVisibility(handle: string, seconds: number): Promise<string | undefined> {
		const answer = await this.call({
			method: 'PUT',
			resource: changeVisibilityResource(this.queueName, handle, seconds),
			timeoutMs: SHORT_TIMEOUT_MS,
		});
		return answer.status < 300 ? parseChangeVisibility(answer.body) : undefined;
	}
}
