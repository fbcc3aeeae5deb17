import { createHash, createHmac } from 'node:crypto';

/**
 * The `MNS` request signature of Simple Message Queue (SMQ, formerly MNS), as documented at
 * https://www.alibabacloud.com/help/en/mns/developer-reference/request-signatures and implemented
 * by the official Node SDK (`@alicloud/mns`, `Client.sign`). Pure: no clock, no I/O.
 */

export const MNS_API_VERSION = '2015-06-06';

export interface MnsKeys {
	accessKeyId: string;
	accessKeySecret: string;
	/** STS token; sent as `security-token` and, as in every official SDK, not signed. */
	securityToken?: string;
}

export interface MnsSignInput {
	method: string;
	/** The request-target exactly as sent: path plus `?query` in wire order, nothing re-encoded. */
	resource: string;
	/** Every header that will be sent (any case); only Content-MD5, Content-Type, Date, x-mns-* count. */
	headers: Record<string, string>;
	accessKeySecret: string;
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
	const lower: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = String(value);
	return lower;
}

/** `VERB\nContent-MD5\nContent-Type\nDate\n` + sorted `x-mns-name:value\n` lines + resource. */
export function mnsStringToSign(input: Omit<MnsSignInput, 'accessKeySecret'>): string {
	const headers = lowerCased(input.headers);
	const mnsHeaders = Object.keys(headers)
		.filter((name) => name.startsWith('x-mns-'))
		.sort()
		.map((name) => `${name}:${headers[name]}\n`)
		.join('');
	const date = headers.date ?? headers['x-mns-date'] ?? '';
	return [
		input.method.toUpperCase(),
		headers['content-md5'] ?? '',
		headers['content-type'] ?? '',
		date,
		`${mnsHeaders}${input.resource}`,
	].join('\n');
}

/** Base64 HMAC-SHA1 keyed with the plain secret (no `&`, unlike the RPC signature). */
export function mnsSignature(input: MnsSignInput): string {
	return createHmac('sha1', input.accessKeySecret)
		.update(mnsStringToSign(input), 'utf8')
		.digest('base64');
}

/** Content-MD5 as the official SDKs send it: Base64 of the lower-case hex MD5 of the body. */
export function mnsContentMd5(body: string): string {
	return Buffer.from(createHash('md5').update(body, 'utf8').digest('hex')).toString('base64');
}

export interface MnsRequestInput {
	method: string;
	/** Path plus query exactly as it goes on the wire, e.g. `/queues/Q/messages?numOfMessages=16`. */
	resource: string;
	/** XML body, for BatchDeleteMessage and SendMessage. */
	body?: string;
	keys: MnsKeys;
	/** RFC 1123 GMT date (`new Date().toUTCString()`); the caller owns the clock. */
	date: string;
}

/**
 * The headers of a signed queue request, in the Node SDK's shape: Date and x-mns-date with the
 * same value, x-mns-version, and for every method but GET `Content-Type: text/xml` plus the MD5 of
 * the body (empty when there is none). The body is sent as given, byte for byte.
 */
export function signMnsRequest(input: MnsRequestInput): Record<string, string> {
	const method = input.method.toUpperCase();
	const headers: Record<string, string> = {
		date: input.date,
		'x-mns-date': input.date,
		'x-mns-version': MNS_API_VERSION,
	};
	if (method !== 'GET') {
		headers['content-type'] = 'text/xml';
		headers['content-md5'] = mnsContentMd5(input.body ?? '');
	}
	const signature = mnsSignature({
		method,
		resource: input.resource,
		headers,
		accessKeySecret: input.keys.accessKeySecret,
	});
	headers.authorization = `MNS ${input.keys.accessKeyId}:${signature}`;
	if (input.keys.securityToken) headers['security-token'] = input.keys.securityToken;
	return headers;
}
