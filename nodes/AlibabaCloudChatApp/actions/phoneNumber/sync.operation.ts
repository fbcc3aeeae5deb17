import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { listOf, simplifyField, simplifyIfWanted } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocator } from '../../descriptions/locators';
import { SIMPLE_NUMBER_FIELDS } from './phoneNumber.fields';

const properties: INodeProperties[] = [channelLocator, simplifyField];

export const description = updateDisplayOptions(showFor('phoneNumber', ['sync']), properties);

/** Refreshes the channel's numbers from WhatsApp and returns them, one item per number. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await camsRequest.call(
		this,
		'ChatappSyncPhoneNumber',
		{ CustSpaceId: requiredValue(this, 'channelId', 'Channel', itemIndex) },
		{ itemIndex, idempotent: true },
	);
	return simplifyIfWanted(this, itemIndex, listOf(response, 'PhoneNumbers'), SIMPLE_NUMBER_FIELDS);
}
