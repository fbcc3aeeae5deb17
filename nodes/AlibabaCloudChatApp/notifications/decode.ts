import type { IDataObject } from 'n8n-workflow';

import { withoutLeadingPlus } from '../helpers/phone';
import type { InboundMedia, RawEvent } from './types';
import { MEDIA_TYPES } from './types';

/** Below this an epoch value must be in seconds (10^11 ms is 1973; 10^11 s is year 5138). */
const SECONDS_THRESHOLD = 1e11;
/** 2000-01-01 and 2200-01-01: anything outside is not a real event time. */
const EARLIEST_MS = 946_684_800_000;
const LATEST_MS = 7_258_118_400_000;

/** A field as a string (numbers too, since CAMS mixes them); null when missing or not scalar. */
export function text(value: unknown): string | null {
	if (typeof value === 'string') return value === '' ? null : value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** A phone number of a push, without the plus it sometimes carries; null when absent. */
export function withoutPlus(value: unknown): string | null {
	const result = text(value);
	return result === null ? null : withoutLeadingPlus(result);
}

/** An event time as epoch ms, reading seconds too; null outside the plausible window. */
function plausibleEpochMs(value: unknown): number | null {
	let ms: number;
	if (typeof value === 'number') ms = value;
	else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) ms = Number(value);
	else if (typeof value === 'string') ms = Date.parse(value);
	else return null;
	if (!Number.isFinite(ms)) return null;
	if (ms < SECONDS_THRESHOLD) ms *= 1000;
	return ms >= EARLIEST_MS && ms <= LATEST_MS ? Math.round(ms) : null;
}

/**
 * The event time in epoch ms. Documented as `Timestamp` in ms; some CAMS examples spell the key
 * `"Timestamp "` (trailing space), so any key that trims to "timestamp" is accepted, and seconds
 * or date strings are converted. Null when there is no usable time.
 */
export function readTimestamp(event: RawEvent): number | null {
	if (event.Timestamp !== undefined) return plausibleEpochMs(event.Timestamp);
	for (const key of Object.keys(event)) {
		if (key.trim().toLowerCase() === 'timestamp') return plausibleEpochMs(event[key]);
	}
	return null;
}

function parseJsonText(value: string): unknown {
	const trimmed = value.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		// Not JSON after all: the caller keeps the string as text.
		return undefined;
	}
}

/**
 * The inbound `Message`, decoded. It is plain text for TEXT, a JSON string for the other types in
 * HTTP pushes, and already an object in some (queue-style) pushes. TEXT is never parsed: a user
 * may well type JSON. Whatever cannot be decoded is returned as `{ text }`; nothing throws.
 */
export function decodeInboundMessage(
	type: string,
	message: unknown,
): IDataObject | IDataObject[] | null {
	if (message === undefined || message === null) return null;
	if (typeof message === 'object') return message as IDataObject | IDataObject[];
	if (typeof message !== 'string') return { text: String(message) };
	if (type === 'TEXT') return { text: message };
	const decoded = parseJsonText(message);
	if (decoded !== null && typeof decoded === 'object')
		return decoded as IDataObject | IDataObject[];
	return { text: message };
}

function field(message: IDataObject, ...keys: string[]): string | null {
	for (const key of keys) {
		const value = text(message[key]);
		if (value !== null) return value;
	}
	return null;
}

/** The readable text of a decoded message: the text, a caption, or the tapped button's label. */
export function messageText(message: IDataObject | IDataObject[] | null): string | null {
	if (message === null || Array.isArray(message)) return null;
	return field(message, 'text', 'body', 'caption');
}

/** Where the file of an IMAGE/VIDEO/AUDIO/DOCUMENT message is; null for other types. */
export function inboundMedia(
	type: string,
	message: IDataObject | IDataObject[] | null,
): InboundMedia | null {
	if (!MEDIA_TYPES.has(type) || message === null || Array.isArray(message)) return null;
	return {
		id: field(message, 'id'),
		url: field(message, 'url', 'link'),
		mimeType: field(message, 'mimeType', 'mime_type'),
		fileName: field(message, 'filename', 'fileName', 'name'),
		caption: field(message, 'caption'),
	};
}
