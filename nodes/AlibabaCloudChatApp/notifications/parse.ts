import type { RawEvent } from './types';
import { isObject } from '../helpers/utils';

/** CAMS batches pushes, but a real batch is a few hundred kB at most; this stops memory abuse. */
export const MAX_PUSH_BYTES = 5 * 1024 * 1024;
/** More elements than any real batch; also bounds the work one request can cause. */
export const MAX_PUSH_EVENTS = 10_000;

export type ParsedPush = { ok: true; events: RawEvent[] } | { ok: false; error: string };

const BYTE_ORDER_MARK = '\uFEFF';

function fail(error: string): ParsedPush {
	return { ok: false, error };
}

function tooLarge(): string {
	return `The body is larger than ${MAX_PUSH_BYTES} bytes`;
}

function decodeJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		// The caller reports "not JSON"; the parser's own message would only echo attacker input.
		return { ok: false };
	}
}

function parseText(text: string, byteLength: number): ParsedPush {
	if (byteLength > MAX_PUSH_BYTES) return fail(tooLarge());
	const trimmed = (text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text).trim();
	if (trimmed === '') return fail('The body is empty; CAMS sends a JSON array of events');
	const decoded = decodeJson(trimmed);
	if (!decoded.ok) return fail('The body is not valid JSON');
	return checkShape(decoded.value);
}

function checkShape(value: unknown): ParsedPush {
	if (!Array.isArray(value)) return fail('The body must be a JSON array of events');
	if (value.length > MAX_PUSH_EVENTS) {
		return fail(`The push has ${value.length} events; at most ${MAX_PUSH_EVENTS} are accepted`);
	}
	const index = value.findIndex((element) => !isObject(element));
	if (index !== -1) return fail(`Element ${index} of the array is not a JSON object`);
	return { ok: true, events: value as RawEvent[] };
}

/**
 * Turns a push body into its events, or says why it is not a CAMS push. (Malformed JSON sent as
 * `application/json` never gets here: n8n itself answers 422 before the node runs.) Takes the raw bytes
 * (preferred: n8n keeps them as `req.rawBody`), a string, or a body n8n already parsed.
 * Never throws.
 */
export function parsePushBody(body: unknown): ParsedPush {
	if (body instanceof Uint8Array) {
		// Checked before decoding so an oversized body is never turned into a string.
		if (body.length > MAX_PUSH_BYTES) return fail(tooLarge());
		return parseText(
			Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8'),
			body.length,
		);
	}
	if (typeof body === 'string') return parseText(body, Buffer.byteLength(body, 'utf8'));
	if (body === undefined || body === null)
		return fail('The body is empty; CAMS sends a JSON array of events');
	return checkShape(body);
}
