/**
 * E-mail channels: ListDmAccount, BindDmAccount, ListBindDmAccount and UnbindDmAccount. Bindings
 * live in a WeakMap keyed by the state's channel map, so `reset()` forgets them.
 */
import { camsError } from '../errors';
import type { Channel } from '../state';
import { slot } from './channelAdmin';
import {
	isPlainObject,
	paginate,
	parseJson,
	requireChannel,
	type ActionContext,
	type ActionTable,
} from './context';

/** DirectMail sender addresses of the emulated Alibaba Cloud account (ListDmAccount). */
export const DM_ACCOUNTS = [
	{
		AccountName: 'notice@mail.emulator.example',
		MailAddressId: '3001',
		Sendtype: 'trigger',
		CreateTime: '2025-01-05 09:00:00',
	},
	{
		AccountName: 'news@mail.emulator.example',
		MailAddressId: '3002',
		Sendtype: 'batch',
		CreateTime: '2025-01-06 09:00:00',
	},
	{
		AccountName: 'billing@mail.emulator.example',
		MailAddressId: '3003',
		Sendtype: 'trigger',
		CreateTime: '2025-01-07 09:00:00',
	},
];

interface DmBinding {
	AccountCode: string;
	AccountName: string;
	SendType: string;
}

const dmBindings = new WeakMap<Map<string, Channel>, Map<string, DmBinding>>();

function listDmAccounts(ctx: ActionContext) {
	const { Keyword: keyword, SendType: sendType } = ctx.params;
	const pageIndex = Number(ctx.params.PageIndex ?? 1);
	const pageSize = Number(ctx.params.PageSize ?? 10);
	if (
		!Number.isInteger(pageIndex) ||
		pageIndex < 1 ||
		!Number.isInteger(pageSize) ||
		pageSize < 1 ||
		pageSize > 100
	) {
		throw camsError('InvalidParameter', 'PageIndex must be >= 1 and PageSize 1 to 100.');
	}
	const matches = DM_ACCOUNTS.filter(
		(account) =>
			(!keyword || account.AccountName.includes(keyword)) &&
			(!sendType || account.Sendtype === sendType),
	);
	return { Success: true, Total: matches.length, Data: paginate(matches, pageIndex, pageSize) };
}

function emailChannel(ctx: ActionContext): Channel {
	const channel = requireChannel(ctx, ctx.params.CustSpaceId);
	if ((channel.channelType as string) !== 'EMAIL')
		throw camsError(
			'InvalidParameter.ChannelTypeNotSupport',
			`Channel ${channel.custSpaceId} is not an e-mail channel.`,
		);
	return channel;
}

function bindDmAccount(ctx: ActionContext) {
	const channel = emailChannel(ctx);
	const attr = parseJson<unknown>(ctx.params.ExtendAttr, (detail) =>
		camsError('InvalidParameter', `ExtendAttr is not valid JSON: ${detail}`),
	);
	if (
		!isPlainObject(attr) ||
		typeof attr.AccountName !== 'string' ||
		typeof attr.SendType !== 'string'
	) {
		throw camsError(
			'InvalidParameter',
			'ExtendAttr must be an object with AccountName and SendType.',
		);
	}
	const account = DM_ACCOUNTS.find((entry) => entry.AccountName === attr.AccountName);
	if (!account)
		throw camsError(
			'InvalidParameter.AccountNotExist',
			`No DirectMail sender address ${attr.AccountName} in this account.`,
		);
	if (account.Sendtype !== attr.SendType)
		throw camsError(
			'InvalidParameter',
			`${attr.AccountName} is a ${account.Sendtype} address, not ${attr.SendType}.`,
		);
	slot(dmBindings, ctx).set(channel.custSpaceId, {
		AccountCode: ctx.params.AccountCode,
		AccountName: account.AccountName,
		SendType: account.Sendtype,
	});
	return { Success: true, Data: 'true' };
}

function listBindDmAccount(ctx: ActionContext) {
	const channel = requireChannel(ctx, ctx.params.CustSpaceId);
	const binding = slot(dmBindings, ctx).get(channel.custSpaceId);
	const row = binding && {
		InstanceId: channel.instanceId,
		InstanceName: channel.instanceName,
		AccountCode: binding.AccountCode,
		ExtendAttr: { AccountName: binding.AccountName, SendType: binding.SendType },
	};
	return { Success: true, Data: row ? [row] : [] };
}

function unbindDmAccount(ctx: ActionContext) {
	const channel = emailChannel(ctx);
	if (!slot(dmBindings, ctx).delete(channel.custSpaceId))
		throw camsError(
			'InvalidParameter',
			`No DirectMail account is bound to channel ${channel.custSpaceId}.`,
		);
	return { Success: true, Data: 'true' };
}

export const dmAdminActions: ActionTable = {
	ListDmAccount: { run: listDmAccounts },
	BindDmAccount: { required: ['CustSpaceId', 'AccountCode', 'ExtendAttr'], run: bindDmAccount },
	ListBindDmAccount: { required: ['CustSpaceId'], run: listBindDmAccount },
	UnbindDmAccount: { required: ['CustSpaceId'], run: unbindDmAccount },
};
