import type { IDataObject } from 'n8n-workflow';

import {
	decodeInboundMessage,
	inboundMedia,
	messageText,
	readTimestamp,
	text,
	withoutPlus,
} from './decode';
import type { ChatAppEvent, Classification, RawEvent } from './types';

/** Viber is the only channel with subscribe/unsubscribe statuses; a WABA ID means WhatsApp. */
function channelTypeOf(event: RawEvent, status: string | null): string | null {
	const declared = text(event.ChannelType);
	if (declared !== null) return declared.toLowerCase();
	if (status === 'subscribe' || status === 'unsubscribe') return 'viber';
	return text(event.WabaId) !== null ? 'whatsapp' : null;
}

function upper(value: unknown): string | null {
	const result = text(value);
	return result === null ? null : result.trim().toUpperCase();
}

function core(event: RawEvent, classification: Classification): Omit<ChatAppEvent, 'raw'> {
	const timestamp = readTimestamp(event);
	const status = text(event.Status);
	return {
		event: classification.kind,
		receiptType: classification.receipt,
		channelType: channelTypeOf(event, status?.toLowerCase() ?? null),
		channelId: text(event.CustSpaceId),
		wabaId: text(event.WabaId),
		from: withoutPlus(event.From),
		to: withoutPlus(event.To),
		businessNumber: null,
		customer: null,
		messageId: text(event.MessageId),
		status,
		timestamp,
		timestampIso: timestamp === null ? null : new Date(timestamp).toISOString(),
		errorCode: text(event.ErrorCode),
		errorDescription: text(event.ErrorDescription),
		templateCode: text(event.TemplateCode),
		language: text(event.Language),
		auditStatus: text(event.AuditStatus),
		messageType: null,
		taskId: text(event.TaskId),
	};
}

function statusFields(event: RawEvent, base: Omit<ChatAppEvent, 'raw'>): IDataObject {
	return {
		businessNumber: base.from,
		customer: base.to,
		messageType: upper(event.Type),
		statusDescription: text(event.StatusDescription),
		frameType: text(event.MsgFrameType),
		templateName: text(event.TemplateName),
		conversationId: text(event.ConversationId),
		conversationType: text(event.ConversationType),
		originPhoneNumber: withoutPlus(event.OriginPhoneNumber),
	};
}

function inboundFields(event: RawEvent, base: Omit<ChatAppEvent, 'raw'>): IDataObject {
	const type = upper(event.Type) ?? '';
	const message = decodeInboundMessage(type, event.Message);
	const payload = message !== null && !Array.isArray(message) ? text(message.payload) : null;
	return {
		businessNumber: base.to,
		customer: base.from,
		messageType: type || null,
		text: messageText(message),
		message,
		media: inboundMedia(type, message),
		payload,
		profileName: text(event.Name),
		displayName: text(event.DisplayName),
	};
}

function auditFields(event: RawEvent): IDataObject {
	return {
		businessNumber: withoutPlus(event.PhoneNumber),
		auditType: text(event.Type),
		reason: text(event.Reason),
		currentLimit: text(event.CurrentLimit),
	};
}

/**
 * One item's JSON for one element of a push: the core fields of `ChatAppEvent`, the fields of its
 * receipt type, and the element itself under `raw` (last, so it reads as the appendix it is).
 */
export function normaliseEvent(event: RawEvent, classification: Classification): ChatAppEvent {
	const item = core(event, classification) as ChatAppEvent;
	// Object.assign keeps the core keys in place and appends the new ones; raw goes last.
	if (classification.receipt === 'ChatAppStatus') Object.assign(item, statusFields(event, item));
	else if (classification.receipt === 'ChatAppInbound')
		Object.assign(item, inboundFields(event, item));
	else if (classification.receipt === 'ChatAppAudit') Object.assign(item, auditFields(event));
	item.raw = event;
	return item;
}
