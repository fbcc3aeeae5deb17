import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { metricRangeFields, readMetricRange } from '../shared/metrics';
import { listOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { readTemplateIdentity, templateIdentityFields } from './template.fields';

const properties: INodeProperties[] = [...templateIdentityFields, ...metricRangeFields];

export const description = updateDisplayOptions(showFor('template', ['getMetrics']), properties);

/** Sent, delivered, read and button-click counts of the template, one item per day. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const identity = readTemplateIdentity(this, itemIndex);
	const range = readMetricRange(this, itemIndex);
	const response = await camsRequest.call(
		this,
		'GetChatappTemplateMetric',
		{ ...identity, ...range, Granularity: 'DAILY' },
		{ itemIndex },
	);
	return listOf(response);
}
