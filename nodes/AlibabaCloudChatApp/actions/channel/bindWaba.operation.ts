import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { dataOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName:
			'The WABA must already be shared with Alibaba Cloud through the embedded sign-up in the CAMS console; this step associates it and returns the channel ID.',
		name: 'bindWabaNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'WABA ID',
		name: 'wabaId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 209587332118845',
		description: 'The WhatsApp Business Account ID from Meta Business Manager',
	},
];

export const description = updateDisplayOptions(showFor('channel', ['bindWaba']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const wabaId = requiredValue(this, 'wabaId', 'WABA ID', itemIndex);
	const response = await camsRequest.call(
		this,
		'ChatappBindWaba',
		{ WabaId: wabaId },
		{ itemIndex },
	);
	return { WabaId: wabaId, ...dataOf(response), RequestId: response.RequestId };
}
