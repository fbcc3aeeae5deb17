import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readFilters, readLimit, requiredValue } from '../shared/input';
import { listOf, simplifyField, simplifyIfWanted } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { getManyFields } from '../common.descriptions';
import { channelLocator } from '../../descriptions/locators';
import { SIMPLE_NUMBER_FIELDS } from './phoneNumber.fields';

const properties: INodeProperties[] = [
	channelLocator,
	...getManyFields([
		{
			displayName: 'Status',
			name: 'status',
			type: 'string',
			default: '',
			placeholder: 'e.g. VERIFIED',
			description: 'Only numbers in this state',
		},
	]),
	simplifyField,
];

export const description = updateDisplayOptions(showFor('phoneNumber', ['getAll']), properties);

/** The business numbers of the channel with status, quality, tier and webhook settings. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readFilters(this, itemIndex);
	const response = await camsRequest.call(
		this,
		'QueryChatappPhoneNumbers',
		{ CustSpaceId: requiredValue(this, 'channelId', 'Channel', itemIndex), Status: filters.status },
		{ itemIndex },
	);
	// The action is not paged; the limit is applied here.
	const numbers = listOf(response, 'PhoneNumbers').slice(0, readLimit(this, itemIndex));
	return simplifyIfWanted(this, itemIndex, numbers, SIMPLE_NUMBER_FIELDS);
}
