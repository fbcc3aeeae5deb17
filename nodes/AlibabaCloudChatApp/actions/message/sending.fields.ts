import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Pacing } from '../../helpers/pacing';

/**
 * Concurrency and rate options for send operations. Defaults stay below CAMS's per-account
 * quota for the action, so a large run is never throttled by its own burst.
 */
export function pacingOptions(defaultPerSecond: number, defaultConcurrency: number, quota: number): INodeProperties[] {
	return [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 200 },
			default: defaultConcurrency,
			description: 'How many requests may be in flight at once',
		},
		{
			displayName: 'Rate Limit (Requests per Second)',
			name: 'perSecond',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: quota, numberPrecision: 1 },
			default: defaultPerSecond,
			description: `At most this many requests start per second. CAMS allows ${quota} per second per account for this action.`,
		},
	];
}

/** Reads the pacing options (set once per run, from the first item). */
export function readPacing(context: IExecuteFunctions, defaults: Pacing): Pacing {
	return {
		concurrency: context.getNodeParameter('options.concurrency', 0, defaults.concurrency) as number,
		perSecond: context.getNodeParameter('options.perSecond', 0, defaults.perSecond) as number,
	};
}
