/**
 * Channel administration the base emulator lacks: CreateInstance / UpdateInstance / DeleteInstance,
 * ChatappBindWaba, QueryWabaBusinessInfo and GetWhatsappHealthStatus. Extra per-channel data lives
 * in a WeakMap keyed by the state's channel map, so `reset()` (which replaces the map) forgets it.
 */
import { createHash } from 'node:crypto';

import { camsError } from '../errors';
import type { Channel } from '../state';
import { isHttpUrl, requireChannel, type ActionContext, type ActionTable } from './context';

const CHANNEL_TYPES = ['WHATSAPP', 'VIBER', 'MESSENGER', 'INSTAGRAM', 'EMAIL'];
const DETAIL_PARAMS = [
	'InstanceDescription',
	'ContactMail',
	'CountryId',
	'FacebookBmId',
	'OfficeAddress',
	'IsvTerms',
	'IsConfirmAudit',
] as const;

/** InstanceDescription, ContactMail, … given to Create/UpdateInstance, per channel map. */
const details = new WeakMap<Map<string, Channel>, Map<string, Record<string, string>>>();

export function slot<V>(
	store: WeakMap<Map<string, Channel>, Map<string, V>>,
	ctx: ActionContext,
): Map<string, V> {
	let map = store.get(ctx.state.channels);
	if (!map) store.set(ctx.state.channels, (map = new Map()));
	return map;
}

function byInstanceId(ctx: ActionContext): Channel {
	const channel = [...ctx.state.channels.values()].find(
		(entry) => entry.instanceId === ctx.params.InstanceId,
	);
	if (!channel)
		throw camsError(
			'InvalidParameter.InstanceId',
			`The instance ${ctx.params.InstanceId} does not exist.`,
			400,
		);
	return channel;
}

function checkDetails(ctx: ActionContext): Record<string, string> {
	const { params } = ctx;
	if (params.ContactMail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(params.ContactMail)) {
		throw camsError(
			'InvalidParameter',
			`ContactMail "${params.ContactMail}" is not an e-mail address.`,
		);
	}
	if (params.IsConfirmAudit && !['Y', 'N'].includes(params.IsConfirmAudit))
		throw camsError('InvalidParameter', 'IsConfirmAudit must be Y or N.');
	if (params.IsvTerms && !isHttpUrl(params.IsvTerms))
		throw camsError('InvalidParameter', 'IsvTerms must be an http(s) URL.');
	return Object.fromEntries(
		DETAIL_PARAMS.filter((name) => params[name] !== undefined).map((name) => [name, params[name]]),
	);
}

function instanceData(ctx: ActionContext, channel: Channel): Record<string, unknown> {
	return {
		InstanceId: channel.instanceId,
		CustSpaceId: channel.custSpaceId,
		InstanceName: channel.instanceName,
		ChannelType: channel.channelType,
		ResourceRegionId: 'ap-southeast-1',
		SubmitTime: channel.submitTime,
		...slot(details, ctx).get(channel.custSpaceId),
	};
}

function newChannel(
	ctx: ActionContext,
	channelType: string,
	name: string,
	wabaId?: string,
): Channel {
	const seq = ctx.state.channels.size + 1;
	const suffix = createHash('sha256')
		.update(`${channelType}|${name}|${ctx.now()}|${seq}`)
		.digest('hex')
		.slice(0, 8);
	const channel = {
		custSpaceId: `cams-${suffix}`,
		instanceId: `cams-inst-${7302000 + seq}`,
		instanceName: name,
		channelType,
		wabaId,
		submitTime: new Date(ctx.now()).toISOString().replace('T', ' ').slice(0, 19),
		account: { httpFlag: 'Y', queueFlag: 'N' },
	} as Channel;
	ctx.state.channels.set(channel.custSpaceId, channel);
	return channel;
}

function checkName(name: string | undefined): string {
	if (!name || name.length > 64)
		throw camsError('InvalidParameter', 'InstanceName must be 1 to 64 characters long.');
	return name;
}

function createInstance(ctx: ActionContext) {
	const type = ctx.params.ChannelType.toUpperCase();
	if (!CHANNEL_TYPES.includes(type))
		throw camsError(
			'InvalidParameter.ChannelTypeNotSupport',
			`ChannelType "${ctx.params.ChannelType}" is not supported; use ${CHANNEL_TYPES.join(', ')}.`,
		);
	const name = checkName(ctx.params.InstanceName);
	if ([...ctx.state.channels.values()].some((channel) => channel.instanceName === name)) {
		throw camsError(
			'InvalidParameter.InstanceNameExist',
			`A channel named "${name}" already exists.`,
		);
	}
	const extra = checkDetails(ctx);
	const channel = newChannel(ctx, type, name);
	slot(details, ctx).set(channel.custSpaceId, extra);
	return { Success: true, Data: instanceData(ctx, channel) };
}

function updateInstance(ctx: ActionContext) {
	const channel = byInstanceId(ctx);
	channel.instanceName = checkName(ctx.params.InstanceName);
	const stored = slot(details, ctx);
	stored.set(channel.custSpaceId, { ...stored.get(channel.custSpaceId), ...checkDetails(ctx) });
	return { Success: true, Data: instanceData(ctx, channel) };
}

function deleteInstance(ctx: ActionContext) {
	const channel = byInstanceId(ctx);
	const numbers = [...ctx.state.senders.values()].filter(
		(sender) => sender.custSpaceId === channel.custSpaceId,
	);
	if (numbers.some((sender) => sender.status === 'CONNECTED')) {
		throw camsError(
			'InvalidParameter.InstanceInUse',
			`Channel ${channel.custSpaceId} still has connected numbers; deregister them first.`,
		);
	}
	ctx.state.channels.delete(channel.custSpaceId);
	return { Success: true, Data: true };
}

function bindWaba(ctx: ActionContext) {
	const wabaId = ctx.params.WabaId;
	if (!/^\d{10,20}$/.test(wabaId))
		throw camsError(
			'InvalidParameter',
			`WabaId "${wabaId}" is not a WhatsApp Business Account ID.`,
		);
	const existing = [...ctx.state.channels.values()].find((channel) => channel.wabaId === wabaId);
	const channel = existing ?? newChannel(ctx, 'WHATSAPP', `WABA ${wabaId}`, wabaId);
	return { Data: { CustSpaceId: channel.custSpaceId, WabaId: wabaId } };
}

function whatsappChannel(ctx: ActionContext): Channel {
	const channel = requireChannel(ctx, ctx.params.CustSpaceId);
	if (channel.channelType !== 'WHATSAPP' || !channel.wabaId) {
		throw camsError(
			'ERR-OPERATION-MAAP-0060',
			`No WhatsApp Business Account is bound to channel ${channel.custSpaceId}.`,
			400,
		);
	}
	return channel;
}

function requireWaba(ctx: ActionContext, channel: Channel): void {
	if (ctx.params.WabaId !== channel.wabaId) {
		throw camsError(
			'InvalidParameter.WabaId',
			`WABA ${ctx.params.WabaId} is not bound to channel ${channel.custSpaceId}.`,
			400,
		);
	}
}

function wabaBusinessInfo(ctx: ActionContext) {
	requireWaba(ctx, whatsappChannel(ctx));
	return {
		Data: {
			BusinessId: '1029384756102938',
			BusinessName: 'Emulator Pte. Ltd.',
			VerificationStatus: 'verified',
			Vertical: 'RETAIL',
		},
	};
}

function health(entity: string, id: string, blocked?: { description: string; solution: string }) {
	const can = blocked ? 'BLOCKED' : 'AVAILABLE';
	const errors = blocked
		? [
				{
					ErrorCode: '141000',
					ErrorDescription: blocked.description,
					PossibleSolution: blocked.solution,
				},
			]
		: [];
	return {
		Data: {
			CanSendMessage: can,
			Entities: [{ EntityType: entity, Id: id, CanSendMessage: can, Errors: errors }],
		},
	};
}

function healthStatus(ctx: ActionContext) {
	const channel = whatsappChannel(ctx);
	const {
		NodeType: nodeType,
		PhoneNumber: phone,
		TemplateCode: code,
		Language: language,
	} = ctx.params;
	if (nodeType === 'waba') {
		requireWaba(ctx, channel);
		return health('WABA', channel.wabaId as string);
	}
	if (nodeType === 'phone') {
		const sender = ctx.state.senders.get(phone ?? '');
		if (!sender || sender.custSpaceId !== channel.custSpaceId)
			throw camsError(
				'ERR-OPERATION-MAAP-0065',
				`The phone number ${phone ?? ''} is not bound to channel ${channel.custSpaceId}.`,
				400,
			);
		const blocked =
			sender.status === 'CONNECTED'
				? undefined
				: {
						description: `The number is ${sender.status}.`,
						solution: 'Verify and register the number.',
					};
		return health('PHONE_NUMBER', sender.id, blocked);
	}
	if (nodeType === 'template') {
		if (!code || !language)
			throw camsError(
				'InvalidParameter',
				'TemplateCode and Language are mandatory when NodeType is template.',
			);
		const template = ctx.state.templates.find(
			(entry) =>
				entry.custSpaceId === channel.custSpaceId &&
				entry.code === code &&
				entry.language === language,
		);
		if (!template)
			throw camsError(
				'DetailError.TemplateNotExist',
				`The template ${code} (${language}) does not exist.`,
				400,
			);
		const blocked =
			template.auditStatus === 'pass'
				? undefined
				: {
						description: `The template is ${template.auditStatus}.`,
						solution: 'Use an approved template.',
					};
		return health('MESSAGE_TEMPLATE', template.code, blocked);
	}
	throw camsError(
		'InvalidParameter',
		`NodeType "${nodeType}" is not supported; use waba, phone or template.`,
	);
}

export const channelAdminActions: ActionTable = {
	CreateInstance: { required: ['ChannelType', 'InstanceName'], run: createInstance },
	UpdateInstance: { required: ['InstanceId', 'InstanceName'], run: updateInstance },
	DeleteInstance: { required: ['InstanceId'], run: deleteInstance },
	ChatappBindWaba: { required: ['WabaId'], run: bindWaba },
	QueryWabaBusinessInfo: { required: ['CustSpaceId', 'WabaId'], run: wabaBusinessInfo },
	GetWhatsappHealthStatus: { required: ['CustSpaceId', 'NodeType'], run: healthStatus },
};
