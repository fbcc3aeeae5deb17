import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { dataOf, simplifyField, simplifyIfWanted } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelInstanceLocator, resolveInstance, SIMPLE_INSTANCE_FIELDS } from './instance';

const properties: INodeProperties[] = [channelInstanceLocator, simplifyField];

export const description = updateDisplayOptions(showFor('channel', ['get']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { InstanceId, record } = await resolveInstance.call(this, itemIndex);
	const response = await camsRequest.call(this, 'QueryInstance', { InstanceId }, { itemIndex });
	// QueryInstance does not return the channel ID; keep the one the lookup found.
	const channel = { CustSpaceId: record?.CustSpaceId, ...dataOf(response) };
	if (channel.CustSpaceId === undefined) delete channel.CustSpaceId;
	return simplifyIfWanted(this, itemIndex, channel, SIMPLE_INSTANCE_FIELDS);
}
