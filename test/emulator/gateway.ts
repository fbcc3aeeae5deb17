/** One gateway call: faults, authentication, quota, required parameters, the action, the answer. */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { classifyAction, findAction } from './actions';
import {
	authenticate,
	describeCall,
	PROTOCOL_PARAMS,
	type AuthContext,
	type CallInfo,
} from './auth';
import { EmulatorError, errors, newRequestId } from './errors';
import type { PushDispatcher } from './pushes';
import { effectiveLimit, type QuotaTracker } from './quota';
import type { Counters, EmulatorState } from './state';
import type { CallOutcome, Faults, Params, RuntimeConfig } from './types';
import { parseWire, type WireRequest } from './wire';
import { toXml } from './xml';

export interface GatewayDeps {
	state: EmulatorState;
	config: RuntimeConfig;
	faults: Faults;
	quota: QuotaTracker;
	pushes: PushDispatcher;
	auth: AuthContext;
	now: () => number;
	baseUrl: string;
	log?: (line: string) => void;
}

function businessParams(params: Params): Params {
	return Object.fromEntries(Object.entries(params).filter(([key]) => !PROTOCOL_PARAMS.has(key)));
}

const COUNTER_OF: Partial<Record<CallOutcome, keyof Counters>> = {
	accepted: 'accepted',
	rejected: 'rejected',
	throttled: 'throttled',
	'server-error': 'serverErrors',
};

function outcomeOf(error: EmulatorError): CallOutcome {
	if (error.code === 'Throttling.User') return 'throttled';
	if (error.httpStatus >= 500 && error.code === 'InternalError') return 'server-error';
	return 'rejected';
}

function latency(deps: GatewayDeps): number {
	const { fixedMs, jitterMs } = deps.config.latency;
	let delay = fixedMs + (jitterMs > 0 ? Math.random() * jitterMs : 0);
	if (deps.faults.latencySpikeCount > 0) {
		deps.faults.latencySpikeCount--;
		delay += deps.faults.latencySpikeMs;
	}
	return delay;
}

/** Whether the counted faults apply to a call of this action (they may be scoped to some actions). */
function targeted(deps: GatewayDeps, action: string | undefined): boolean {
	return (
		deps.faults.actions.length === 0 ||
		(action !== undefined && deps.faults.actions.includes(action))
	);
}

/** The action named by the request, read before the request is authenticated. */
function requestedAction(req: IncomingMessage): string | undefined {
	const header = req.headers['x-acs-action'];
	if (typeof header === 'string') return header;
	return new URL(req.url ?? '/', 'http://emulator').searchParams.get('Action') ?? undefined;
}

/** Runs the action for an authenticated call; throws EmulatorError for every refusal. */
function execute(wire: WireRequest, deps: GatewayDeps, info: CallInfo): Record<string, unknown> {
	const named = wire.headers['x-acs-action']?.[0] ?? wire.params.Action;
	if (named !== undefined && deps.faults.unknownActions.includes(named))
		throw errors.invalidAction();
	authenticate(wire, deps.auth, classifyAction, info);
	const action = info.action as string;
	if (deps.faults.throttleBurst > 0 && targeted(deps, action)) {
		deps.faults.throttleBurst--;
		throw errors.throttled();
	}
	if (deps.config.enforceQps && !deps.quota.admit(action, effectiveLimit(action, deps.config.qps)))
		throw errors.throttled();
	if (
		(deps.faults.serverErrors > 0 && targeted(deps, action)) ||
		(deps.faults.serverErrorRate > 0 && Math.random() < deps.faults.serverErrorRate)
	) {
		if (deps.faults.serverErrors > 0) deps.faults.serverErrors--;
		throw errors.internal();
	}
	const def = findAction(action);
	if (!def) throw errors.invalidAction();
	const params = businessParams(wire.params);
	for (const name of def.required ?? []) {
		if (params[name] === undefined || params[name] === '') throw errors.missing(name);
	}
	const { state, config, pushes, now, baseUrl } = deps;
	return def.run({ action, params, state, config, pushes, now, baseUrl });
}

export async function handleGateway(
	req: IncomingMessage,
	res: ServerResponse,
	body: Buffer,
	deps: GatewayDeps,
): Promise<void> {
	const requestId = newRequestId();
	const info: CallInfo = { signatureMethod: 'none' };
	let wire: WireRequest | undefined;
	let status = 200;
	let payload: Record<string, unknown>;
	let outcome: CallOutcome = 'accepted';
	const resetMode =
		deps.faults.resetConnections > 0 && targeted(deps, requestedAction(req))
			? deps.faults.resetMode
			: undefined;
	if (resetMode) deps.faults.resetConnections--;
	try {
		wire = parseWire(req, body);
		if (resetMode === 'before') {
			describeCall(wire, info);
			throw new EmulatorError(
				0,
				'ConnectionReset',
				'connection reset before the action ran',
				'gateway',
			);
		}
		if (wire.method !== 'POST' && wire.method !== 'GET')
			throw errors.malformed(`HTTP method ${wire.method} is not supported.`);
		if (wire.path !== '/') throw errors.invalidAction();
		const result = execute(wire, deps, info);
		payload = {
			RequestId: requestId,
			Code: 'OK',
			Message: 'SUCCESS',
			AccessDeniedDetail: 'None',
			...result,
		};
	} catch (error) {
		const refusal = error instanceof EmulatorError ? error : errors.internal();
		if (!(error instanceof EmulatorError)) deps.log?.(`emulator bug: ${(error as Error).stack}`);
		status = refusal.httpStatus;
		payload = refusal.body(requestId);
		outcome = refusal.code === 'ConnectionReset' ? 'reset-before' : outcomeOf(refusal);
	}
	const bucket = COUNTER_OF[outcome];
	if (bucket) deps.state.count(bucket, info.action);
	if (resetMode) deps.state.count('resets', info.action);
	deps.state.calls.push({
		id: deps.state.calls.length + 1,
		at: deps.now(),
		action: info.action,
		params: businessParams(wire?.params ?? {}),
		signatureMethod: info.signatureMethod,
		accessKeyId: info.accessKeyId,
		outcome: resetMode ? (outcome === 'reset-before' ? 'reset-before' : 'reset-after') : outcome,
		httpStatus: resetMode ? undefined : status,
		code: resetMode === 'before' ? undefined : String(payload.Code),
		message: resetMode === 'before' ? undefined : String(payload.Message),
		requestId,
	});
	deps.log?.(
		`${info.action ?? '?'} ${info.signatureMethod} -> ${resetMode ? `reset-${resetMode}` : `${status} ${String(payload.Code)}`}`,
	);
	if (resetMode) {
		req.socket.destroy();
		return;
	}
	const delay = latency(deps);
	if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
	const xml =
		info.signatureMethod === 'HMAC-SHA1' && (wire?.params.Format ?? 'XML').toLowerCase() !== 'json';
	const text = xml
		? toXml(status === 200 ? `${info.action}Response` : 'Error', payload)
		: JSON.stringify(payload);
	if (res.destroyed) return;
	res.writeHead(status, {
		'content-type': xml ? 'text/xml;charset=utf-8' : 'application/json;charset=utf-8',
		'x-acs-request-id': requestId,
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}
