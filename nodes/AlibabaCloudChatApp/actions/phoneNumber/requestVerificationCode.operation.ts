import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocator } from '../../descriptions/locators';
import { phoneNumberLocator, readChannelAndNumber } from './phoneNumber.fields';

const properties: INodeProperties[] = [
	channelLocator,
	phoneNumberLocator,
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'SMS', value: 'SMS' },
			{ name: 'Voice Call', value: 'VOICE' },
		],
		default: 'SMS',
		description: 'How WhatsApp delivers the code',
	},
	{
		displayName: 'Locale',
		name: 'locale',
		type: 'string',
		default: 'en_US',
		required: true,
		placeholder: 'en_US',
		description: 'The language of the SMS or call, e.g. en_US or zh_CN',
	},
];

export const description = updateDisplayOptions(
	showFor('phoneNumber', ['requestVerificationCode']),
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = {
		...readChannelAndNumber(this, itemIndex),
		Method: this.getNodeParameter('method', itemIndex) as string,
		Locale: requiredValue(this, 'locale', 'Locale', itemIndex),
	};
	const response = await camsRequest.call(this, 'GetChatappVerifyCode', params, { itemIndex });
	return doneOutput(response, params);
}
