import { formEncode, percentEncode } from './encoding';
import { signAcs3, type AcsKeys } from './signer';

/** The request fields the signer needs; a structural subset of n8n's `IHttpRequestOptions`. */
export interface SignableRequest {
	url: string;
	baseURL?: string;
	method?: string;
	headers?: Record<string, unknown>;
	qs?: Record<string, unknown>;
	body?: unknown;
}

export interface SignedWireRequest {
	/** Absolute URL with the query string already encoded into it. */
	url: string;
	method: string;
	headers: Record<string, string>;
	/** The exact bytes that were hashed, or undefined when the request has no body. */
	body?: string | Buffer;
}

/** Stringifies a parameter value as the SDK does: numbers and booleans become strings. */
function wireValue(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

function definedEntries(params: Record<string, unknown> | undefined): Array<[string, string]> {
	const entries: Array<[string, string]> = [];
	for (const [key, value] of Object.entries(params ?? {})) {
		const wire = wireValue(value);
		if (wire !== undefined) entries.push([key, wire]);
	}
	return entries;
}

function serialiseBody(body: unknown): string | Buffer | undefined {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
	if (body instanceof URLSearchParams) return body.toString();
	return formEncode(Object.fromEntries(definedEntries(body as Record<string, unknown>)));
}

/**
 * Turns a request into the exact bytes that go on the wire and signs those bytes. Query
 * parameters are encoded into the URL here (so no later layer re-serialises them differently),
 * and an object body becomes a form string in its own key order.
 */
export function buildSignedRequest(
	request: SignableRequest,
	endpoint: string,
	keys: AcsKeys,
	fixed: { date?: string; nonce?: string } = {},
): SignedWireRequest {
	const url = new URL(request.url || '/', request.baseURL || endpoint);
	const query: Array<[string, string]> = [...url.searchParams.entries()];
	query.push(...definedEntries(request.qs));
	url.search = query
		.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
		.join('&');

	const body = serialiseBody(request.body);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers ?? {})) {
		if (value !== undefined && value !== null && name.toLowerCase() !== 'host') {
			headers[name.toLowerCase()] = String(value);
		}
	}
	if (body !== undefined && headers['content-type'] === undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	const method = (request.method ?? 'POST').toUpperCase();
	const signedHeaders = signAcs3({
		method,
		host: url.host,
		path: url.pathname || '/',
		query,
		headers,
		body: body ?? '',
		keys,
		date: fixed.date,
		nonce: fixed.nonce,
	});
	return { url: url.toString(), method, headers: signedHeaders, body };
}
