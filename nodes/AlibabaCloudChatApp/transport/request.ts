import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isStopped, NotStartedError } from '../helpers/pacing';
import { camsApiError, keepMessage, markFailure, type CamsErrorBody } from './errors';
import { limiterFor, type AdaptiveLimiter } from './limiter';
import { bodyParameters } from './placement';
import { isNeverSent, isThrottled, MAX_THROTTLE_ATTEMPTS, waitBeforeRetry } from './retry';

export const CREDENTIAL_TYPE = 'alibabaCloudChatAppApi';

export type CamsContext =
	IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** Parameter values as operations hand them over; nested values are sent as JSON strings. */
export type CamsParams = Record<string, unknown>;

export interface CamsRequestOptions {
	itemIndex?: number;
	/**
	 * Whether repeating the call is harmless. Read-only actions (Get/List/Query) are; a send is
	 * not, so a timeout or reset after the request went out is reported instead of retried.
	 */
	idempotent?: boolean;
}

/** Drops unset values and turns the rest into wire strings (objects and arrays as JSON). */
export function toWireParams(params: CamsParams): Record<string, string> {
	const wire: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null || value === '') continue;
		wire[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
	return wire;
}

/** Splits wire parameters between query and form body as the official SDK does for this action. */
export function placeParams(action: string, wire: Record<string, string>) {
	const bodyNames = bodyParameters(action);
	const qs: Record<string, string> = {};
	const body: Record<string, string> = {};
	for (const key of Object.keys(wire).sort()) {
		(bodyNames.has(key) ? body : qs)[key] = wire[key];
	}
	return { qs, body: Object.keys(body).length > 0 ? body : undefined };
}

function isReadOnly(action: string): boolean {
	return /^(Get|List|Query)/.test(action);
}

function parseBody(raw: unknown): CamsErrorBody {
	if (typeof raw === 'string') {
		try {
			return JSON.parse(raw) as CamsErrorBody;
		} catch {
			return { Message: raw.slice(0, 500) };
		}
	}
	return (raw ?? {}) as CamsErrorBody;
}

/**
 * The Node / axios error code (ECONNREFUSED, ECONNRESET, ETIMEDOUT, ...) of a failed request.
 * n8n's request helper wraps the axios error in a NodeApiError that keeps the code as `httpCode`.
 * No code means the request failed before the HTTP layer, e.g. the credential refused to sign.
 */
function networkErrorCode(error: unknown): string | undefined {
	const failure = error as { code?: unknown; httpCode?: unknown; cause?: { code?: unknown } };
	const candidates = [failure.cause?.code, failure.code, failure.httpCode];
	return candidates.find(
		(code): code is string => typeof code === 'string' && /^E[A-Z_]+$/.test(code),
	);
}

const accessKeyIds = new WeakMap<object, Promise<string>>();

/** The AccessKey ID of this execution's credential, read once per execution (context). */
async function accessKeyIdOf(context: CamsContext): Promise<string> {
	let id = accessKeyIds.get(context);
	if (!id) {
		id = context
			.getCredentials(CREDENTIAL_TYPE)
			.then((credentials) => String(credentials.accessKeyId ?? '').trim());
		accessKeyIds.set(context, id);
	}
	return await id;
}

/**
 * Calls one CAMS action and returns its response body. Signing happens in the credential.
 * A response whose `Code` is not `OK` is a failure even at HTTP 200. Throttling is retried with
 * back-off; so is a connection that was refused before anything was sent. Anything ambiguous is
 * retried only for idempotent actions. Every attempt, first or retry, waits for a start slot of
 * the process-wide limiter of this AccessKey and action; none starts once the run has stopped.
 */
export async function camsRequest(
	this: CamsContext,
	action: string,
	params: CamsParams = {},
	options: CamsRequestOptions = {},
): Promise<IDataObject> {
	const { qs, body } = placeParams(action, toWireParams(params));
	const idempotent = options.idempotent ?? isReadOnly(action);
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: '/',
		headers: { 'x-acs-action': action },
		qs,
		body,
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	let limiter: AdaptiveLimiter | undefined;
	try {
		limiter = limiterFor(await accessKeyIdOf(this), action);
	} catch {
		limiter = undefined; // no credential to key on: the request fails below with n8n's message
	}
	let lastError: Error | undefined;
	for (let attempt = 1; ; attempt++) {
		const startedAt = limiter ? await limiter.acquire() : Date.now();
		if (isStopped(this)) throw lastError ?? new NotStartedError();
		let response: { statusCode: number; body: unknown };
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				...request,
			});
		} catch (error) {
			const errorCode = networkErrorCode(error);
			if (errorCode === undefined) throw notSentError(this, action, error, options.itemIndex);
			const retryable = isNeverSent(errorCode) || idempotent;
			lastError = unreachableError(this, action, error, errorCode, idempotent, options.itemIndex);
			if (retryable && attempt < MAX_THROTTLE_ATTEMPTS) {
				await waitBeforeRetry(attempt);
				continue;
			}
			throw lastError;
		}
		const result = parseBody(response.body);
		const failed =
			response.statusCode >= 400 ||
			(result.Code !== undefined && result.Code !== 'OK') ||
			result.Success === false;
		if (!failed) return result as IDataObject;
		const throttled = isThrottled(response.statusCode, result.Code);
		if (throttled) limiter?.throttled(startedAt);
		lastError = camsApiError(
			this.getNode(),
			action,
			response.statusCode,
			result,
			options.itemIndex,
		);
		// A 5xx other than throttling may come after CAMS accepted the call.
		const maybeAccepted = !throttled && !idempotent && response.statusCode >= 500;
		markFailure(lastError, {
			errorCode: result.Code ?? `HTTP ${response.statusCode}`,
			requestId: result.RequestId,
			sent: maybeAccepted ? 'unknown' : 'no',
		});
		const retryable = throttled || (idempotent && response.statusCode >= 500);
		if (retryable && attempt < MAX_THROTTLE_ATTEMPTS) {
			await waitBeforeRetry(attempt);
			continue;
		}
		throw lastError;
	}
}

/** A failure before anything was sent, such as an endpoint the credential cannot use. */
function notSentError(
	context: CamsContext,
	action: string,
	error: unknown,
	itemIndex: number | undefined,
) {
	const reason = ((error as { cause?: Error }).cause ?? (error as Error)).message;
	const notSent = new NodeOperationError(context.getNode(), `${action} was not sent: ${reason}`, {
		itemIndex,
		description:
			'Nothing reached CAMS. Check the Region and Endpoint URL of the Alibaba Cloud Chat App credential.',
	});
	return markFailure(notSent, { sent: 'no' });
}

function unreachableError(
	context: CamsContext,
	action: string,
	error: unknown,
	errorCode: string | undefined,
	idempotent: boolean,
	itemIndex: number | undefined,
): NodeApiError {
	const ambiguous = !idempotent && !isNeverSent(errorCode);
	// A NodeApiError passed in would be returned as it is, dropping the message below.
	const cause = { code: errorCode ?? 'UNKNOWN', message: (error as Error).message } as JsonObject;
	const message = `${action} could not be completed: ${errorCode ?? (error as Error).message}`;
	const apiError = new NodeApiError(context.getNode(), cause, {
		message,
		description: ambiguous
			? 'The connection failed after the request was sent, so CAMS may have accepted it. It was not retried, to avoid sending twice. Check the message history (Message > Get Many) or the status webhook before sending again.'
			: 'CAMS could not be reached. Check the Region or Endpoint URL of the credential and the network of the n8n host.',
		itemIndex,
	});
	return markFailure(keepMessage(apiError, message), {
		errorCode: errorCode ?? 'UNKNOWN',
		sent: ambiguous ? 'unknown' : 'no',
	});
}
