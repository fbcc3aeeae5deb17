import { isObject } from '../helpers/utils';
import type { RawEvent } from '../notifications/types';

/**
 * CAMS writes each notification as Base64 of a JSON text (the SMQ consumption demos decode it so);
 * raw JSON is accepted too. A body may hold one object or an array, as an HTTP push does.
 */
function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function looksLikeJson(text: string): boolean {
	return text.startsWith('{') || text.startsWith('[');
}

const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

function decodedText(body: string): string | undefined {
	const trimmed = body.trim();
	if (looksLikeJson(trimmed)) return trimmed;
	if (!BASE64.test(trimmed)) return undefined;
	const text = Buffer.from(trimmed, 'base64')
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.trim();
	return looksLikeJson(text) ? text : undefined;
}

export type DecodedBody = { ok: true; events: RawEvent[] } | { ok: false; error: string };

export function decodeMessageBody(body: string): DecodedBody {
	const text = decodedText(body);
	const value = text === undefined ? undefined : parseJson(text);
	if (value === undefined)
		return { ok: false, error: 'The message body is neither JSON nor Base64 of JSON' };
	const list = Array.isArray(value) ? value : [value];
	if (!list.every(isObject))
		return { ok: false, error: 'The message body holds something other than JSON objects' };
	return { ok: true, events: list as RawEvent[] };
}
