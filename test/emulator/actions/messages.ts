/** SendChatappMessage and SendChatappMassMessage. */
import { randomBytes } from 'node:crypto';

import { camsError } from '../errors';
import { scheduleStatuses, type OutboundMessage } from '../events';
import { sendKey, type Sender } from '../state';
import type { TemplateRecord } from '../templateModel';
import { isPlainObject, parseJson, type ActionContext, type ActionTable } from './context';
import {
	checkContent,
	checkPayload,
	checkRecipient,
	MASS_CHANNEL_TYPES,
	normaliseChannelType,
	resolveSender,
	SEND_CHANNEL_TYPES,
} from './messageRules';
import { checkTemplateParams, resolveTemplate } from './templateSend';

export const MAX_MASS_RECIPIENTS = 1000;

/** A random prefix per process and a counter: unique, and cheap enough for 100,000-recipient sends. */
const messageIdPrefix = randomBytes(6).toString('hex');
let messageIdCount = 0;
export const newMessageId = (): string =>
	messageIdPrefix + (messageIdCount++).toString(16).padStart(12, '0');

function parseJsonParam(value: string | undefined, name: string): unknown {
	if (value === undefined || value === '') return undefined;
	return parseJson<unknown>(value, (detail) =>
		camsError('InvalidParameter', `${name} is not valid JSON: ${detail}`),
	);
}

/** The BODY text with the variables filled in, as it shows in the message history. */
function renderTemplate(template: TemplateRecord, values: Record<string, string>): string {
	const bodyText = template.components.find((component) => component.Type === 'BODY')?.Text;
	return String(bodyText ?? '').replace(
		/\$\(([A-Za-z0-9_]+)\)/g,
		(_, name: string) => values[name] ?? '',
	);
}

function checkSession(ctx: ActionContext, sender: Sender, to: string): void {
	const last = ctx.state.sessions.get(`${sender.id}|${to}`);
	if (last === undefined || ctx.now() - last > ctx.config.sessionWindowMs) {
		throw camsError(
			'InvalidParameter.OutOfSession',
			`No message from ${to} in the last 24 hours: free-form messages can only be sent within the 24-hour customer service window after the user's last message. Send an approved template instead.`,
		);
	}
}

interface Accepted {
	sender: Sender;
	to: string;
	template?: TemplateRecord;
	templateParams?: Record<string, string>;
	messageType?: string;
	content?: string;
	groupMessageId?: string;
}

/** Records one accepted message (history, duplicate log); returns what its status pushes need. */
function accept(
	ctx: ActionContext,
	action: 'SendChatappMessage' | 'SendChatappMassMessage',
	sent: Accepted,
): OutboundMessage {
	const messageId = newMessageId();
	const { params } = ctx;
	const taskId = params.TaskId || undefined;
	const frameType = sent.template ? 'template' : 'message';
	ctx.state.messages.push({
		messageId,
		custSpaceId: sent.sender.custSpaceId,
		channelType: sent.sender.channelType.toUpperCase(),
		businessNumber: sent.sender.id,
		userNumber: sent.to,
		eventAction: 'DOWN',
		sendTime: ctx.now(),
		type: frameType,
		messageType: (sent.messageType ?? 'template').toUpperCase(),
		message: sent.template
			? renderTemplate(sent.template, sent.templateParams ?? {})
			: (sent.content ?? ''),
		templateCode: sent.template?.code,
		templateName: sent.template?.name,
		language: sent.template?.language,
		status: 'Accepted',
		groupMessageId: sent.groupMessageId,
		taskId,
	});
	ctx.state.recordSend({
		action,
		messageId,
		groupMessageId: sent.groupMessageId,
		channelType: sent.sender.channelType,
		custSpaceId: sent.sender.custSpaceId,
		from: sent.sender.id,
		to: sent.to,
		type: frameType,
		templateCode: sent.template?.code,
		templateName: sent.template?.name,
		language: sent.template?.language,
		messageType: sent.messageType,
		content: sent.content,
		templateParams: sent.templateParams,
		taskId,
		key: sendKey({
			from: sent.sender.id,
			to: sent.to,
			template: sent.template?.code,
			content: sent.content,
			taskId,
		}),
		params: { ...params },
		at: ctx.now(),
	});
	return {
		messageId,
		sender: sent.sender,
		to: sent.to,
		frameType,
		typeLabel: sent.template ? 'TEMPLATE' : (sent.messageType ?? 'TEXT').toUpperCase(),
		taskId,
		template: sent.template,
	};
}

function acceptOne(ctx: ActionContext, sent: Accepted): { MessageId: string } {
	const message = accept(ctx, 'SendChatappMessage', sent);
	scheduleStatuses(ctx, [message]);
	return { MessageId: message.messageId };
}

function sendOne(ctx: ActionContext) {
	const { params } = ctx;
	const channelType = normaliseChannelType(params.ChannelType, SEND_CHANNEL_TYPES);
	if (params.Type !== 'template' && params.Type !== 'message') {
		throw camsError(
			'InvalidParameter.MessageInvalid',
			`Type "${params.Type}" is not valid; use template or message.`,
		);
	}
	const sender = resolveSender(ctx, channelType, params.From);
	checkRecipient(channelType, params.To);
	if (params.Type === 'template') {
		const template = resolveTemplate(ctx, sender);
		const templateParams = checkTemplateParams(template, params.TemplateParams);
		checkPayload(parseJsonParam(params.Payload, 'Payload'));
		return acceptOne(ctx, { sender, to: params.To, template, templateParams });
	}
	if (!params.MessageType)
		throw camsError(
			'InvalidParameter.MessageTypeNotEmpty',
			'MessageType is mandatory when Type is message.',
		);
	checkContent(channelType, params.MessageType, params.Content);
	if (channelType === 'whatsapp') checkSession(ctx, sender, params.To);
	const sent = { sender, to: params.To, messageType: params.MessageType, content: params.Content };
	return acceptOne(ctx, sent);
}

function sendMass(ctx: ActionContext) {
	const { params } = ctx;
	const channelType = normaliseChannelType(params.ChannelType, MASS_CHANNEL_TYPES);
	const sender = resolveSender(ctx, channelType, params.From);
	const template = resolveTemplate(ctx, sender);
	const list = parseJsonParam(params.SenderList, 'SenderList');
	if (list === undefined)
		throw camsError(
			'InvalidParameter',
			'SenderList is mandatory: a JSON array of {"To","TemplateParams"} objects.',
		);
	if (!Array.isArray(list) || list.length === 0)
		throw camsError('InvalidParameter', 'SenderList must be a non-empty JSON array.');
	if (list.length > MAX_MASS_RECIPIENTS) {
		throw camsError(
			'InvalidParameter',
			`SenderList has ${list.length} recipients; at most ${MAX_MASS_RECIPIENTS} are allowed per request.`,
		);
	}
	const recipients = list.map((entry: unknown, index) => {
		const where = `SenderList[${index}]`;
		if (!isPlainObject(entry) || typeof entry.To !== 'string')
			throw camsError('InvalidParameter', `${where} must be an object with a string "To".`);
		checkRecipient(channelType, entry.To, `${where}.To`);
		checkPayload(entry.Payload, `${where}.Payload`);
		return {
			to: entry.To,
			templateParams: checkTemplateParams(
				template,
				entry.TemplateParams,
				`${where}.TemplateParams`,
			),
		};
	});
	const groupMessageId = newMessageId();
	const messages = recipients.map((recipient) =>
		accept(ctx, 'SendChatappMassMessage', { sender, template, groupMessageId, ...recipient }),
	);
	scheduleStatuses(ctx, messages);
	return { GroupMessageId: groupMessageId };
}

export const messageActions: ActionTable = {
	SendChatappMessage: { required: ['ChannelType', 'Type', 'From', 'To'], run: sendOne },
	SendChatappMassMessage: { required: ['ChannelType', 'From', 'Language'], run: sendMass },
};
