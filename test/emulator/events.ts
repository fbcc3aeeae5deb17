/** Pushes CAMS makes on its own: ChatAppStatus after a send, ChatAppAudit after a template review. */
import { createHash } from 'node:crypto';

import { queueFor } from './mns/delivery';
import type { PushDispatcher, PushTarget } from './pushes';
import type { EmulatorState, Sender } from './state';
import type { TemplateRecord } from './templateModel';
import type { RuntimeConfig } from './types';

export interface EventContext {
	state: EmulatorState;
	config: RuntimeConfig;
	pushes: PushDispatcher;
	now: () => number;
}

export interface OutboundMessage {
	messageId: string;
	sender: Sender;
	to: string;
	frameType: 'template' | 'message';
	/** Status `Type`: TEMPLATE, or the upper-case MessageType. */
	typeLabel: string;
	taskId?: string;
	template?: TemplateRecord;
}

export const UNDELIVERABLE = {
	code: '131026',
	description: '131026:Receiver is incapable of receiving this message(Message Undeliverable.)',
};

function statusTarget(state: EmulatorState, senderId: string): PushTarget {
	const sender = state.senders.get(senderId);
	if (!sender) return { skipped: `sender ${senderId} no longer exists` };
	const queue = queueFor(sender.webhooks, 'ChatAppStatus');
	if (sender.webhooks.httpFlag === 'N') return { skipped: 'HttpFlag is N', queue };
	return sender.webhooks.statusCallbackUrl
		? { url: sender.webhooks.statusCallbackUrl, queue }
		: { skipped: 'no StatusCallbackUrl configured', queue };
}

export function fails(config: RuntimeConfig, to: string): boolean {
	return to.startsWith(config.failPrefix) || config.failNumbers.includes(to);
}

function statusEvent(
	ctx: EventContext,
	message: OutboundMessage,
	status: string,
): Record<string, unknown> {
	const record = ctx.state.findMessage(message.messageId);
	if (record) {
		record.status = status;
		if (status === 'Failed') record.failReason = UNDELIVERABLE.description;
	}
	const conversationType = message.template ? message.template.category.toLowerCase() : 'service';
	const event: Record<string, unknown> = {
		MessageId: message.messageId,
		From: message.sender.id,
		To: message.to,
		Timestamp: ctx.now(),
		Status: status,
		StatusDescription: status.toLowerCase(),
		MsgFrameType: message.frameType,
		Type: message.typeLabel,
		TaskId: message.taskId || message.messageId,
		OriginPhoneNumber: message.sender.id,
		ConversationId: createHash('sha256')
			.update(`${message.sender.id}|${message.to}|${conversationType}`)
			.digest('hex')
			.slice(0, 24),
		ConversationType: conversationType,
	};
	if (status === 'Failed')
		Object.assign(event, {
			ErrorCode: UNDELIVERABLE.code,
			ErrorDescription: UNDELIVERABLE.description,
		});
	if (message.template) {
		Object.assign(event, {
			TemplateCode: message.template.code,
			TemplateName: message.template.name,
			Language: message.template.language,
		});
	}
	return event;
}

/**
 * Schedules Sent -> Delivered -> Read (or Failed with 131026) for accepted messages; one timer per
 * step for the whole list, so a 1,000-recipient mass send stays cheap.
 */
export function scheduleStatuses(ctx: EventContext, messages: OutboundMessage[]): void {
	const delays = ctx.config.statusDelays;
	const steps: Array<[string, number | null, boolean]> = [
		['Failed', delays.failed, true],
		['Sent', delays.sent, false],
		['Delivered', delays.delivered, false],
		['Read', delays.read, false],
	];
	for (const [status, delay, failing] of steps) {
		const list = messages.filter((message) => fails(ctx.config, message.to) === failing);
		if (delay === null || delay === undefined || list.length === 0) continue;
		ctx.pushes.schedule(delay, 'ChatAppStatus', () =>
			list.map((message) => ({
				target: statusTarget(ctx.state, message.sender.id),
				event: statusEvent(ctx, message, status),
			})),
		);
	}
}

function auditTarget(state: EmulatorState, custSpaceId: string): PushTarget {
	const channel = state.channels.get(custSpaceId);
	if (!channel) return { skipped: `channel ${custSpaceId} no longer exists` };
	if (channel.account.httpFlag === 'N') return { skipped: 'HttpFlag is N' };
	return channel.account.statusCallbackUrl
		? { url: channel.account.statusCallbackUrl }
		: { skipped: 'no account StatusCallbackUrl configured' };
}

/** Queues one ChatAppAudit event with the template's current status. */
export function pushAudit(ctx: EventContext, template: TemplateRecord): void {
	const event = {
		WabaId: ctx.state.channels.get(template.custSpaceId)?.wabaId ?? '',
		TemplateCode: template.code,
		Language: template.language,
		AuditStatus: template.auditStatus,
		Reason: template.reason,
	};
	ctx.pushes.enqueue('ChatAppAudit', auditTarget(ctx.state, template.custSpaceId), event);
}

/** After `auditDelayMs` an auditing template passes, or fails when its name contains "reject". */
export function scheduleAudit(ctx: EventContext, template: TemplateRecord): void {
	const version = template.lastUpdateTime;
	ctx.pushes.schedule(ctx.config.auditDelayMs, 'ChatAppAudit', () => {
		if (
			!ctx.state.templates.includes(template) ||
			template.auditStatus !== 'auditing' ||
			template.lastUpdateTime !== version
		) {
			return [];
		}
		const rejected = template.name.includes('reject');
		template.auditStatus = rejected ? 'fail' : 'pass';
		template.reason = rejected
			? 'INVALID_FORMAT: The template content does not follow the WhatsApp template guidelines.'
			: '';
		template.qualityScore = rejected ? 'UNKNOWN' : 'GREEN';
		template.lastUpdateTime = ctx.now();
		pushAudit(ctx, template);
		return [];
	});
}
