import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { dataOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocator } from '../../descriptions/locators';
import { phoneNumberLocator, readChannelAndNumber } from './phoneNumber.fields';

const properties: INodeProperties[] = [channelLocator, phoneNumberLocator];

export const description = updateDisplayOptions(
	showFor('phoneNumber', ['getVerificationStatus']),
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = readChannelAndNumber(this, itemIndex);
	const response = await camsRequest.call(this, 'GetPhoneNumberVerificationStatus', params, {
		itemIndex,
	});
	return { PhoneNumber: params.PhoneNumber, ...dataOf(response) };
}
