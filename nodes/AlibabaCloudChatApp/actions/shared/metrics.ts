import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inputDateToEpochMs } from '../../helpers/dates';

/** The date range of a metric query; CAMS takes it as epoch milliseconds. */
export const metricRangeFields: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'Beginning of the period (CAMS keeps metrics from the day after they were enabled)',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'End of the period',
	},
];

/** Reads Start and End as epoch ms; the error names the field and says how to fix it. */
export function readMetricRange(
	context: IExecuteFunctions,
	itemIndex: number,
): { Start: number; End: number } {
	const read = (name: string, label: string): number => {
		const raw = context.getNodeParameter(name, itemIndex, '');
		const ms = inputDateToEpochMs(raw);
		if (ms === undefined) {
			throw new NodeOperationError(
				context.getNode(),
				`${label} is ${raw === '' ? 'empty' : `not a date: "${String(raw)}"`}`,
				{
					itemIndex,
					description: `Set "${label}" to a date and time, e.g. 2025-01-31T00:00:00Z, or to epoch milliseconds (or seconds).`,
				},
			);
		}
		return ms;
	};
	const Start = read('start', 'Start');
	const End = read('end', 'End');
	if (End <= Start) {
		throw new NodeOperationError(context.getNode(), 'End must be after Start', {
			itemIndex,
			description: 'Choose an end date later than the start date.',
		});
	}
	return { Start, End };
}
