import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { phoneNumberValue, requiredValue } from '../../helpers/input';
import { senderLocator } from '../common.descriptions';

/** A WhatsApp business number of the chosen channel, from QueryChatappPhoneNumbers or typed. */
export const phoneNumberLocator: INodeProperties = {
	...senderLocator,
	displayName: 'Phone Number',
	name: 'phoneNumber',
	description: 'The WhatsApp business number, with country code',
};

/** The chosen number in CAMS's digits-only form. */
export function readPhoneNumber(context: IExecuteFunctions, itemIndex: number): string {
	const raw = requiredValue(context, 'phoneNumber', 'Phone Number', itemIndex);
	return phoneNumberValue(context, raw, 'Phone Number', itemIndex);
}

/** Channel and number, the two parameters almost every phone number action takes. */
export function readChannelAndNumber(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		CustSpaceId: requiredValue(context, 'channelId', 'Channel', itemIndex),
		PhoneNumber: readPhoneNumber(context, itemIndex),
	};
}

/** What "Simplify" keeps of a QueryChatappPhoneNumbers / ChatappSyncPhoneNumber entry. */
export const SIMPLE_NUMBER_FIELDS = [
	'PhoneNumber',
	'VerifiedName',
	'Status',
	'NameStatus',
	'CodeVerificationStatus',
	'QualityRating',
	'MessagingLimitTier',
];
