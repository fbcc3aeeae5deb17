import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { phoneDigits } from '../helpers/phone';
import { camsRequest } from './request';

/** The per-number callback URLs CAMS pushes to; '' when none is set. */
export interface PhoneCallbacks {
	/** `UpCallbackUrl`: ChatAppInbound. */
	inbound: string;
	/** `StatusCallbackUrl`: ChatAppStatus. */
	status: string;
}

export type HttpFlag = 'Y' | 'N';

/**
 * Reads the callback URLs of one business number with QueryChatappPhoneNumbers. The number must
 * belong to the channel; otherwise the error lists the numbers that do.
 */
export async function readPhoneCallbacks(
	this: IHookFunctions,
	channelId: string,
	phoneNumber: string,
): Promise<PhoneCallbacks> {
	const response = await camsRequest.call(this, 'QueryChatappPhoneNumbers', {
		CustSpaceId: channelId,
	});
	const numbers = (response.PhoneNumbers ?? []) as IDataObject[];
	const entry = numbers.find(
		(number) => phoneDigits(number.PhoneNumber) === phoneDigits(phoneNumber),
	);
	if (!entry) {
		const known = numbers.map((number) => String(number.PhoneNumber)).join(', ') || 'none';
		throw new NodeOperationError(
			this.getNode(),
			`Business number ${phoneNumber} is not in channel ${channelId}`,
			{
				description: `Numbers of this channel: ${known}. Choose the Business Number from the list.`,
			},
		);
	}
	return {
		inbound: String(entry.UpCallbackUrl ?? ''),
		status: String(entry.StatusCallbackUrl ?? ''),
	};
}

export interface PhoneCallbackUpdate {
	/** New `UpCallbackUrl`; undefined leaves it unchanged. */
	inbound?: string;
	/** New `StatusCallbackUrl`; undefined leaves it unchanged. */
	status?: string;
	httpFlag: HttpFlag;
}

/** Writes a number's callback URLs with UpdatePhoneWebhook. Repeating it is harmless, so it is retried. */
export async function updatePhoneCallbacks(
	this: IHookFunctions,
	channelId: string,
	phoneNumber: string,
	update: PhoneCallbackUpdate,
): Promise<void> {
	await camsRequest.call(
		this,
		'UpdatePhoneWebhook',
		{
			CustSpaceId: channelId,
			PhoneNumber: phoneNumber,
			UpCallbackUrl: update.inbound,
			StatusCallbackUrl: update.status,
			HttpFlag: update.httpFlag,
		},
		{ idempotent: true },
	);
}

/**
 * Writes the channel-level callback (ChatAppAudit: template review and account events) with
 * UpdateAccountWebhook. CAMS has no action that reads this URL back.
 */
export async function updateAccountCallback(
	this: IHookFunctions,
	channelId: string,
	update: { url?: string; httpFlag: HttpFlag },
): Promise<void> {
	await camsRequest.call(
		this,
		'UpdateAccountWebhook',
		{ CustSpaceId: channelId, StatusCallbackUrl: update.url, HttpFlag: update.httpFlag },
		{ idempotent: true },
	);
}
