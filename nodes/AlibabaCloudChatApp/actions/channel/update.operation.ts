import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readUpdateFields } from '../shared/input';
import { dataOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import {
	channelInstanceLocator,
	instanceDetailFields,
	instanceDetailParams,
	resolveInstance,
} from './instance';

const properties: INodeProperties[] = [
	channelInstanceLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...instanceDetailFields,
			{ displayName: 'Name', name: 'instanceName', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions(showFor('channel', ['update']), properties);

/** UpdateInstance requires the name even when it does not change; the current one is kept then. */
async function currentName(
	context: IExecuteFunctions,
	instanceId: string,
	record: IDataObject | undefined,
	itemIndex: number,
) {
	if (record?.InstanceName) return String(record.InstanceName);
	const response = await camsRequest.call(
		context,
		'QueryInstance',
		{ InstanceId: instanceId },
		{ itemIndex },
	);
	return String(dataOf(response).InstanceName ?? '');
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = readUpdateFields(this, itemIndex);
	const { InstanceId, record } = await resolveInstance.call(this, itemIndex);
	const name =
		String(fields.instanceName ?? '').trim() ||
		(await currentName(this, InstanceId, record, itemIndex));
	const response = await camsRequest.call(
		this,
		'UpdateInstance',
		{ InstanceId, InstanceName: name, ...instanceDetailParams(fields) },
		{ itemIndex, idempotent: true },
	);
	return { InstanceId, ...dataOf(response), RequestId: response.RequestId };
}
