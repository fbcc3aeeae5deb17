import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requiredValue } from '../../helpers/input';
import { doneOutput } from '../../helpers/response';
import { showFor, updateDisplayOptions } from '../../helpers/utils';
import { camsRequest } from '../../transport';
import { channelLocator } from '../common.descriptions';

const yesNo = (value: unknown) => (value === undefined ? undefined : value ? 'Y' : 'N');

const properties: INodeProperties[] = [
	channelLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'HTTP Push',
				name: 'httpFlag',
				type: 'boolean',
				default: true,
				description: 'Whether CAMS pushes the events to the callback URL over HTTP',
			},
			{
				displayName: 'Queue Delivery',
				name: 'queueFlag',
				type: 'boolean',
				default: false,
				description: 'Whether CAMS also puts the events in its message queue (MNS)',
			},
			{
				displayName: 'Status Callback URL',
				name: 'statusCallbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…',
				description: 'Where CAMS posts the events of the channel, e.g. the URL of an Alibaba Cloud Chat App Trigger',
			},
		],
	},
];

export const description = updateDisplayOptions(showFor('channel', ['updateWebhook']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'No field to update', {
			itemIndex,
			description: 'Add "Status Callback URL", "HTTP Push" or "Queue Delivery" under "Update Fields".',
		});
	}
	const settings = {
		StatusCallbackUrl: fields.statusCallbackUrl,
		HttpFlag: yesNo(fields.httpFlag),
		QueueFlag: yesNo(fields.queueFlag),
	};
	const channelId = requiredValue(this, 'channelId', 'Channel', itemIndex);
	const response = await camsRequest.call(this, 'UpdateAccountWebhook', { CustSpaceId: channelId, ...settings }, { itemIndex, idempotent: true });
	return doneOutput(response, { CustSpaceId: channelId, ...settings });
}
