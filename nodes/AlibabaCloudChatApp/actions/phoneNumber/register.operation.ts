import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocator } from '../../descriptions/locators';
import { phoneNumberLocator, readChannelAndNumber } from './phoneNumber.fields';

const properties: INodeProperties[] = [channelLocator, phoneNumberLocator];

export const description = updateDisplayOptions(showFor('phoneNumber', ['register']), properties);

/** Registers a verified number with the WhatsApp Cloud API so it can send. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = readChannelAndNumber(this, itemIndex);
	const response = await camsRequest.call(this, 'ChatappPhoneNumberRegister', params, {
		itemIndex,
		idempotent: true,
	});
	return doneOutput(response, params);
}
