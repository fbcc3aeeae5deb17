import type { INodeProperties } from 'n8n-workflow';

import type { RoutedOperationOf } from '../node.type';
import type { OperationModule } from '../operation';
import * as bindDmAccount from './bindDmAccount.operation';
import * as bindWaba from './bindWaba.operation';
import * as create from './create.operation';
import * as deleteChannel from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAllDmAccounts from './getAllDmAccounts.operation';
import * as getBoundDmAccount from './getBoundDmAccount.operation';
import * as getBusinessInfo from './getBusinessInfo.operation';
import * as getHealth from './getHealth.operation';
import * as getWaba from './getWaba.operation';
import * as unbindDmAccount from './unbindDmAccount.operation';
import * as update from './update.operation';
import * as updateWebhook from './updateWebhook.operation';

/** The modules the router runs; the node map makes a missing or unknown operation a compile error. */
export const operations: Record<RoutedOperationOf<'channel'>, OperationModule> = {
	bindDmAccount,
	bindWaba,
	create,
	delete: deleteChannel,
	get,
	getAll,
	getAllDmAccounts,
	getBoundDmAccount,
	getBusinessInfo,
	getHealth,
	getWaba,
	unbindDmAccount,
	update,
	updateWebhook,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['channel'] } },
		options: [
			{
				name: 'Bind DirectMail Account',
				value: 'bindDmAccount',
				description: 'Bind a DirectMail sender address to an e-mail channel',
				action: 'Bind a sender address to an email channel',
			},
			{
				name: 'Bind WABA',
				value: 'bindWaba',
				description: 'Associate a WhatsApp Business Account and get its channel ID',
				action: 'Bind a WABA',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a channel of a given type',
				action: 'Create a channel',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a channel',
				action: 'Delete a channel',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the details of a channel',
				action: 'Get a channel',
			},
			{
				name: 'Get Bound DirectMail Account',
				value: 'getBoundDmAccount',
				description: 'Get the DirectMail sender bound to an e-mail channel',
				action: 'Get the sender address bound to a channel',
			},
			{
				name: 'Get Business Info',
				value: 'getBusinessInfo',
				description: 'Get the Meta business and its verification status',
				action: 'Get the business info of a WABA',
			},
			{
				name: 'Get Health',
				value: 'getHealth',
				description: 'Check whether a WABA, number or template can send',
				action: 'Get the health of a WABA, number or template',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the channels of the account',
				action: 'Get many channels',
			},
			{
				name: 'Get Many DirectMail Accounts',
				value: 'getAllDmAccounts',
				description: 'List the DirectMail sender addresses of the account',
				action: 'Get many sender addresses',
			},
			{
				name: 'Get WABA',
				value: 'getWaba',
				description: 'Get the WhatsApp Business Account bound to a channel',
				action: 'Get the WABA of a channel',
			},
			{
				name: 'Unbind DirectMail Account',
				value: 'unbindDmAccount',
				description: 'Unbind the DirectMail sender from an e-mail channel',
				action: 'Unbind the sender address of a channel',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name, description or company data of a channel',
				action: 'Update a channel',
			},
			{
				name: 'Update Webhook',
				value: 'updateWebhook',
				description: 'Set the callback URL and delivery flags of a channel',
				action: 'Update the webhook of a channel',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...update.description,
	...deleteChannel.description,
	...get.description,
	...getAll.description,
	...bindWaba.description,
	...getWaba.description,
	...getBusinessInfo.description,
	...getHealth.description,
	...updateWebhook.description,
	...getAllDmAccounts.description,
	...bindDmAccount.description,
	...unbindDmAccount.description,
	...getBoundDmAccount.description,
];
