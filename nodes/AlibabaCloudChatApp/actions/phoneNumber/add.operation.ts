import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { withoutPhoneFormatting } from '../../helpers/phone';
import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocator } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	channelLocator,
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 65',
		description: 'The calling code of the country, without "+"',
	},
	{
		displayName: 'Number',
		name: 'nationalNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 9123 4567',
		description: 'The phone number without the country code',
	},
	{
		displayName: 'Display Name',
		name: 'verifiedName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Example Shop',
		description: 'The business name WhatsApp shows to customers; Meta reviews it',
	},
];

export const description = updateDisplayOptions(showFor('phoneNumber', ['add']), properties);

function digits(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	pattern: RegExp,
): string {
	const raw = requiredValue(context, name, label, itemIndex);
	const value = withoutPhoneFormatting(raw);
	if (!pattern.test(value)) {
		throw new NodeOperationError(context.getNode(), `${label} "${raw}" is not valid`, {
			itemIndex,
			description: `Enter digits only for "${label}": the country code (e.g. 65) and the number without it (e.g. 91234567).`,
		});
	}
	return value;
}

/** Adds a number to the WABA of the channel; verify it next with Request Verification Code. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const cc = digits(this, 'countryCode', 'Country Code', itemIndex, /^\d{1,4}$/);
	const number = digits(this, 'nationalNumber', 'Number', itemIndex, /^\d{4,14}$/);
	const params = {
		CustSpaceId: requiredValue(this, 'channelId', 'Channel', itemIndex),
		Cc: cc,
		PhoneNumber: number,
		VerifiedName: requiredValue(this, 'verifiedName', 'Display Name', itemIndex),
	};
	const response = await camsRequest.call(this, 'AddChatappPhoneNumber', params, { itemIndex });
	return doneOutput(response, { ...params, FullPhoneNumber: `${cc}${number}` });
}
