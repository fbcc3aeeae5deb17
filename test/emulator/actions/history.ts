/** ListChatappMessage: the message history (outbound sends and injected inbound messages). */
import { camsError } from '../errors';
import type { MessageRecord } from '../state';
import {
	paginate,
	parsePage,
	requireChannel,
	type ActionContext,
	type ActionTable,
} from './context';
import { normaliseChannelType } from './messageRules';

function parseTime(
	ms: string | undefined,
	text: string | undefined,
	name: string,
): number | undefined {
	if (ms) {
		if (!/^\d+$/.test(ms))
			throw camsError('InvalidParameter', `${name}Time must be epoch milliseconds.`);
		return Number(ms);
	}
	if (text) {
		const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
		if (!match)
			throw camsError('InvalidParameter', `${name}TimeStr must look like yyyy-MM-dd HH:mm:ss.`);
		return Date.parse(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
	}
	return undefined;
}

function toRow(record: MessageRecord): Record<string, unknown> {
	const sent = new Date(record.sendTime).toISOString();
	return {
		MessageId: record.messageId,
		UniqueMessageId: record.messageId,
		BusinessNumber: record.businessNumber,
		UserNumber: record.userNumber,
		ChannelType: record.channelType,
		EventAction: record.eventAction,
		EventActionName: record.eventAction === 'DOWN' ? 'Outbound' : 'Inbound',
		SendTime: sent,
		Month: sent.slice(0, 7),
		Type: record.type,
		MessageType: record.messageType,
		MessageTypeName: record.messageType,
		Message: record.message,
		TemplateCode: record.templateCode,
		TemplateName: record.templateName,
		LanguageCode: record.language,
		MessageSource: record.eventAction === 'DOWN' ? 'api' : 'user',
		MessageStatus: record.status,
		MessageStatusName: record.status,
		ClientReadStatus: record.status === 'Read' ? 'success' : 'none',
		ClientReadStatusName: record.status === 'Read' ? 'Read' : 'Unread',
		ClientAcceptStatusName: record.status === 'Failed' ? 'Failed' : 'Success',
		FailReason: record.failReason,
		FailBackFlag: 'N',
	};
}

function listMessages(ctx: ActionContext) {
	const { params } = ctx;
	const channel = requireChannel(ctx, params.CustSpaceId);
	const channelType = normaliseChannelType(params.ChannelType, ['whatsapp', 'viber']).toUpperCase();
	const sender = ctx.state.senders.get(params.BusinessNumber);
	if (!sender || sender.custSpaceId !== channel.custSpaceId) {
		throw camsError(
			'ERR-OPERATION-MAAP-0065',
			`The number ${params.BusinessNumber} is not bound to channel ${channel.custSpaceId}.`,
			400,
		);
	}
	const { index, size } = parsePage(params.Page, 20, ctx.config.pageSizeCap);
	const start = parseTime(params.StartTime, params.StartTimeStr, 'Start');
	const end = parseTime(params.EndTime, params.EndTimeStr, 'End');
	const matches = ctx.state.messages.filter(
		(record) =>
			record.custSpaceId === channel.custSpaceId &&
			record.channelType === channelType &&
			record.businessNumber === sender.id &&
			(!params.EventAction || record.eventAction === params.EventAction.toUpperCase()) &&
			(!params.UserNumber || record.userNumber === params.UserNumber) &&
			(!params.TemplateCode || record.templateCode === params.TemplateCode) &&
			(!params.GroupMessageId || record.groupMessageId === params.GroupMessageId) &&
			(!params.MessageStatus ||
				record.status.toLowerCase() === params.MessageStatus.toLowerCase()) &&
			(start === undefined || record.sendTime >= start) &&
			(end === undefined || record.sendTime <= end),
	);
	const newestFirst = [...matches].reverse();
	return { Success: true, Data: paginate(newestFirst, index, size).map(toRow) };
}

export const historyActions: ActionTable = {
	ListChatappMessage: {
		required: ['CustSpaceId', 'ChannelType', 'BusinessNumber', 'Page'],
		run: listMessages,
	},
};
