import type { IDataObject, IHttpRequestOptions, ITriggerFunctions } from 'n8n-workflow';

import { MNS_API_VERSION, signMnsHttpRequest } from '../../../credentials/common/mns/request';
import { networkFailure, QueueFailure } from '../queue/failure';
import type { QueueAnswer, QueueRequest, QueueTransport } from '../queue/session';
import { parseQueueToken, type QueueToken } from '../queue/token';
import { CREDENTIAL_TYPE } from './request';

/** Dybaseapi, the Alibaba Cloud Communications API that hands out the queue tokens. */
export const DYBASEAPI_VERSION = '2017-05-25';

export interface QueueTarget {
	queueEndpoint: string;
	queueName: string;
	/** Set for the CAMS-managed queue: where and for which message type to get temporary keys. */
	managed?: { dybaseapiEndpoint: string; messageType: string };
}

function asText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return body === undefined || body === null ? '' : JSON.stringify(body);
}

/**
 * One queue request. With temporary keys (CAMS-managed queue) the request is signed here and sent
 * as it is; without, the credential signs it with the user's own AccessKey. The URL is built as a
 * string so the signed request-target is exactly the one sent.
 */
async function sendQueueRequest(
	context: ITriggerFunctions,
	endpoint: string,
	request: QueueRequest,
): Promise<QueueAnswer> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${endpoint}${request.resource}`,
		headers: { 'x-mns-version': MNS_API_VERSION },
		body: request.body,
		json: false,
		encoding: 'text',
		timeout: request.timeoutMs,
		abortSignal: request.abortSignal,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const response = (
		request.keys
			? await context.helpers.httpRequest(
					signMnsHttpRequest(options, request.keys, new Date().toUTCString()),
				)
			: await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options)
	) as { statusCode: number; body: unknown };
	return { status: response.statusCode, body: asText(response.body) };
}

const TOKEN_FIXES: Array<[RegExp, string]> = [
	[
		/InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature/,
		'Check the AccessKey ID and Secret of the Alibaba Cloud Chat App credential.',
	],
	[
		/Forbidden|NoPermission|Ram|AccessDenied/i,
		'Grant the RAM user of the credential the dybaseapi:QueryTokenForMnsQueue permission (e.g. AliyunDysmsFullAccess or a custom policy).',
	],
	[
		/MessageType|QueueName|InvalidParameter/i,
		'Check the Message Type and the Queue Name: they must match a queue that CAMS created when queue delivery was turned on.',
	],
];

/** Temporary keys for the CAMS-managed queue (Dybaseapi QueryTokenForMnsQueue), signed by the credential. */
async function fetchQueueToken(
	context: ITriggerFunctions,
	target: QueueTarget,
): Promise<QueueToken> {
	const managed = target.managed as NonNullable<QueueTarget['managed']>;
	const what = `QueryTokenForMnsQueue for queue "${target.queueName}"`;
	let response: { statusCode: number; body: unknown };
	try {
		response = await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			method: 'POST',
			url: `${managed.dybaseapiEndpoint}/`,
			headers: { 'x-acs-action': 'QueryTokenForMnsQueue', 'x-acs-version': DYBASEAPI_VERSION },
			qs: { MessageType: managed.messageType, QueueName: target.queueName },
			json: true,
			timeout: 15_000,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
	} catch (error) {
		throw networkFailure(what, error);
	}
	const body = (
		typeof response.body === 'object' && response.body ? response.body : {}
	) as IDataObject;
	const code = String(body.Code ?? `HTTP ${response.statusCode}`);
	if (response.statusCode >= 500 || /Throttl/i.test(code)) {
		throw new QueueFailure(
			'transient',
			code,
			`${what}: ${code}`,
			'Retried automatically.',
			response.statusCode,
		);
	}
	const token = code === 'OK' ? parseQueueToken(body, Date.now()) : undefined;
	if (token) return token;
	const message = String(body.Message ?? (code === 'OK' ? 'no temporary keys in the answer' : ''));
	const fix =
		TOKEN_FIXES.find(([pattern]) => pattern.test(code))?.[1] ??
		'Check the credential and the Dybaseapi endpoint.';
	throw new QueueFailure(
		'persistent',
		code,
		`${what} failed: ${code}${message ? `: ${message}` : ''}`,
		fix,
		response.statusCode,
	);
}

/** The node's HTTP side of a queue session. */
export function queueTransport(context: ITriggerFunctions, target: QueueTarget): QueueTransport {
	const transport: QueueTransport = {
		send: async (request) => await sendQueueRequest(context, target.queueEndpoint, request),
	};
	if (target.managed) transport.fetchToken = async () => await fetchQueueToken(context, target);
	return transport;
}
