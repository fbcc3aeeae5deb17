import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { phoneNumberValue, requiredValue, locatorValue } from '../shared/input';
import { metricRangeFields, readMetricRange } from '../shared/metrics';
import { listOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocator, phoneNumberLocatorWith } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	channelLocator,
	phoneNumberLocatorWith({
		required: false,
		description: 'One business number; leave empty for every number of the channel',
	}),
	...metricRangeFields,
	{
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'DAILY' },
			{ name: 'Half Hour', value: 'HALF_HOUR' },
		],
		default: 'DAILY',
	},
];

export const description = updateDisplayOptions(showFor('phoneNumber', ['getMetrics']), properties);

/** Sent and delivered counts per number and period; one item per period. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const rawNumber = locatorValue(this, 'phoneNumber', itemIndex);
	const response = await camsRequest.call(
		this,
		'GetChatappPhoneNumberMetric',
		{
			CustSpaceId: requiredValue(this, 'channelId', 'Channel', itemIndex),
			PhoneNumber: rawNumber
				? phoneNumberValue(this, rawNumber, 'Phone Number', itemIndex)
				: undefined,
			...readMetricRange(this, itemIndex),
			Granularity: this.getNodeParameter('granularity', itemIndex) as string,
		},
		{ itemIndex },
	);
	return listOf(response);
}
