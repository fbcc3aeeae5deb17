import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readUpdateFields, yesNoFlag } from '../shared/input';
import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { httpPushFlagField, queueDeliveryFlagField } from '../common.descriptions';
import { channelLocator } from '../../descriptions/locators';
import { phoneNumberLocator, readChannelAndNumber } from './phoneNumber.fields';

const properties: INodeProperties[] = [
	channelLocator,
	phoneNumberLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				...httpPushFlagField,
				description: 'Whether CAMS pushes the events to the callback URLs over HTTP',
			},
			{
				displayName: 'Inbound Message URL',
				name: 'upCallbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…',
				description: 'Where CAMS posts messages customers send to this number (ChatAppInbound)',
			},
			queueDeliveryFlagField,
			{
				displayName: 'Status URL',
				name: 'statusCallbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…',
				description:
					'Where CAMS posts the delivery status of messages sent from this number (ChatAppStatus)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	showFor('phoneNumber', ['updateWebhooks']),
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = readUpdateFields(
		this,
		itemIndex,
		'Add a URL or a delivery flag under "Update Fields".',
	);
	const params = readChannelAndNumber(this, itemIndex);
	const settings = {
		StatusCallbackUrl: fields.statusCallbackUrl,
		UpCallbackUrl: fields.upCallbackUrl,
		HttpFlag: yesNoFlag(fields.httpFlag),
		QueueFlag: yesNoFlag(fields.queueFlag),
	};
	const response = await camsRequest.call(
		this,
		'UpdatePhoneWebhook',
		{ ...params, ...settings },
		{ itemIndex, idempotent: true },
	);
	return doneOutput(response, { ...params, ...settings });
}
