import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocatorWith } from '../../descriptions/locators';
import { emailNotice, SEND_TYPE_OPTIONS } from './dmAccount.fields';

const properties: INodeProperties[] = [
	emailNotice,
	channelLocatorWith({ description: 'The e-mail channel (CustSpaceId)' }),
	{
		displayName: 'Sender Address',
		name: 'accountName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. notice@mail.example.com',
		description: 'A DirectMail sender address (see Get Many DirectMail Accounts)',
	},
	{
		displayName: 'Send Type',
		name: 'sendType',
		type: 'options',
		options: SEND_TYPE_OPTIONS,
		default: 'trigger',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Account Code',
				name: 'accountCode',
				type: 'string',
				default: '',
				description: 'The DirectMail account code, when it differs from the sender address',
			},
		],
	},
];

export const description = updateDisplayOptions(showFor('channel', ['bindDmAccount']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const channelId = requiredValue(this, 'channelId', 'Channel', itemIndex);
	const accountName = requiredValue(this, 'accountName', 'Sender Address', itemIndex);
	const sendType = this.getNodeParameter('sendType', itemIndex) as string;
	const accountCode =
		String(this.getNodeParameter('options.accountCode', itemIndex, '') ?? '').trim() || accountName;
	const response = await camsRequest.call(
		this,
		'BindDmAccount',
		{
			CustSpaceId: channelId,
			AccountCode: accountCode,
			ExtendAttr: { AccountName: accountName, SendType: sendType },
		},
		{ itemIndex, idempotent: true },
	);
	return doneOutput(response, {
		CustSpaceId: channelId,
		AccountCode: accountCode,
		AccountName: accountName,
		SendType: sendType,
	});
}
