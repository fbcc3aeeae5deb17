import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelInstanceLocator, resolveInstance } from './instance';

const properties: INodeProperties[] = [channelInstanceLocator];

export const description = updateDisplayOptions(showFor('channel', ['delete']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { InstanceId } = await resolveInstance.call(this, itemIndex);
	await camsRequest.call(this, 'DeleteInstance', { InstanceId }, { itemIndex });
	return { deleted: true };
}
