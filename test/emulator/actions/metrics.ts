/** Start/End/Granularity of the metric actions, as time buckets. */
import { camsError } from '../errors';
import type { ActionContext } from './context';

const DAY = 24 * 60 * 60 * 1000;
const SPAN: Record<string, number> = { DAILY: DAY, HALF_HOUR: 30 * 60 * 1000 };
/** More buckets than this in one call is refused, as CAMS limits the queried period. */
const MAX_BUCKETS = 400;

export interface Bucket {
	start: number;
	end: number;
	granularity: string;
}

/** Checks Start, End (epoch ms) and Granularity, and cuts the period into buckets. */
export function metricBuckets(ctx: ActionContext, allowed = Object.keys(SPAN)): Bucket[] {
	const { Start: startText, End: endText } = ctx.params;
	const granularity = ctx.params.Granularity || 'DAILY';
	if (!/^\d+$/.test(startText) || !/^\d+$/.test(endText))
		throw camsError('InvalidParameter', 'Start and End must be epoch milliseconds.');
	const start = Number(startText);
	const end = Number(endText);
	if (end <= start) throw camsError('InvalidParameter', 'End must be later than Start.');
	if (!allowed.includes(granularity))
		throw camsError(
			'InvalidParameter',
			`Granularity "${granularity}" is not supported; use ${allowed.join(' or ')}.`,
		);
	const span = SPAN[granularity];
	if ((end - start) / span > MAX_BUCKETS)
		throw camsError('InvalidParameter', `The period is too long for ${granularity} metrics.`);
	const buckets: Bucket[] = [];
	for (let from = start; from < end; from += span)
		buckets.push({ start: from, end: Math.min(from + span, end), granularity });
	return buckets;
}
