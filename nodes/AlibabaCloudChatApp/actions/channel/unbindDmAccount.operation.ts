import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocatorWith } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	channelLocatorWith({ description: 'The e-mail channel (CustSpaceId)' }),
];

export const description = updateDisplayOptions(
	showFor('channel', ['unbindDmAccount']),
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const channelId = requiredValue(this, 'channelId', 'Channel', itemIndex);
	const response = await camsRequest.call(
		this,
		'UnbindDmAccount',
		{ CustSpaceId: channelId },
		{ itemIndex, idempotent: true },
	);
	return doneOutput(response, { CustSpaceId: channelId });
}
