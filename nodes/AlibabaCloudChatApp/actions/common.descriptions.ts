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

/** The channel (`CustSpaceId`), picked from ListInstance or typed. */
export const channelLocator: INodeProperties = {
	displayName: 'Channel',
	name: 'channelId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The channel ID (CustSpaceId) shown on the Channel Management page of the CAMS console',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchChannels', searchable: true },
		},
		{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. cams-8c8a1b2c' },
	],
};

/** The sender: listed per channel type (numbers, Viber service IDs, Instagram accounts), or any ID. */
export const senderLocator: INodeProperties = {
	displayName: 'Sender',
	name: 'from',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'WhatsApp: your business phone number. Viber: your service ID. Messenger: your Page ID. Instagram: your Instagram professional account ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSenders', searchable: true },
		},
		{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. 6591234567' },
	],
};

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

/** An approved template, found by walking every page of ListChatappTemplate. */
export const templateLocator: INodeProperties = {
	displayName: 'Template',
	name: 'template',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The list has one entry per template and language (approved templates only); picking one also sets the language. In "Code" mode, or with an expression, set Language below.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchApprovedTemplates', searchable: true },
		},
		{
			displayName: 'Code',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 744c4b5c79c9432497a075bdfca3d9a1',
		},
	],
};

/** Any template, whatever its review state, for managing templates (sends list approved ones only). */
export const anyTemplateLocator: INodeProperties = {
	...templateLocator,
	description:
		'The list has one entry per template and language, in every review state; picking one also sets the language. In "Code" mode, or with an expression, set Language below.',
	modes: (templateLocator.modes ?? []).map((mode) =>
		mode.name === 'list'
			? { ...mode, typeOptions: { ...mode.typeOptions, searchListMethod: 'searchTemplates' } }
			: mode,
	),
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

export function returnAllOrLimit(): INodeProperties[] {
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
