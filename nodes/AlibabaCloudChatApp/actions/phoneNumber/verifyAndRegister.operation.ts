import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
		displayName: 'Verification Code',
		name: 'verifyCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 123456',
		description: 'The code WhatsApp sent by SMS or voice call',
	},
];

export const description = updateDisplayOptions(
	showFor('phoneNumber', ['verifyAndRegister']),
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const raw = requiredValue(this, 'verifyCode', 'Verification Code', itemIndex);
	const code = raw.replace(/[\s-]/g, '');
	if (!/^\d{4,8}$/.test(code)) {
		throw new NodeOperationError(this.getNode(), `Verification Code "${raw}" is not valid`, {
			itemIndex,
			description: 'Enter the digits of the code WhatsApp sent (usually 6), without letters.',
		});
	}
	const params = readChannelAndNumber(this, itemIndex);
	const response = await camsRequest.call(
		this,
		'ChatappVerifyAndRegister',
		{ ...params, VerifyCode: code },
		{ itemIndex },
	);
	return doneOutput(response, params);
}
