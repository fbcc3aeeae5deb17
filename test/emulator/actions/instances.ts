/** Channels (instances) and the service open status. */
import { camsError } from '../errors';
import type { Channel } from '../state';
import { paginate, requireChannel, type ActionContext, type ActionTable } from './context';

function instanceRow(channel: Channel): Record<string, unknown> {
	return {
		InstanceId: channel.instanceId,
		CustSpaceId: channel.custSpaceId,
		InstanceName: channel.instanceName,
		InstanceDescription: `${channel.instanceName} channel of the local CAMS emulator`,
		ChannelType: channel.channelType,
		ContactMail: 'ops@example.com',
		CountryId: 'SG',
		FacebookBmId: channel.channelType === 'VIBER' ? undefined : '1029384756102938',
		IsvTerms: 'https://example.com/terms.pdf',
		OfficeAddress: '1 Emulator Road, Singapore',
		ResourceGroupId: 'rg-acfmemulator0001',
		ResourceRegionId: 'ap-southeast-1',
		SubmitTime: channel.submitTime,
	};
}

function positiveInt(
	value: string | undefined,
	name: string,
	fallback: number,
	max: number,
): number {
	if (value === undefined || value === '') return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1 || number > max) {
		throw camsError('InvalidParameter', `${name} must be an integer between 1 and ${max}.`);
	}
	return number;
}

function listInstances(ctx: ActionContext) {
	const { params } = ctx;
	const pageIndex = positiveInt(params.PageIndex, 'PageIndex', 1, 1_000_000);
	const pageSize = Math.min(
		positiveInt(params.PageSize, 'PageSize', 10, 100),
		ctx.config.pageSizeCap,
	);
	const filter = params.FilterStr?.toLowerCase();
	const matches = [...ctx.state.channels.values()].filter(
		(channel) =>
			(!params.ChannelType || channel.channelType === params.ChannelType.toUpperCase()) &&
			(!params.InstanceId || channel.instanceId === params.InstanceId) &&
			(!params.InstanceName || channel.instanceName.includes(params.InstanceName)) &&
			(!filter ||
				[channel.instanceId, channel.instanceName, channel.custSpaceId].some((text) =>
					text.toLowerCase().includes(filter),
				)),
	);
	return {
		Success: true,
		TotalCount: matches.length,
		Data: paginate(matches, pageIndex, pageSize).map((channel) => ({
			...instanceRow(channel),
			State: 'published',
		})),
	};
}

function queryInstance(ctx: ActionContext) {
	const channel = [...ctx.state.channels.values()].find(
		(entry) => entry.instanceId === ctx.params.InstanceId,
	);
	if (!channel)
		throw camsError(
			'InvalidParameter.InstanceId',
			`The instance ${ctx.params.InstanceId} does not exist.`,
			400,
		);
	return { Success: true, Data: { ...instanceRow(channel), CustType: 'DIRECT' } };
}

/** The Viber service IDs of a Viber channel (the `From` of its sends). */
function listViberServices(ctx: ActionContext) {
	const channel = requireChannel(ctx, ctx.params.CustSpaceId);
	if (channel.channelType !== 'VIBER') {
		throw camsError('InvalidParameter', `Channel ${channel.custSpaceId} is not a Viber channel.`);
	}
	const services = [...ctx.state.senders.values()].filter(
		(sender) => sender.custSpaceId === channel.custSpaceId,
	);
	return {
		Success: true,
		Data: services.map((sender) => ({
			ServiceId: sender.id,
			BusinessAccountName: sender.verifiedName,
			State: sender.status === 'CONNECTED' ? 'ACTIVE' : sender.status,
			MessageDestinationCountry: ['SG'],
		})),
	};
}

export const instanceActions: ActionTable = {
	ListViberServiceMessage: { required: ['CustSpaceId'], run: listViberServices },
	ListInstance: { run: listInstances },
	QueryInstance: { required: ['InstanceId'], run: queryInstance },
	GetChatappOpenStatus: { run: () => ({ OpenStatus: true }) },
};
