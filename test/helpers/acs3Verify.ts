/**
 * An ACS3-HMAC-SHA256 verifier written from the algorithm in shared/reference/signing.md, using
 * node:crypto only and none of our signer's code, so a test can check what a server received
 * independently of how we signed it. It works on the request as received (raw URL, headers and
 * body bytes): the query is form-decoded, then re-encoded with RFC 3986 (byte by byte).
 */
import { createHash, createHmac } from 'node:crypto';

export interface ReceivedRequest {
	method: string;
	/** Request target as received, e.g. `/?A=1`. */
	url: string;
	/** Lower-case header names. */
	headers: Record<string, string>;
	body: Buffer;
}

export interface VerifyResult {
	ok: boolean;
	reason?: string;
	accessKeyId?: string;
	signedHeaders?: string[];
	canonicalRequest?: string;
	stringToSign?: string;
	/** The query parameters, decoded, in wire order. */
	query: Array<[string, string]>;
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** RFC 3986 percent-encoding of the UTF-8 bytes (written independently of `encodeURIComponent`). */
export function rfc3986(value: string): string {
	let out = '';
	for (const byte of Buffer.from(value, 'utf8')) {
		const char = String.fromCharCode(byte);
		out +=
			byte < 0x80 && UNRESERVED.test(char)
				? char
				: `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/** `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` are UTF-8 bytes. */
export function formDecodePairs(encoded: string): Array<[string, string]> {
	if (!encoded) return [];
	const decode = (part: string) => {
		const bytes: number[] = [];
		const text = part.replace(/\+/g, ' ');
		for (let i = 0; i < text.length; i++) {
			if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
				bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
				i += 2;
			} else {
				bytes.push(...Buffer.from(text[i], 'utf8'));
			}
		}
		return Buffer.from(bytes).toString('utf8');
	};
	return encoded.split('&').map((pair) => {
		const eq = pair.indexOf('=');
		return eq === -1 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
	});
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Verifies a received request against the secret; returns why it fails, if it does. */
export function verifyAcs3(request: ReceivedRequest, accessKeySecret: string): VerifyResult {
	const q = request.url.indexOf('?');
	const path = q === -1 ? request.url : request.url.slice(0, q);
	const query = formDecodePairs(q === -1 ? '' : request.url.slice(q + 1));
	const fail = (reason: string, extra: Partial<VerifyResult> = {}): VerifyResult => ({
		ok: false,
		reason,
		query,
		...extra,
	});

	const authorization = request.headers.authorization;
	const match =
		/^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
			authorization ?? '',
		);
	if (!match) return fail(`malformed Authorization: ${authorization}`);
	const [, accessKeyId, signedHeaderList, signature] = match;
	const signedHeaders = signedHeaderList.split(';');

	const mustSign = Object.keys(request.headers)
		.filter((name) => name === 'host' || name === 'content-type' || name.startsWith('x-acs-'))
		.sort();
	if (mustSign.join(';') !== signedHeaders.join(';')) {
		return fail(`SignedHeaders ${signedHeaders.join(';')} != present ${mustSign.join(';')}`);
	}
	const payloadHash = sha256(request.body);
	if (request.headers['x-acs-content-sha256'] !== payloadHash) {
		return fail('x-acs-content-sha256 does not match the body');
	}
	const canonicalQuery = [...query]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, value]) => `${key}=${rfc3986(value)}`)
		.join('&');
	const canonicalHeaders = signedHeaders
		.map((name) => `${name}:${request.headers[name].trim()}\n`)
		.join('');
	const canonicalRequest = [
		request.method,
		path || '/',
		canonicalQuery,
		canonicalHeaders,
		signedHeaders.join(';'),
		payloadHash,
	].join('\n');
	const stringToSign = `ACS3-HMAC-SHA256\n${sha256(canonicalRequest)}`;
	const expected = createHmac('sha256', accessKeySecret).update(stringToSign).digest('hex');
	const details = { accessKeyId, signedHeaders, canonicalRequest, stringToSign };
	if (expected !== signature) return fail('signature mismatch', details);
	return { ok: true, query, ...details };
}
