import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { phoneNumberValue, requiredValue } from '../shared/input';
import { cachedParameters } from '../shared/parameterCache';
import type { Pacing } from '../../helpers/pacing';
import { recipientIsPhoneNumber, senderIsPhoneNumber } from '../../helpers/phone';

/** CAMS allows 250 SendChatappMessage calls per second per account. */
export const SEND_MESSAGE_QUOTA = 250;

/**
 * Default pacing of Send Message and Send Template (both call SendChatappMessage). 245/s is the
 * measured rate that stays clear of the quota's throttling; keep the two operations on it. 25 in
 * flight cover a 100 ms round trip at that rate; 50 measured no faster on a busy host, with more
 * calls throttled (more requests bunch up when the event loop stalls).
 */
export const SEND_MESSAGE_PACING: Pacing = { concurrency: 25, perSecond: 245 };

/**
 * Concurrency and rate options for send operations. Defaults stay below CAMS's per-account
 * quota for the action, so a large run is never throttled by its own burst.
 */
export function pacingOptions(
	{ concurrency, perSecond }: Pacing,
	quota: number,
): INodeProperties[] {
	return [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 200 },
			default: concurrency,
			description:
				'How many requests may be in flight at once. Messages to the same recipient always go out one after another, in input order; different recipients are sent concurrently.',
		},
		{
			displayName: 'Rate Limit (Requests per Second)',
			name: 'perSecond',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: quota, numberPrecision: 1 },
			default: perSecond,
			description: `At most this many requests start per second. CAMS allows ${quota} per second per account for this action.`,
		},
	];
}

/**
 * Reads the pacing options (set once per run, from the first item). At the default rate, which is
 * what the process-wide limiter of the action allows, the run leaves the spacing to that limiter
 * (one wait per request, not two); a lower rate chosen here is kept for this run.
 */
export function readPacing(context: IExecuteFunctions, defaults: Pacing): Pacing {
	const perSecond = context.getNodeParameter('options.perSecond', 0, defaults.perSecond) as number;
	return {
		concurrency: context.getNodeParameter('options.concurrency', 0, defaults.concurrency) as number,
		perSecond: perSecond >= defaults.perSecond ? Infinity : perSecond,
	};
}

/** The `pacing` of the operations that send one message per item (Send, Send Template). */
export function sendMessagePacing(this: IExecuteFunctions): Pacing {
	return readPacing(this, SEND_MESSAGE_PACING);
}

/** The "Reply To Message ID" option of the SendChatappMessage operations (ContextMessageId). */
export const replyToMessageOption: INodeProperties = {
	displayName: 'Reply To Message ID',
	name: 'contextMessageId',
	type: 'string',
	default: '',
	description: 'Quote this sent or received message (its MessageId) in the reply',
};

/**
 * Channel, sender and recipient of one send. Phone numbers are normalised only where the channel
 * addresses by phone number; Page, account and service IDs are passed as given.
 */
export function readSenderAndRecipient(
	context: IExecuteFunctions,
	channelType: string,
	itemIndex: number,
): { channelId: string; from: string; to: string } {
	const channelId = requiredValue(context, 'channelId', 'Channel', itemIndex);
	const rawFrom = requiredValue(context, 'from', 'Sender', itemIndex);
	const rawTo = requiredValue(context, 'to', 'Recipient', itemIndex);
	const from = senderIsPhoneNumber(channelType)
		? phoneNumberValue(context, rawFrom, 'Sender', itemIndex)
		: rawFrom;
	const to = recipientIsPhoneNumber(channelType)
		? phoneNumberValue(context, rawTo, 'Recipient', itemIndex)
		: rawTo;
	return { channelId, from, to };
}

/**
 * The recipient of one item as typed, without the `+`, spaces, dashes and brackets a phone number
 * may carry, so "+65 9123 4567" and "6591234567" are one recipient. Undefined when it cannot be read.
 */
export function recipientOf(this: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		const to = cachedParameters(this).getNodeParameter('to', itemIndex, '') as unknown;
		const text = String(to ?? '').replace(/[\s+()-]/g, '');
		return text === '' ? undefined : text;
	} catch {
		return undefined;
	}
}
