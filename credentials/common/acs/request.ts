import { canonicalQueryFromEncoded, formEncode, percentEncode } from './encoding';
import { signAcs3Into, type AcsKeys } from './signer';

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
	for (const key in params) {
		const wire = wireValue(params[key]);
		if (wire !== undefined) entries.push([key, wire]);
	}
	return entries;
}

function serialiseBody(body: unknown): string | Buffer | undefined {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
	if (body instanceof URLSearchParams) return body.toString();
	return formEncode(definedEntries(body as Record<string, unknown>));
}

/** Origin and Host header of each endpoint, parsed once: a `URL` per request costs more than signing. */
const endpointCache = new Map<string, { origin: string; host: string }>();
const ENDPOINT_CACHE_LIMIT = 32;

function parsedEndpoint(endpoint: string): { origin: string; host: string } {
	let parsed = endpointCache.get(endpoint);
	if (parsed === undefined) {
		const url = new URL(endpoint);
		parsed = { origin: url.origin, host: url.host };
		if (endpointCache.size >= ENDPOINT_CACHE_LIMIT) endpointCache.clear();
		endpointCache.set(endpoint, parsed);
	}
	return parsed;
}

/**
 * Where the request goes: origin, Host, path and the query already in its URL. CAMS calls are
 * always `POST /` on the endpoint, which takes the fast path; anything else is resolved by `URL`.
 */
function target(request: SignableRequest, endpoint: string) {
	if ((request.url === '/' || !request.url) && !request.baseURL) {
		const { origin, host } = parsedEndpoint(endpoint);
		return { origin, host, path: '/', query: [] as Array<[string, string]> };
	}
	const url = new URL(request.url || '/', request.baseURL || endpoint);
	return {
		origin: url.origin,
		host: url.host,
		path: url.pathname || '/',
		query: [...url.searchParams.entries()],
	};
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
	const { origin, host, path, query } = target(request, endpoint);
	query.push(...definedEntries(request.qs));
	// Each value is encoded once, for both the URL and the canonical query.
	const encoded: Array<[string, string]> = [];
	let search = '';
	for (const [key, value] of query) {
		const encodedValue = percentEncode(value);
		encoded.push([key, encodedValue]);
		search += `${search ? '&' : ''}${percentEncode(key)}=${encodedValue}`;
	}

	const body = serialiseBody(request.body);
	const headers: Record<string, string> = {};
	for (const name in request.headers) {
		const value = request.headers[name];
		const lower = name.toLowerCase();
		if (value !== undefined && value !== null && lower !== 'host') headers[lower] = String(value);
	}
	if (body !== undefined && headers['content-type'] === undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	const method = (request.method ?? 'POST').toUpperCase();
	const signedHeaders = signAcs3Into(headers, {
		method,
		host,
		path,
		query,
		canonicalQuery: canonicalQueryFromEncoded(encoded),
		body: body ?? '',
		keys,
		date: fixed.date,
		nonce: fixed.nonce,
	});
	const url = `${origin}${path}${search ? `?${search}` : ''}`;
	return { url, method, headers: signedHeaders, body };
}
