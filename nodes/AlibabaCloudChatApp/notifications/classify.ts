import type { AccountEventKind, Classification, RawEvent } from './types';
import { ACCOUNT_EVENT_KINDS } from './types';

/** ChatAppAudit V2 `Type` (compared lower-case) → event kind. `template` keeps V1 semantics. */
const AUDIT_TYPES = new Map<string, Classification['kind']>([
	['template', 'templateReview'],
	...ACCOUNT_EVENT_KINDS.map((kind): [string, AccountEventKind] => [kind.toLowerCase(), kind]),
]);

function has(event: RawEvent, key: string): boolean {
	const value = event[key];
	return value !== undefined && value !== null && value !== '';
}

function auditKind(event: RawEvent): Classification['kind'] {
	const type = event.Type;
	if (typeof type !== 'string' || type.trim() === '') return 'templateReview';
	return AUDIT_TYPES.get(type.trim().toLowerCase()) ?? 'other';
}

function isAuditV2Type(event: RawEvent): boolean {
	return typeof event.Type === 'string' && AUDIT_TYPES.has(event.Type.trim().toLowerCase());
}

/**
 * Tells which receipt an element of a push is. CAMS sends no type field and one callback URL may
 * receive several receipt types, so the shape decides (https://www.alibabacloud.com/help/en/chatapp/developer-reference/configure-message-receipts; made stricter here):
 *
 * 1. No `MessageId` nor `MsgFrameType`, and an `AuditStatus` or `TemplateCode` key or a V2 audit `Type` → ChatAppAudit. Its V2
 *    `Type` picks the account event; no `Type` (V1) is a template review; an unknown `Type` is
 *    "other". `MessageId` has to decide this, because status reports of template messages also
 *    carry `TemplateCode` and a `Type` ("TEMPLATE"), and V2 audits carry a `Status`.
 * 2. `Status` with `MessageId` or `MsgFrameType` → ChatAppStatus. Inbound messages have no `Status`.
 * 3. A `Message` key (even empty), or `NoticeType` "inbound" → ChatAppInbound.
 * 4. Anything else is "other" and kept as it is, so a shape CAMS adds later is not lost silently.
 */
export function classifyEvent(event: RawEvent): Classification {
	const hasMessageId = has(event, 'MessageId');
	// V2 audits keep the V1 keys, often empty, so their presence counts, not their value. Only status
	// reports carry a `MsgFrameType`, so one that lacks its MessageId is still not an audit.
	if (
		!hasMessageId &&
		!has(event, 'MsgFrameType') &&
		('AuditStatus' in event || 'TemplateCode' in event || isAuditV2Type(event))
	) {
		return { receipt: 'ChatAppAudit', kind: auditKind(event) };
	}
	if (has(event, 'Status') && (hasMessageId || has(event, 'MsgFrameType'))) {
		return { receipt: 'ChatAppStatus', kind: 'messageStatus' };
	}
	if ('Message' in event || String(event.NoticeType ?? '').toLowerCase() === 'inbound') {
		return { receipt: 'ChatAppInbound', kind: 'inboundMessage' };
	}
	return { receipt: null, kind: 'other' };
}
