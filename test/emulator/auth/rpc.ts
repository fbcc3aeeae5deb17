/**
 * Server-side V1 RPC verification (SignatureMethod=HMAC-SHA1, SignatureVersion=1.0). The signature
 * covers the query and form-body parameters together, every one except `Signature`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

import { percentEncode } from '../../../credentials/common/acs/encoding';
import { errors } from '../errors';
import type { Params } from '../types';
import {
	checkSecurityToken,
	checkTimestamp,
	lookupKey,
	type AuthContext,
	type AuthResult,
} from './common';

export function rpcStringToSign(method: string, params: Params): string {
	const canonical = Object.keys(params)
		.filter((key) => key !== 'Signature')
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
		.map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
		.join('&');
	return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

export function rpcSignature(stringToSign: string, secret: string): string {
	return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

export function verifyRpc(method: string, params: Params, ctx: AuthContext): AuthResult {
	for (const name of [
		'AccessKeyId',
		'SignatureMethod',
		'SignatureVersion',
		'SignatureNonce',
		'Timestamp',
	]) {
		if (params[name] === undefined || params[name] === '') throw errors.missing(name);
	}
	if (params.SignatureMethod !== 'HMAC-SHA1') {
		throw errors.incompleteSignature(
			`SignatureMethod "${params.SignatureMethod}" is not supported; use HMAC-SHA1.`,
		);
	}
	if (params.SignatureVersion !== '1.0') {
		throw errors.incompleteSignature(
			`SignatureVersion "${params.SignatureVersion}" is not supported; use 1.0.`,
		);
	}
	const key = lookupKey(params.AccessKeyId, ctx);
	checkSecurityToken(key, params.SecurityToken);
	checkTimestamp(params.Timestamp, ctx);

	const stringToSign = rpcStringToSign(method, params);
	const expected = Buffer.from(rpcSignature(stringToSign, key.accessKeySecret));
	const given = Buffer.from(params.Signature ?? '');
	if (expected.length !== given.length || !timingSafeEqual(expected, given))
		throw errors.signatureV1(stringToSign);
	ctx.nonces.check(params.AccessKeyId, params.SignatureNonce);
	return { accessKeyId: params.AccessKeyId, nonce: params.SignatureNonce };
}
