import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, updateDisplayOptions } from '../../helpers/utils';
import { camsRequest } from '../../transport';
import { channelInstanceLocator, resolveInstance } from './instance';

const properties: INodeProperties[] = [channelInstanceLocator];

export const description = updateDisplayOptions(showFor('channel', ['delete']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { InstanceId } = await resolveInstance.call(this, itemIndex);
	await camsRequest.call(this, 'DeleteInstance', { InstanceId }, { itemIndex });
	return { deleted: true };
}
