import type { IDataObject } from 'n8n-workflow';

/** One element of a CAMS push array, as it arrived. */
export type RawEvent = IDataObject;

/** The CAMS receipt type an element belongs to (`MessageType` in the console and queue names). */
export type ReceiptType = 'ChatAppInbound' | 'ChatAppStatus' | 'ChatAppAudit';

/** ChatAppAudit V2 `Type` values that are account events rather than template reviews. */
export const ACCOUNT_EVENT_KINDS = [
	'phoneNameUpdate',
	'phoneQualityUpdate',
	'wabaReviewUpdate',
	'wabaAccountUpdate',
	'templateCategoryUpdate',
	'templateQualityUpdate',
] as const;

export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

/** What the trigger's Events option selects, and the `event` field of every item. */
export type EventKind =
	'inboundMessage' | 'messageStatus' | 'templateReview' | AccountEventKind | 'other';

export interface Classification {
	receipt: ReceiptType | null;
	kind: EventKind;
}

/** Delivery statuses of ChatAppStatus, lower-cased; `subscribe`/`unsubscribe` are Viber only. */
export const MESSAGE_STATUSES = [
	'sent',
	'delivered',
	'read',
	'failed',
	'deleted',
	'subscribe',
	'unsubscribe',
] as const;

/** Documented ChatAppInbound `Type` values; anything else is filtered as OTHER. */
export const INBOUND_TYPES = [
	'TEXT',
	'IMAGE',
	'VIDEO',
	'AUDIO',
	'DOCUMENT',
	'LOCATION',
	'CONTACTS',
	'REPLY',
	'SYSTEM',
] as const;

export const OTHER_INBOUND_TYPE = 'OTHER';

/** Inbound types whose decoded `Message` points at a downloadable file. */
export const MEDIA_TYPES = new Set(['IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'STICKER']);

export interface InboundMedia extends IDataObject {
	id: string | null;
	url: string | null;
	mimeType: string | null;
	fileName: string | null;
	caption: string | null;
}

/**
 * One normalised event: the same core keys for every kind (null when the push did not carry the
 * value), a few kind-specific keys, and the element exactly as CAMS sent it under `raw`.
 */
export interface ChatAppEvent extends IDataObject {
	event: EventKind;
	receiptType: ReceiptType | null;
	channelType: string | null;
	channelId: string | null;
	wabaId: string | null;
	from: string | null;
	to: string | null;
	/** Your side: the sender of a status, the recipient of an inbound message, the number of an audit. */
	businessNumber: string | null;
	/** The end user's number or ID (WhatsApp/Viber: a phone number; Messenger/Instagram: a user ID). */
	customer: string | null;
	messageId: string | null;
	status: string | null;
	timestamp: number | null;
	timestampIso: string | null;
	errorCode: string | null;
	errorDescription: string | null;
	templateCode: string | null;
	language: string | null;
	auditStatus: string | null;
	messageType: string | null;
	taskId: string | null;
	raw: RawEvent;
}
