import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelInstanceLocator, resolveInstance } from './instance';

const properties: INodeProperties[] = [channelInstanceLocator];

export const description = updateDisplayOptions(showFor('channel', ['delete']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { InstanceId, record } = await resolveInstance.call(this, itemIndex);
	const response = await camsRequest.call(this, 'DeleteInstance', { InstanceId }, { itemIndex });
	// The channel ID is known when the channel was looked up, not when given by its instance ID.
	return doneOutput(response, { InstanceId, CustSpaceId: record?.CustSpaceId });
}
