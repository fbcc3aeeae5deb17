import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { listOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocatorWith } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	channelLocatorWith({ description: 'The e-mail channel (CustSpaceId)' }),
];

export const description = updateDisplayOptions(
	showFor('channel', ['getBoundDmAccount']),
	properties,
);

/** The DirectMail sender bound to the channel; no item when none is. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await camsRequest.call(
		this,
		'ListBindDmAccount',
		{ CustSpaceId: requiredValue(this, 'channelId', 'Channel', itemIndex) },
		{ itemIndex },
	);
	return listOf(response);
}
