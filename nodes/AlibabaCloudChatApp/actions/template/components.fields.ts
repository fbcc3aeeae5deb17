import type { INodeProperties } from 'n8n-workflow';

import { BODY_MAX, FOOTER_MAX, HEADER_MAX } from '../../content/templateComponents';
import { buttonsField } from './buttons.fields';

const AUTH = 'AUTHENTICATION';
const builder = { componentsInput: ['builder'] };

export const CATEGORY_OPTIONS = [
	{
		name: 'Authentication',
		value: AUTH,
		description: 'One-time passwords; WhatsApp writes the text',
	},
	{ name: 'Marketing', value: 'MARKETING', description: 'Promotions, offers, news' },
	{ name: 'Utility', value: 'UTILITY', description: 'Updates about an order, account or booking' },
];

const EXAMPLE_COMPONENTS = `[
  { "Type": "HEADER", "Format": "TEXT", "Text": "Order $(orderId)" },
  { "Type": "BODY", "Text": "Hi $(name), your order has shipped." },
  { "Type": "FOOTER", "Text": "Reply STOP to opt out" },
  { "Type": "BUTTONS", "Buttons": [{ "Type": "URL", "Text": "Track", "Url": "https://example.com/t/$(orderId)", "UrlType": "dynamic" }] }
]`;

/** How the template content is given, the builder fields, and the JSON alternative. */
export const componentFields: INodeProperties[] = [
	{
		displayName: 'Define Content',
		name: 'componentsInput',
		type: 'options',
		options: [
			{
				name: 'Using the Builder',
				value: 'builder',
				description: 'Header, body, footer and buttons as fields',
			},
			{
				name: 'Using JSON',
				value: 'json',
				description: 'The full CAMS Components array, e.g. for carousels',
			},
		],
		default: 'builder',
	},
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'DOCUMENT' },
			{ name: 'Image', value: 'IMAGE' },
			{ name: 'None', value: 'none' },
			{ name: 'Text', value: 'TEXT' },
			{ name: 'Video', value: 'VIDEO' },
		],
		default: 'none',
		displayOptions: { show: builder, hide: { category: [AUTH] } },
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		description: `Up to ${HEADER_MAX} characters and at most one variable, e.g. "Order $(orderId)"`,
		displayOptions: { show: { ...builder, headerType: ['TEXT'] }, hide: { category: [AUTH] } },
	},
	{
		displayName: 'Header Media Link',
		name: 'headerMediaUrl',
		type: 'string',
		default: '',
		placeholder: '$(headerImage)',
		description:
			'A variable such as $(headerImage) to pass the link when sending (give an https example below), or a fixed https link',
		displayOptions: {
			show: { ...builder, headerType: ['IMAGE', 'VIDEO', 'DOCUMENT'] },
			hide: { category: [AUTH] },
		},
	},
	{
		displayName: 'Header File Name',
		name: 'headerFileName',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		displayOptions: { show: { ...builder, headerType: ['DOCUMENT'] }, hide: { category: [AUTH] } },
	},
	{
		displayName: 'Body',
		name: 'bodyText',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'Hi $(name), your order $(orderId) has shipped.',
		description: `Up to ${BODY_MAX} characters. Write variables as $(name), never {{1}}.`,
		displayOptions: { show: builder, hide: { category: [AUTH] } },
	},
	{
		displayName: 'Add Security Recommendation',
		name: 'addSecurityRecommendation',
		type: 'boolean',
		default: true,
		description: 'Whether the message adds "For your security, do not share this code"',
		displayOptions: { show: { ...builder, category: [AUTH] } },
	},
	{
		displayName: 'Code Expiration (Minutes)',
		name: 'codeExpirationMinutes',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 90 },
		default: 0,
		description: 'Shows how long the code is valid in the footer (1 to 90); 0 shows nothing',
		displayOptions: { show: { ...builder, category: [AUTH] } },
	},
	{
		displayName: 'Footer',
		name: 'footerText',
		type: 'string',
		default: '',
		description: `Up to ${FOOTER_MAX} characters, without variables`,
		displayOptions: { show: builder, hide: { category: [AUTH], channelType: ['viber'] } },
	},
	{ ...buttonsField, displayOptions: { show: builder } },
	{
		displayName: 'Variable Examples',
		name: 'variableExamples',
		type: 'fixedCollection',
		placeholder: 'Add Example',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'A sample value for every $(variable) in the header, body and buttons. WhatsApp reviews the template with them.',
		displayOptions: { show: builder },
		options: [
			{
				displayName: 'Example',
				name: 'example',
				values: [
					{
						displayName: 'Variable',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'name',
					},
					{
						displayName: 'Example Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'Alice',
					},
				],
			},
		],
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default: EXAMPLE_COMPONENTS,
		required: true,
		description:
			'The CAMS Components array, with PascalCase keys such as Type, Format, Text, Buttons and Cards',
		displayOptions: { show: { componentsInput: ['json'] } },
	},
	{
		displayName: 'Variable Examples (JSON)',
		name: 'exampleJson',
		type: 'json',
		default: '{\n  "orderId": "A123",\n  "name": "Alice"\n}',
		description: 'A sample value for every $(variable), keyed by variable name',
		displayOptions: { show: { componentsInput: ['json'] } },
	},
];

/** Create, Update and Update Properties set it alike. */
export const categoryChangePausedField: INodeProperties = {
	displayName: 'Pause Sending When Category Changes',
	name: 'categoryChangePaused',
	type: 'boolean',
	default: false,
	description:
		'Whether CAMS stops sending this template if WhatsApp moves it from Utility to Marketing',
};

/** TTL and category-change flags. */
const templateOptionFields: INodeProperties[] = [
	{
		displayName: 'Message TTL (Seconds)',
		name: 'messageSendTtlSeconds',
		type: 'number',
		typeOptions: { minValue: 30, maxValue: 43200 },
		default: 600,
		displayOptions: { hide: { '/channelType': ['viber'] } },
		description:
			'WhatsApp drops an undelivered message after this time. Authentication: 30 to 900 seconds; utility: 30 to 43,200.',
	},
	categoryChangePausedField,
];

/** The Options of Create and Update: TTL and category-change flags. */
export const templateOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: templateOptionFields,
};
