import { MNS_API_VERSION, signMnsRequest, type MnsKeys } from './signer';

/** The request fields the queue signer needs; a structural subset of n8n's `IHttpRequestOptions`. */
export interface MnsHttpRequest {
	url: string;
	method?: string;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** Queue requests announce themselves with the x-mns-version header; everything else is a CAMS call. */
export function isMnsRequest(request: { headers?: Record<string, unknown> }): boolean {
	for (const name in request.headers) if (name.toLowerCase() === 'x-mns-version') return true;
	return false;
}

/**
 * The request-target of an absolute URL exactly as written (path and query), without parsing it:
 * a URL parser could re-encode the query, and the signature must cover the wire bytes.
 */
export function resourceOf(url: string): string {
	const afterScheme = url.indexOf('//');
	const slash = url.indexOf('/', afterScheme === -1 ? 0 : afterScheme + 2);
	return slash === -1 ? '/' : url.slice(slash);
}

/** Adds Date, x-mns-*, Content-Type/MD5 (non-GET), Authorization and the STS token to a request. */
export function signMnsHttpRequest<T extends MnsHttpRequest>(
	request: T,
	keys: MnsKeys,
	date: string,
): T {
	const method = (request.method ?? 'GET').toUpperCase();
	const body = typeof request.body === 'string' ? request.body : undefined;
	const signed = signMnsRequest({ method, resource: resourceOf(request.url), body, keys, date });
	const headers: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(request.headers ?? {})) {
		if (!/^(x-mns-|date$|content-type$|content-md5$|authorization$|security-token$)/i.test(name))
			headers[name] = value;
	}
	return { ...request, method, headers: { ...headers, ...signed } } as T;
}

export { MNS_API_VERSION };
