import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { ContentError } from '../../content/contentError';

/** The "Limit Wait Time" values, named as in n8n's send-and-wait nodes. */
export interface LimitWaitTime {
	limitType?: 'afterTimeInterval' | 'atSpecifiedTime';
	resumeAmount?: number;
	resumeUnit?: 'minutes' | 'hours' | 'days';
	maxDateAndTime?: string;
}

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/**
 * When the wait ends without an answer: never (n8n's WAIT_INDEFINITELY) unless a limit is set,
 * after an interval or at a date. Same rules as n8n's own send-and-wait nodes.
 */
export function waitTillDate(limit: LimitWaitTime | undefined, now: number): Date {
	if (!limit || Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	const date =
		(limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval'
			? new Date(now + Number(limit.resumeAmount ?? 1) * UNIT_MS[limit.resumeUnit ?? 'hours'])
			: new Date(limit.maxDateAndTime ?? '');
	if (isNaN(date.getTime())) {
		throw new ContentError(
			'Could not configure Limit Wait Time',
			'Set "Limit Wait Time" to a number of minutes, hours or days, or to a valid date and time.',
		);
	}
	return date;
}
