import { createHash, createHmac, randomBytes } from 'node:crypto';

import { canonicalQueryString } from './encoding';

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface AcsKeys {
	accessKeyId: string;
	accessKeySecret: string;
	/** STS token; when present it is sent and signed with the AccessKey ID. */
	securityToken?: string;
}

export interface Acs3SignInput {
	method: string;
	/** `hostname[:port]` exactly as sent in the Host header. */
	host: string;
	/** Canonical URI; CAMS (an RPC API) always uses `/`. */
	path: string;
	/** Decoded query parameters, in any order. */
	query: Array<[string, string]>;
	/** Headers to send besides the ones the signer adds (e.g. `x-acs-action`, `content-type`). */
	headers: Record<string, string>;
	/** The exact body bytes that go on the wire (empty string when there is no body). */
	body: string | Buffer;
	keys: AcsKeys;
	/** `yyyy-MM-ddTHH:mm:ssZ`; generated when omitted. Fixed in tests for SDK comparisons. */
	date?: string;
	/** Unique per request (the gateway rejects a reused nonce); generated when omitted. */
	nonce?: string;
}

export function sha256Hex(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

/** The UTC timestamp format of `x-acs-date`: ISO 8601 without milliseconds. */
export function acsTimestamp(at: Date = new Date()): string {
	return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 32 random hex characters, the shape the official SDK uses for `x-acs-signature-nonce`. */
export function makeNonce(): string {
	return randomBytes(16).toString('hex');
}

/** Whether a header takes part in the V3 signature: `host`, `content-type` and every `x-acs-*`. */
export function isSignedHeader(lowerName: string): boolean {
	return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
}

/**
 * Builds the V3 canonical request. The header block ends in `\n`, so an empty line separates
 * it from the signed-header list, exactly as the gateway computes it.
 */
export function canonicalRequest(
	method: string,
	path: string,
	query: Array<[string, string]>,
	headers: Record<string, string>,
	hashedPayload: string,
): { canonical: string; signedHeaders: string } {
	const signed = Object.keys(headers)
		.map((name) => [name.toLowerCase(), String(headers[name]).trim()] as [string, string])
		.filter(([name]) => isSignedHeader(name))
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const canonicalHeaders = signed.map(([name, value]) => `${name}:${value}\n`).join('');
	const signedHeaders = signed.map(([name]) => name).join(';');
	const canonical = [
		method.toUpperCase(),
		path,
		canonicalQueryString(query),
		canonicalHeaders,
		signedHeaders,
		hashedPayload,
	].join('\n');
	return { canonical, signedHeaders };
}

/**
 * Signs one request with ACS3-HMAC-SHA256, as `@alicloud/openapi-client` does by default.
 * Returns every header to send (the caller's plus the `x-acs-*`, `host` and `Authorization`
 * ones). The secret only keys the HMAC; it is never part of what is returned.
 */
export function signAcs3(input: Acs3SignInput): Record<string, string> {
	const { keys } = input;
	const hashedPayload = sha256Hex(input.body);
	const headers: Record<string, string> = {
		...input.headers,
		host: input.host,
		'x-acs-date': input.date ?? acsTimestamp(),
		'x-acs-signature-nonce': input.nonce ?? makeNonce(),
		'x-acs-content-sha256': hashedPayload,
		'x-acs-credentials-provider': keys.securityToken ? 'static_sts' : 'static_ak',
	};
	if (keys.securityToken) {
		headers['x-acs-accesskey-id'] = keys.accessKeyId;
		headers['x-acs-security-token'] = keys.securityToken;
	}
	const { canonical, signedHeaders } = canonicalRequest(
		input.method,
		input.path,
		input.query,
		headers,
		hashedPayload,
	);
	const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonical)}`;
	const signature = createHmac('sha256', keys.accessKeySecret).update(stringToSign).digest('hex');
	headers.Authorization = `${ACS3_ALGORITHM} Credential=${keys.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
	return headers;
}
