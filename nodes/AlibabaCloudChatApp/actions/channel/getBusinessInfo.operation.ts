import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { dataOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocator } from '../../descriptions/locators';
import { optionalWabaField, wabaIdOf } from './waba';

const properties: INodeProperties[] = [channelLocator, optionalWabaField];

export const description = updateDisplayOptions(
	showFor('channel', ['getBusinessInfo']),
	properties,
);

/** The Meta Business Manager behind the WABA and its verification status. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const channelId = requiredValue(this, 'channelId', 'Channel', itemIndex);
	const wabaId = await wabaIdOf(this, channelId, itemIndex);
	const response = await camsRequest.call(
		this,
		'QueryWabaBusinessInfo',
		{ CustSpaceId: channelId, WabaId: wabaId },
		{ itemIndex },
	);
	return { WabaId: wabaId, ...dataOf(response) };
}
