import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { dataOf, simplifyField, simplifyIfWanted } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocator } from '../../descriptions/locators';

const SIMPLE_FIELDS = [
	'Id',
	'Name',
	'AccountReviewStatus',
	'BusinessId',
	'BusinessName',
	'Currency',
	'MessageTemplateNamespace',
];

const properties: INodeProperties[] = [channelLocator, simplifyField];

export const description = updateDisplayOptions(showFor('channel', ['getWaba']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await camsRequest.call(
		this,
		'QueryChatappBindWaba',
		{ CustSpaceId: requiredValue(this, 'channelId', 'Channel', itemIndex) },
		{ itemIndex },
	);
	return simplifyIfWanted(this, itemIndex, dataOf(response), SIMPLE_FIELDS);
}
