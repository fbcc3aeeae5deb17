import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readUpdateFields, requiredValue, yesNoFlag } from '../shared/input';
import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { httpPushFlagField, queueDeliveryFlagField } from '../common.descriptions';
import { channelLocator } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	channelLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			httpPushFlagField,
			queueDeliveryFlagField,
			{
				displayName: 'Status Callback URL',
				name: 'statusCallbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…',
				description:
					'Where CAMS posts the events of the channel, e.g. the URL of an Alibaba Cloud Chat App Trigger',
			},
		],
	},
];

export const description = updateDisplayOptions(showFor('channel', ['updateWebhook']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = readUpdateFields(
		this,
		itemIndex,
		'Add "Status Callback URL", "HTTP Push" or "Queue Delivery" under "Update Fields".',
	);
	const settings = {
		StatusCallbackUrl: fields.statusCallbackUrl,
		HttpFlag: yesNoFlag(fields.httpFlag),
		QueueFlag: yesNoFlag(fields.queueFlag),
	};
	const channelId = requiredValue(this, 'channelId', 'Channel', itemIndex);
	const response = await camsRequest.call(
		this,
		'UpdateAccountWebhook',
		{ CustSpaceId: channelId, ...settings },
		{ itemIndex, idempotent: true },
	);
	return doneOutput(response, { CustSpaceId: channelId, ...settings });
}
