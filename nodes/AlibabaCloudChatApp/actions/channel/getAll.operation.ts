import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readFilters, readLimit } from '../shared/input';
import { simplifyField, simplifyIfWanted } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { listInstances } from '../../transport';
import { getManyFields } from '../common.descriptions';
import { SIMPLE_INSTANCE_FIELDS } from './instance';

const properties: INodeProperties[] = [
	...getManyFields([
		{
			displayName: 'Channel Type',
			name: 'channelType',
			type: 'options',
			options: [
				{ name: 'Instagram', value: 'instagram' },
				{ name: 'Messenger', value: 'messenger' },
				{ name: 'Viber', value: 'viber' },
				{ name: 'WhatsApp', value: 'whatsapp' },
			],
			default: 'whatsapp',
		},
		{ displayName: 'Instance ID', name: 'instanceId', type: 'string', default: '' },
		{ displayName: 'Name', name: 'instanceName', type: 'string', default: '' },
		{ displayName: 'Resource Group ID', name: 'resourceGroupId', type: 'string', default: '' },
	]),
	simplifyField,
];

export const description = updateDisplayOptions(showFor('channel', ['getAll']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readFilters(this, itemIndex);
	const channels = await listInstances.call(
		this,
		{
			ChannelType: filters.channelType,
			InstanceId: filters.instanceId,
			InstanceName: filters.instanceName,
			ResourceGroupId: filters.resourceGroupId,
		},
		{ limit: readLimit(this, itemIndex), itemIndex },
	);
	return simplifyIfWanted(this, itemIndex, channels, SIMPLE_INSTANCE_FIELDS);
}
