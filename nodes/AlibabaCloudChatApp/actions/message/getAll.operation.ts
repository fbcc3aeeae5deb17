import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inputDateToEpochMs } from '../../helpers/dates';
import { phoneNumberValue, readFilters, readLimit, requiredValue } from '../shared/input';
import { senderIsPhoneNumber } from '../../helpers/phone';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequestAllPages } from '../../transport';
import { getManyFields, whatsAppOrViberField } from '../common.descriptions';
import { channelLocator, senderLocatorWith } from '../../descriptions/locators';

/**
 * ListChatappMessage returns no total, so a short page is taken as the last one; asking for the
 * documented page size (20) keeps a gateway-side cap from ending the walk early.
 */
const PAGE_SIZE = 20;

const properties: INodeProperties[] = [
	whatsAppOrViberField('CAMS keeps a message history for WhatsApp and Viber only'),
	channelLocator,
	senderLocatorWith({
		displayName: 'Business Number',
		description: 'Your business number (WhatsApp) or service ID (Viber)',
	}),
	...getManyFields([
		{ displayName: 'Customer Number', name: 'userNumber', type: 'string', default: '' },
		{
			displayName: 'Direction',
			name: 'eventAction',
			type: 'options',
			options: [
				{ name: 'Inbound (From Customers)', value: 'UP' },
				{ name: 'Outbound (To Customers)', value: 'DOWN' },
			],
			default: 'DOWN',
		},
		{
			displayName: 'Group Message ID',
			name: 'groupMessageId',
			type: 'string',
			default: '',
			description: 'The GroupMessageId of a bulk send',
		},
		{ displayName: 'Sent After', name: 'startTime', type: 'dateTime', default: '' },
		{ displayName: 'Sent Before', name: 'endTime', type: 'dateTime', default: '' },
		{
			displayName: 'Status',
			name: 'messageStatus',
			type: 'string',
			default: '',
			placeholder: 'e.g. Delivered',
		},
		{ displayName: 'Template Code', name: 'templateCode', type: 'string', default: '' },
	]),
];

export const description = updateDisplayOptions(showFor('message', ['getAll']), properties);

/** A time filter as epoch ms; a value that is set but is no date is an error, not ignored. */
function filterTime(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = inputDateToEpochMs(value);
	if (ms === undefined) {
		throw new NodeOperationError(context.getNode(), `${label} is not a date: "${String(value)}"`, {
			itemIndex,
			description:
				'Use an ISO date such as 2026-11-25T09:00:00Z, or epoch milliseconds (or seconds).',
		});
	}
	return ms;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const channelType = this.getNodeParameter('channelType', itemIndex) as string;
	const rawNumber = requiredValue(this, 'from', 'Business Number', itemIndex);
	const filters = readFilters(this, itemIndex);
	const userNumber = filters.userNumber
		? phoneNumberValue(this, filters.userNumber as string, 'Customer Number', itemIndex)
		: undefined;
	return await camsRequestAllPages.call(
		this,
		'ListChatappMessage',
		{
			CustSpaceId: requiredValue(this, 'channelId', 'Channel', itemIndex),
			ChannelType: channelType,
			BusinessNumber: senderIsPhoneNumber(channelType)
				? phoneNumberValue(this, rawNumber, 'Business Number', itemIndex)
				: rawNumber,
			EventAction: filters.eventAction,
			UserNumber: userNumber,
			TemplateCode: filters.templateCode,
			MessageStatus: filters.messageStatus,
			GroupMessageId: filters.groupMessageId,
			StartTime: filterTime(this, filters.startTime, 'Sent After', itemIndex),
			EndTime: filterTime(this, filters.endTime, 'Sent Before', itemIndex),
		},
		{
			listKey: 'Data',
			pageSize: PAGE_SIZE,
			limit: readLimit(this, itemIndex),
			itemIndex,
		},
	);
}
