/** Gateway authentication: which scheme, which action, then the scheme's verifier. */
import { errors } from '../errors';
import { DYBASEAPI_VERSION } from '../mns';
import { API_VERSION } from '../seed';
import type { SignatureMethod } from '../types';
import type { WireRequest } from '../wire';
import { verifyAcs3 } from './acs3';
import type { AuthContext } from './common';
import { verifyRpc } from './rpc';

export { NonceStore, type AuthContext } from './common';

export interface CallInfo {
	signatureMethod: SignatureMethod;
	action?: string;
	accessKeyId?: string;
}

export type ActionLookup = (action: string) => 'emulated' | 'known' | 'unknown';

/** Reads scheme, action, version and AccessKey ID off the request without checking anything. */
export function describeCall(
	wire: WireRequest,
	info: CallInfo,
): { action?: string; version?: string } {
	const isV3 = wire.headers.authorization !== undefined;
	const isV1 = !isV3 && wire.params.Signature !== undefined;
	info.signatureMethod = isV3 ? 'ACS3-HMAC-SHA256' : isV1 ? 'HMAC-SHA1' : 'none';
	const action = isV3
		? wire.headers['x-acs-action']?.[0]
		: (wire.params.Action ?? wire.headers['x-acs-action']?.[0]);
	const version = isV3
		? wire.headers['x-acs-version']?.[0]
		: (wire.params.Version ?? wire.headers['x-acs-version']?.[0]);
	info.action = action;
	info.accessKeyId = isV3
		? /Credential=([^,\s]+)/.exec(wire.headers.authorization[0])?.[1]
		: wire.params.AccessKeyId;
	return { action, version };
}

/**
 * Runs the gateway checks in order: action and version, signature structure, AccessKey, STS token,
 * timestamp, signature, nonce. Fills `info` as it learns things, so a rejection can still be logged.
 * The nonce is remembered only when the whole request is authentic.
 */
export function authenticate(
	wire: WireRequest,
	ctx: AuthContext,
	lookup: ActionLookup,
	info: CallInfo,
): void {
	const { action, version } = describeCall(wire, info);
	const isV3 = info.signatureMethod === 'ACS3-HMAC-SHA256';
	const isV1 = info.signatureMethod === 'HMAC-SHA1';

	if (!action) throw errors.missingParameter('Action');
	const kind = lookup(action);
	if (kind === 'unknown') throw errors.invalidAction();
	if (!version) throw errors.missingParameter('Version');
	const expected = action === 'QueryTokenForMnsQueue' ? DYBASEAPI_VERSION : API_VERSION;
	if (version !== expected) throw errors.invalidVersion();
	if (!isV3 && !isV1) throw errors.missingSignature();

	const result = isV3 ? verifyAcs3(wire, ctx) : verifyRpc(wire.method, wire.params, ctx);
	ctx.nonces.remember(result.accessKeyId, result.nonce);
	if (kind === 'known') throw errors.notEmulated(action);
}

/** Gateway parameters that are not business parameters of the action. */
export const PROTOCOL_PARAMS = new Set([
	'Action',
	'Version',
	'Format',
	'Timestamp',
	'SignatureNonce',
	'SignatureMethod',
	'SignatureVersion',
	'Signature',
	'AccessKeyId',
	'SecurityToken',
	'RegionId',
]);
