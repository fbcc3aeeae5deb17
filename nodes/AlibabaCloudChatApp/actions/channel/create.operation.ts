import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { dataOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { instanceDetailFields, instanceDetailParams } from './instance';

const properties: INodeProperties[] = [
	{
		displayName: 'Channel Type',
		name: 'instanceChannelType',
		type: 'options',
		options: [
			{ name: 'Email', value: 'EMAIL' },
			{ name: 'Instagram', value: 'INSTAGRAM' },
			{ name: 'Messenger', value: 'MESSENGER' },
			{ name: 'Viber', value: 'VIBER' },
			{ name: 'WhatsApp', value: 'WHATSAPP' },
		],
		default: 'WHATSAPP',
	},
	{
		displayName: 'Name',
		name: 'instanceName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Shop WhatsApp',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...instanceDetailFields,
			{ displayName: 'Resource Group ID', name: 'resourceGroupId', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions(showFor('channel', ['create']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const response = await camsRequest.call(
		this,
		'CreateInstance',
		{
			ChannelType: this.getNodeParameter('instanceChannelType', itemIndex) as string,
			InstanceName: requiredValue(this, 'instanceName', 'Name', itemIndex),
			...instanceDetailParams(fields),
			ResourceGroupId: fields.resourceGroupId,
		},
		{ itemIndex },
	);
	return { ...dataOf(response), RequestId: response.RequestId };
}
