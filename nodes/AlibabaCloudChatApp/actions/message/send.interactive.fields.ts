import type { INodeProperties } from 'n8n-workflow';

const WHATSAPP_INTERACTIVE = { channelType: ['whatsapp'], messageType: ['interactive'] };
const BUILDER = { ...WHATSAPP_INTERACTIVE, interactiveType: ['button', 'list', 'cta_url'] };

const INTERACTIVE_JSON_EXAMPLE = JSON.stringify(
	{
		type: 'button',
		body: { text: 'Did you receive your order?' },
		action: {
			buttons: [
				{ type: 'reply', reply: { id: 'received', title: 'Yes' } },
				{ type: 'reply', reply: { id: 'missing', title: 'No' } },
			],
		},
	},
	null,
	2,
);

/** Interactive messages: a builder for the common WhatsApp cases, and the full object as JSON. */
export const interactiveFields: INodeProperties[] = [
	{
		displayName: 'Interactive Type',
		name: 'interactiveType',
		type: 'options',
		options: [
			{
				name: 'JSON',
				value: 'json',
				description: 'Any interactive object (flow, product, location request, …) as JSON',
			},
			{
				name: 'Link Button (CTA URL)',
				value: 'cta_url',
				description: 'A button that opens a link',
			},
			{ name: 'List', value: 'list', description: 'A button that opens a list of up to 10 rows' },
			{ name: 'Reply Buttons', value: 'button', description: 'Up to 3 quick-reply buttons' },
		],
		default: 'button',
		displayOptions: { show: WHATSAPP_INTERACTIVE },
	},
	{
		displayName: 'Header Text',
		name: 'interactiveHeader',
		type: 'string',
		default: '',
		description: 'Optional bold line above the body (up to 60 characters)',
		displayOptions: { show: BUILDER },
	},
	{
		displayName: 'Body Text',
		name: 'interactiveBody',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: { show: BUILDER },
	},
	{
		displayName: 'Footer Text',
		name: 'interactiveFooter',
		type: 'string',
		default: '',
		description: 'Optional small print under the body (up to 60 characters)',
		displayOptions: { show: BUILDER },
	},
	{
		displayName: 'Buttons',
		name: 'replyButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Button' },
		placeholder: 'Add Button',
		default: {},
		description:
			'One to three buttons. The ID comes back in the inbound REPLY message when the user taps the button.',
		displayOptions: { show: { ...WHATSAPP_INTERACTIVE, interactiveType: ['button'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Button label, up to 20 characters',
					},
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Your identifier for the button; empty uses the title',
					},
				],
			},
		],
	},
	{
		displayName: 'List Button Text',
		name: 'listButtonText',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. See options',
		description: 'Label of the button that opens the list (up to 20 characters)',
		displayOptions: { show: { ...WHATSAPP_INTERACTIVE, interactiveType: ['list'] } },
	},
	{
		displayName: 'List Rows',
		name: 'listRows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Row' },
		placeholder: 'Add Row',
		default: {},
		description: 'Up to 10 rows. Rows with the same section title form one section.',
		displayOptions: { show: { ...WHATSAPP_INTERACTIVE, interactiveType: ['list'] } },
		options: [
			{
				displayName: 'Row',
				name: 'row',
				values: [
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						description: 'Up to 72 characters',
					},
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Your identifier for the row; empty uses the title',
					},
					{
						displayName: 'Section Title',
						name: 'section',
						type: 'string',
						default: '',
						description: 'Needed on every row when the list has more than one section',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Up to 24 characters',
					},
				],
			},
		],
	},
	{
		displayName: 'Button Text',
		name: 'ctaText',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Track order',
		displayOptions: { show: { ...WHATSAPP_INTERACTIVE, interactiveType: ['cta_url'] } },
	},
	{
		displayName: 'Button Link',
		name: 'ctaUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/track/123',
		displayOptions: { show: { ...WHATSAPP_INTERACTIVE, interactiveType: ['cta_url'] } },
	},
	{
		displayName: 'Interactive Object (JSON)',
		name: 'interactiveJson',
		type: 'json',
		default: INTERACTIVE_JSON_EXAMPLE,
		description:
			"WhatsApp's interactive object, as in the WhatsApp Cloud API (type, header, body, footer, action)",
		displayOptions: { show: { ...WHATSAPP_INTERACTIVE, interactiveType: ['json'] } },
	},
	{
		displayName: 'Interactive Object (JSON)',
		name: 'interactiveJson',
		type: 'json',
		default: '{}',
		description: 'The interactive content as CAMS expects it for Messenger',
		displayOptions: { show: { channelType: ['messenger'], messageType: ['interactive'] } },
	},
];
