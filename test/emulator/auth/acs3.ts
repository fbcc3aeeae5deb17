/**
 * Server-side ACS3-HMAC-SHA256 verification. Everything is re-derived from the wire: the decoded
 * query is re-encoded with RFC 3986, the signed headers are read back from the request, and the
 * payload hash is the SHA-256 of the raw body bytes.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { percentEncode } from '../../../credentials/common/acs/encoding';
import { errors } from '../errors';
import type { WireRequest } from '../wire';
import {
	checkSecurityToken,
	checkTimestamp,
	lookupKey,
	type AuthContext,
	type AuthResult,
} from './common';

export const ACS3 = 'ACS3-HMAC-SHA256';

interface ParsedAuthorization {
	accessKeyId: string;
	signedHeaders: string[];
	signature: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Headers that must be signed whenever they are present. */
const mustSign = (name: string) =>
	name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

export function parseAuthorization(values: string[] | undefined): ParsedAuthorization {
	if (!values || values.length !== 1)
		throw errors.incompleteSignature('Exactly one Authorization header is required.');
	const value = values[0].trim();
	if (!value.startsWith(`${ACS3} `))
		throw errors.incompleteSignature(`The Authorization header must start with "${ACS3} ".`);
	const fields = new Map<string, string>();
	for (const part of value.slice(ACS3.length + 1).split(',')) {
		const eq = part.indexOf('=');
		const name = part.slice(0, eq).trim();
		if (eq <= 0 || fields.has(name))
			throw errors.incompleteSignature(`Malformed Authorization field "${part.trim()}".`);
		fields.set(name, part.slice(eq + 1).trim());
	}
	const accessKeyId = fields.get('Credential');
	const signedHeaders = fields.get('SignedHeaders');
	const signature = fields.get('Signature');
	if (fields.size !== 3 || !accessKeyId || !signedHeaders || !signature) {
		throw errors.incompleteSignature(
			'Authorization needs exactly Credential, SignedHeaders and Signature.',
		);
	}
	return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/** SignedHeaders must be lower-case, sorted, unique, present, and cover host/content-type/x-acs-*. */
function checkSignedHeaders(wire: WireRequest, signed: string[]): void {
	for (let i = 0; i < signed.length; i++) {
		const name = signed[i];
		if (name === '' || name !== name.toLowerCase())
			throw errors.incompleteSignature(
				`SignedHeaders entry "${name}" is not a lower-case header name.`,
			);
		if (i > 0 && signed[i - 1] >= name)
			throw errors.incompleteSignature('SignedHeaders must be sorted and unique.');
		if (!wire.headers[name])
			throw errors.incompleteSignature(`The signed header "${name}" is missing from the request.`);
	}
	for (const name of Object.keys(wire.headers)) {
		if (mustSign(name) && !signed.includes(name))
			throw errors.incompleteSignature(`The header "${name}" must be signed.`);
	}
	if (!wire.headers['x-acs-content-sha256'])
		throw errors.incompleteSignature('The x-acs-content-sha256 header is required.');
}

export function canonicalQuery(pairs: Array<[string, string]>): string {
	return [...pairs]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
		.join('&');
}

/** The gateway's StringToSign for this request, using the body's real hash. */
export function acs3StringToSign(wire: WireRequest, signedHeaders: string[]): string {
	const canonicalHeaders = signedHeaders
		.map(
			(name) =>
				`${name}:${(wire.headers[name] ?? [])
					.map((v) => v.trim())
					.sort()
					.join(',')}\n`,
		)
		.join('');
	const canonical = [
		wire.method.toUpperCase(),
		wire.path === '' ? '/' : wire.path,
		canonicalQuery(wire.query),
		canonicalHeaders,
		signedHeaders.join(';'),
		sha256Hex(wire.body),
	].join('\n');
	return `${ACS3}\n${sha256Hex(canonical)}`;
}

function sameHex(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

export function verifyAcs3(wire: WireRequest, ctx: AuthContext): AuthResult {
	const auth = parseAuthorization(wire.headers.authorization);
	checkSignedHeaders(wire, auth.signedHeaders);
	const key = lookupKey(auth.accessKeyId, ctx);
	const declaredKey = wire.headers['x-acs-accesskey-id']?.[0];
	if (declaredKey !== undefined && declaredKey !== auth.accessKeyId) throw errors.tokenMismatch();
	checkSecurityToken(key, wire.headers['x-acs-security-token']?.[0]);
	checkTimestamp(wire.headers['x-acs-date']?.[0], ctx);
	const nonce = wire.headers['x-acs-signature-nonce']?.[0];
	if (!nonce) throw errors.missing('SignatureNonce');

	const stringToSign = acs3StringToSign(wire, auth.signedHeaders);
	const expected = createHmac('sha256', key.accessKeySecret).update(stringToSign).digest('hex');
	const bodyHashMatches = wire.headers['x-acs-content-sha256'][0] === sha256Hex(wire.body);
	if (!sameHex(expected, auth.signature) || !bodyHashMatches)
		throw errors.signatureV3(stringToSign);
	ctx.nonces.check(auth.accessKeyId, nonce);
	return { accessKeyId: auth.accessKeyId, nonce };
}
