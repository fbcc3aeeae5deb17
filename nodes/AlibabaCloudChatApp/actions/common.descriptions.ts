import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CARRIES_LANGUAGE } from '../helpers/templateChoice';

export const CHANNEL_TYPES: INodePropertyOptions[] = [
	{ name: 'WhatsApp', value: 'whatsapp' },
	{ name: 'Viber', value: 'viber' },
	{ name: 'Messenger', value: 'messenger' },
	{ name: 'Instagram', value: 'instagram' },
];

export const channelTypeField: INodeProperties = {
	displayName: 'Channel Type',
	name: 'channelType',
	type: 'options',
	options: CHANNEL_TYPES,
	default: 'whatsapp',
};

/** A Channel Type field offering WhatsApp and Viber only: CAMS has templates and a message history for these two. */
export function whatsAppOrViberField(description: string): INodeProperties {
	return {
		...channelTypeField,
		options: CHANNEL_TYPES.filter(({ value }) => value === 'whatsapp' || value === 'viber'),
		description,
	};
}

export const recipientField: INodeProperties = {
	displayName: 'Recipient',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +65 9123 4567',
	description:
		'WhatsApp and Viber: the phone number with country code ("+", spaces and dashes are removed). Messenger and Instagram: the user ID from an inbound message.',
};

export const templateLanguageField: INodeProperties = {
	displayName: 'Language Name or ID',
	name: 'language',
	type: 'options',
	typeOptions: {
		loadOptionsMethod: 'getTemplateLanguages',
		loadOptionsDependsOn: ['template.value', 'channelId.value', 'channelType'],
	},
	default: '',
	required: true,
	description:
		'The language of the template, e.g. en_US. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	// A template picked from the list carries its language; the field is for codes and expressions.
	displayOptions: { hide: { template: [{ _cnd: { regex: CARRIES_LANGUAGE } }] } },
};

/** The fields every Get Many starts with: Return All, Limit and a "Filters" collection. */
export function getManyFields(filters: INodeProperties[]): INodeProperties[] {
	return [
		...returnAllOrLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filters,
		},
	];
}

function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** Delivery flags of UpdateAccountWebhook and UpdatePhoneWebhook; sent as Y/N (see yesNoFlag). */
export const httpPushFlagField: INodeProperties = {
	displayName: 'HTTP Push',
	name: 'httpFlag',
	type: 'boolean',
	default: true,
	description: 'Whether CAMS pushes the events to the callback URL over HTTP',
};

export const queueDeliveryFlagField: INodeProperties = {
	displayName: 'Queue Delivery',
	name: 'queueFlag',
	type: 'boolean',
	default: false,
	description: 'Whether CAMS also puts the events in its message queue (MNS)',
};
