import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { doneOutput } from '../../helpers/response';
import { showFor, updateDisplayOptions } from '../../helpers/utils';
import { camsRequest } from '../../transport';
import { channelLocator } from '../common.descriptions';
import { phoneNumberLocator, readChannelAndNumber } from './phoneNumber.fields';

const yesNo = (value: unknown) => (value === undefined ? undefined : value ? 'Y' : 'N');

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
				displayName: 'HTTP Push',
				name: 'httpFlag',
				type: 'boolean',
				default: true,
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
			{
				displayName: 'Queue Delivery',
				name: 'queueFlag',
				type: 'boolean',
				default: false,
				description: 'Whether CAMS also puts the events in its message queue (MNS)',
			},
			{
				displayName: 'Status URL',
				name: 'statusCallbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…',
				description: 'Where CAMS posts the delivery status of messages sent from this number (ChatAppStatus)',
			},
		],
	},
];

export const description = updateDisplayOptions(showFor('phoneNumber', ['updateWebhooks']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(this.getNode(), 'No field to update', {
			itemIndex,
			description: 'Add a URL or a delivery flag under "Update Fields".',
		});
	}
	const params = readChannelAndNumber(this, itemIndex);
	const settings = {
		StatusCallbackUrl: fields.statusCallbackUrl,
		UpCallbackUrl: fields.upCallbackUrl,
		HttpFlag: yesNo(fields.httpFlag),
		QueueFlag: yesNo(fields.queueFlag),
	};
	const response = await camsRequest.call(this, 'UpdatePhoneWebhook', { ...params, ...settings }, { itemIndex, idempotent: true });
	return doneOutput(response, { ...params, ...settings });
}
