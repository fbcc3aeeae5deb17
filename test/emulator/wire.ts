/** Reading a request off the wire: raw body bytes, query and form parameters, headers. */
import type { IncomingMessage } from 'node:http';

import { errors } from './errors';
import type { Params } from './types';

export interface WireRequest {
	method: string;
	path: string;
	/** The raw query string, without `?`. */
	rawQuery: string;
	/** Decoded query pairs in wire order. */
	query: Array<[string, string]>;
	/** Decoded form-body pairs (only for application/x-www-form-urlencoded). */
	form: Array<[string, string]>;
	/** Query and form merged; the body wins on a repeated name, as the SDK signs it. */
	params: Params;
	/** Lower-case header name -> every value received. */
	headers: Record<string, string[]>;
	body: Buffer;
}

/** Reads the whole body; Node has already undone any chunked transfer encoding. */
export async function readBody(req: IncomingMessage, limit = 16 * 1024 * 1024): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > limit) throw errors.malformed('The request body is too large.');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** Form decoding: `+` is a space, then UTF-8 percent-decoding. Malformed escapes are rejected. */
export function decodeForm(encoded: string): Array<[string, string]> {
	if (encoded === '') return [];
	const pairs: Array<[string, string]> = [];
	for (const part of encoded.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const rawKey = eq === -1 ? part : part.slice(0, eq);
		const rawValue = eq === -1 ? '' : part.slice(eq + 1);
		try {
			const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
			pairs.push([decode(rawKey), decode(rawValue)]);
		} catch {
			throw errors.malformed(`The parameter "${rawKey}" is not correctly percent-encoded.`);
		}
	}
	return pairs;
}

export function headerValues(req: IncomingMessage): Record<string, string[]> {
	const headers: Record<string, string[]> = {};
	for (let i = 0; i < req.rawHeaders.length; i += 2) {
		const name = req.rawHeaders[i].toLowerCase();
		(headers[name] ??= []).push(req.rawHeaders[i + 1]);
	}
	return headers;
}

export function firstHeader(wire: WireRequest, name: string): string | undefined {
	return wire.headers[name]?.[0];
}

export function parseWire(req: IncomingMessage, body: Buffer): WireRequest {
	const url = req.url ?? '/';
	const q = url.indexOf('?');
	const path = q === -1 ? url : url.slice(0, q);
	const rawQuery = q === -1 ? '' : url.slice(q + 1);
	const headers = headerValues(req);
	const contentType = (headers['content-type']?.[0] ?? '').toLowerCase();
	const query = decodeForm(rawQuery);
	const form = contentType.startsWith('application/x-www-form-urlencoded')
		? decodeForm(body.toString('utf8'))
		: [];
	const params: Params = {};
	for (const [key, value] of [...query, ...form]) params[key] = value;
	return { method: req.method ?? 'GET', path, rawQuery, query, form, params, headers, body };
}
