/**
 * The queue endpoint of the emulator: SendMessage, BatchReceiveMessage / ReceiveMessage (long
 * polling), DeleteMessage / BatchDeleteMessage and ChangeMessageVisibility, with MNS signature and
 * STS checks, SMQ error documents and fault controls.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { newRequestId } from '../errors';
import type { WireRequest } from '../wire';
import { authenticateQueueRequest, type QueueAuthContext } from './auth';
import type { QueueStore } from './store';
import {
	batchErrorsXml,
	changeVisibilityXml,
	elements,
	errorXml,
	messagesXml,
	QueueServiceError,
	sentXml,
} from './xml';

export interface QueueFaults {
	/** The next n queue requests answer 500 InternalError. */
	serverErrors: number;
	/** The next n queue requests lose their connection before an answer. */
	resetConnections: number;
	/** Every request answers 403 AccessDenied (a revoked permission). */
	denyAll: boolean;
}

export interface QueueRequestRecord {
	at: number;
	operation: string;
	queue: string;
	status: number;
	code?: string;
	accessKeyId?: string;
	count?: number;
}

export const defaultQueueFaults = (): QueueFaults => ({
	serverErrors: 0,
	resetConnections: 0,
	denyAll: false,
});

/** Query values percent-decoded without turning `+` into a space; names compared in lower case. */
function queryOf(rawQuery: string): Record<string, string> {
	const query: Record<string, string> = {};
	for (const pair of rawQuery.split('&').filter(Boolean)) {
		const eq = pair.indexOf('=');
		const name = (eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
		const value = eq === -1 ? '' : pair.slice(eq + 1);
		try {
			query[name] = decodeURIComponent(value);
		} catch {
			throw new QueueServiceError(400, 'InvalidQueryString', 'The query string is not valid.');
		}
	}
	return query;
}

function intParam(
	value: string | undefined,
	fallback: number,
	min: number,
	max: number,
	name: string,
): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) {
		throw new QueueServiceError(
			400,
			'InvalidArgument',
			`The value of ${name.toLowerCase()} should between ${min} and ${max}`,
		);
	}
	return number;
}

export interface QueueServiceDeps {
	store: QueueStore;
	auth: QueueAuthContext;
	faults: QueueFaults;
	latencyMs: () => number;
	records: QueueRequestRecord[];
	host: string;
}

interface Outcome {
	status: number;
	body: string;
	operation: string;
	count?: number;
}

async function run(
	wire: WireRequest,
	queueName: string,
	sub: string,
	deps: QueueServiceDeps,
	gone: () => boolean,
): Promise<Outcome> {
	const { store } = deps;
	const query = queryOf(wire.rawQuery);
	if (sub !== '/messages')
		throw new QueueServiceError(400, 'InvalidRequestURL', 'The request URL is not valid.');
	if (wire.method === 'GET') {
		const batch = query.numofmessages !== undefined;
		const count = intParam(query.numofmessages, 1, 1, 16, 'numOfMessages');
		const wait = intParam(query.waitseconds, 0, 0, 30, 'waitSeconds');
		const messages = await store.receive(queueName, count, wait * 1000, gone);
		if (messages.length === 0)
			throw new QueueServiceError(404, 'MessageNotExist', 'Message not exist.');
		const body = batch
			? messagesXml(messages)
			: messagesXml(messages)
					.replace(/<\/?Messages[^>]*>/g, '')
					.replace('<Message>', '<Message xmlns="http://mns.aliyuncs.com/doc/v1/">');
		return {
			status: 200,
			body,
			operation: batch ? 'BatchReceiveMessage' : 'ReceiveMessage',
			count: messages.length,
		};
	}
	if (wire.method === 'POST') {
		const bodies = elements(wire.body.toString('utf8'), 'MessageBody');
		if (bodies.length === 0 || bodies.length > 16)
			throw new QueueServiceError(400, 'MalformedXML', 'The XML you provided was not well-formed.');
		const sent = bodies.map((body) => store.send(queueName, body));
		return {
			status: 201,
			body: sent.length === 1 ? sentXml(sent[0]) : messagesXml(sent),
			operation: 'SendMessage',
			count: sent.length,
		};
	}
	if (wire.method === 'DELETE') {
		const single = query.receipthandle;
		const handles =
			single !== undefined ? [single] : elements(wire.body.toString('utf8'), 'ReceiptHandle');
		if (handles.length === 0)
			throw new QueueServiceError(400, 'MissingReceiptHandle', 'ReceiptHandle is missing.');
		if (handles.length > 16)
			throw new QueueServiceError(400, 'InvalidArgument', 'At most 16 receipt handles.');
		const failures = handles
			.map((handle) => ({ handle, result: store.delete(queueName, handle) }))
			.filter((entry) => entry.result !== 'ok')
			.map((entry) => ({
				handle: entry.handle,
				code: entry.result,
				message:
					entry.result === 'MessageNotExist'
						? 'Message not exist.'
						: 'The receipt handle you provide is not valid.',
			}));
		if (single !== undefined && failures.length > 0) {
			throw new QueueServiceError(
				failures[0].code === 'MessageNotExist' ? 404 : 400,
				failures[0].code,
				failures[0].message,
			);
		}
		if (failures.length > 0)
			return {
				status: 404,
				body: batchErrorsXml(failures),
				operation: 'BatchDeleteMessage',
				count: handles.length - failures.length,
			};
		return {
			status: 204,
			body: '',
			operation: single !== undefined ? 'DeleteMessage' : 'BatchDeleteMessage',
			count: handles.length,
		};
	}
	if (wire.method === 'PUT') {
		const handle = query.receipthandle;
		if (handle === undefined)
			throw new QueueServiceError(400, 'MissingReceiptHandle', 'ReceiptHandle is missing.');
		if (query.visibilitytimeout === undefined)
			throw new QueueServiceError(400, 'MissingVisibilityTimeout', 'VisibilityTimeout is missing.');
		const seconds = intParam(query.visibilitytimeout, 30, 1, 43_200, 'VisibilityTimeout');
		const result = store.changeVisibility(queueName, handle, seconds);
		if (typeof result === 'string') {
			throw new QueueServiceError(
				result === 'MessageNotExist' ? 404 : 400,
				result,
				result === 'MessageNotExist'
					? 'Message not exist.'
					: 'The receipt handle you provide is not valid.',
			);
		}
		return { status: 200, body: changeVisibilityXml(result), operation: 'ChangeMessageVisibility' };
	}
	throw new QueueServiceError(
		400,
		'InvalidRequestURL',
		`HTTP method ${wire.method} is not supported here.`,
	);
}

export async function handleQueueRequest(
	req: IncomingMessage,
	res: ServerResponse,
	wire: WireRequest,
	deps: QueueServiceDeps,
): Promise<void> {
	const requestId = newRequestId();
	const match = /^\/queues\/([^/]+)(\/.*)?$/.exec(wire.path);
	const queueName = match ? decodeURIComponent(match[1]) : '';
	const resource = req.url ?? '/';
	let outcome: Outcome;
	let accessKeyId: string | undefined;
	let reset = false;
	let clientGone = false;
	req.socket.once('close', () => (clientGone = true));
	try {
		if (!match)
			throw new QueueServiceError(400, 'InvalidRequestURL', 'The request URL is not valid.');
		accessKeyId = authenticateQueueRequest(wire, resource, queueName, deps.auth);
		if (deps.faults.denyAll)
			throw new QueueServiceError(
				403,
				'AccessDenied',
				'The OwnerId that your Access Key Id associated to is forbidden for this operation.',
			);
		if (!deps.store.has(queueName))
			throw new QueueServiceError(
				404,
				'QueueNotExist',
				'The queue name you provided is not exist.',
			);
		if (deps.faults.resetConnections > 0) {
			deps.faults.resetConnections--;
			reset = true;
			throw new QueueServiceError(0, 'ConnectionReset', 'connection reset');
		}
		if (deps.faults.serverErrors > 0) {
			deps.faults.serverErrors--;
			throw new QueueServiceError(500, 'InternalError', 'Internal error.');
		}
		outcome = await run(
			wire,
			queueName,
			match[2] ?? '',
			deps,
			() => res.destroyed || req.socket.destroyed,
		);
	} catch (error) {
		const failure =
			error instanceof QueueServiceError
				? error
				: new QueueServiceError(500, 'InternalError', (error as Error).message);
		outcome = {
			status: failure.httpStatus,
			body: errorXml(failure, requestId, deps.host),
			operation: failure.code,
		};
	}
	const code =
		outcome.status >= 300
			? (/<Code>([^<]*)<\/Code>/.exec(outcome.body)?.[1] ??
				(outcome.status === 404 ? 'BatchErrors' : undefined))
			: undefined;
	deps.records.push({
		at: deps.auth.now(),
		operation: outcome.operation,
		queue: queueName,
		status: reset ? 0 : outcome.status,
		code,
		accessKeyId,
		count: outcome.count,
	});
	if (reset) {
		req.socket.destroy();
		return;
	}
	const delay = deps.latencyMs();
	if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
	if (res.destroyed) return;
	res.writeHead(outcome.status, {
		'content-type': 'text/xml;charset=utf-8',
		'x-mns-request-id': requestId,
		'x-mns-version': '2015-06-06',
		...(outcome.body ? { 'content-length': Buffer.byteLength(outcome.body) } : {}),
	});
	res.end(outcome.body || undefined);
}
