import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requiredPhoneNumber, requiredValue } from '../shared/input';
import { phoneNumberLocatorWith } from '../../descriptions/locators';

/** A WhatsApp business number of the chosen channel, from QueryChatappPhoneNumbers or typed. */
export const phoneNumberLocator = phoneNumberLocatorWith();

/** Channel and number, the two parameters almost every phone number action takes. */
export function readChannelAndNumber(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		CustSpaceId: requiredValue(context, 'channelId', 'Channel', itemIndex),
		PhoneNumber: requiredPhoneNumber(context, 'phoneNumber', 'Phone Number', itemIndex),
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
