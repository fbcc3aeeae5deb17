import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_MEDIA_MAX_MB, DEFAULT_MEDIA_TIMEOUT_SECONDS } from '../transport';

/** Events CAMS pushes to the channel-level callback (ChatAppAudit), not to a number's callbacks. */
export const CHANNEL_LEVEL_EVENTS = [
	'phoneNameUpdate',
	'phoneQualityUpdate',
	'templateCategoryUpdate',
	'templateQualityUpdate',
	'templateReview',
	'wabaAccountUpdate',
	'wabaReviewUpdate',
];

/** Events pushed to a number's callbacks (UpCallbackUrl, StatusCallbackUrl). */
export const NUMBER_LEVEL_EVENTS = ['inboundMessage', 'messageStatus'];

/** `action` is the node creator's entry; without it n8n 2.8.4 lower-cases the name ("On waba …"). */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Inbound Message',
		action: 'On Inbound Message',
		value: 'inboundMessage',
		description: 'A customer wrote to your number, page or account (ChatAppInbound)',
	},
	{
		name: 'Message Status',
		action: 'On Message Status',
		value: 'messageStatus',
		description:
			'Sent, delivered, read or failed: one event per status change of a message you sent (ChatAppStatus)',
	},
	{
		name: 'Other Event',
		action: 'On Other Event',
		value: 'other',
		description: 'A push whose shape the node does not recognise, passed on as it is',
	},
	{
		name: 'Phone Name Update',
		action: 'On Phone Name Update',
		value: 'phoneNameUpdate',
		description: 'Review of a display-name change (ChatAppAudit V2)',
	},
	{
		name: 'Phone Quality Update',
		action: 'On Phone Quality Update',
		value: 'phoneQualityUpdate',
		description: 'Quality rating or messaging limit of a number changed (ChatAppAudit V2)',
	},
	{
		name: 'Template Category Update',
		action: 'On Template Category Update',
		value: 'templateCategoryUpdate',
		description: 'Meta re-categorised a template (ChatAppAudit V2)',
	},
	{
		name: 'Template Quality Update',
		action: 'On Template Quality Update',
		value: 'templateQualityUpdate',
		description: 'Quality rating of a template changed (ChatAppAudit V2)',
	},
	{
		name: 'Template Review',
		action: 'On Template Review',
		value: 'templateReview',
		description: 'A template was approved, rejected, paused or disabled (ChatAppAudit)',
	},
	{
		name: 'WABA Account Update',
		action: 'On WABA Account Update',
		value: 'wabaAccountUpdate',
		description: 'A change to the WhatsApp Business Account (ChatAppAudit V2)',
	},
	{
		name: 'WABA Review Update',
		action: 'On WABA Review Update',
		value: 'wabaReviewUpdate',
		description: 'Review result of the WhatsApp Business Account (ChatAppAudit V2)',
	},
];

/** The canvas subtitle: the selected events by name ("Inbound Message"), not by value. */
const EVENT_NAMES = JSON.stringify(
	Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name])),
);
export const EVENTS_SUBTITLE = `={{($parameter["events"] || []).map((event) => (${EVENT_NAMES})[event] || event).join(", ")}}`;

const STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Deleted', value: 'deleted' },
	{ name: 'Delivered', value: 'delivered' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Read', value: 'read' },
	{ name: 'Sent', value: 'sent' },
	{ name: 'Subscribed (Viber)', value: 'subscribe' },
	{ name: 'Unsubscribed (Viber)', value: 'unsubscribe' },
];

const INBOUND_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Audio', value: 'AUDIO' },
	{ name: 'Contacts', value: 'CONTACTS' },
	{ name: 'Document', value: 'DOCUMENT' },
	{ name: 'Image', value: 'IMAGE' },
	{ name: 'Location', value: 'LOCATION' },
	{ name: 'Other (Undocumented Type)', value: 'OTHER' },
	{ name: 'Reply (Button Tap)', value: 'REPLY' },
	{ name: 'System', value: 'SYSTEM' },
	{ name: 'Text', value: 'TEXT' },
	{ name: 'Video', value: 'VIDEO' },
];

export const eventsField: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: EVENT_OPTIONS,
	default: ['inboundMessage'],
	required: true,
	description:
		'Which pushes start the workflow. Every push of a kind not chosen here is answered and dropped; one execution gets one item per event.',
};

export const pathSecretField: INodeProperties = {
	displayName: 'Path Secret',
	name: 'pathSecret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	placeholder: 'Leave empty to use the random ID of this node',
	description:
		'The last part of the webhook URL. CAMS does not sign its pushes, so this secret is what proves a push comes from your CAMS configuration; a wrong one is answered 401 and starts nothing. 16 to 128 letters, digits, "-" or "_". Changing it changes the URL.',
};

export const deduplicateField: INodeProperties = {
	displayName: 'Deduplicate',
	name: 'deduplicate',
	type: 'boolean',
	default: true,
	description:
		'Whether to drop events already received in the last hour (up to 5,000 remembered). CAMS may push the same event twice after a network error or a slow answer. Holds for simultaneous pushes within one n8n process, and across restarts; not between several webhook processes (queue mode).',
};

export const triggerOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Allow HTTP Media Links',
			name: 'allowHttpMedia',
			type: 'boolean',
			default: false,
			displayOptions: { show: { '/events': ['inboundMessage'] } },
			description:
				'Whether to also download media from plain http:// links, e.g. from a local test endpoint. CAMS sends https:// links; other links get a "mediaError" on their item.',
		},
		{
			displayName: 'Download Media',
			name: 'downloadMedia',
			type: 'boolean',
			default: true,
			displayOptions: { show: { '/events': ['inboundMessage'] } },
			description:
				'Whether to download the file of image, video, audio and document messages into the binary field "data". The link in the message expires after 7 days.',
		},
		{
			displayName: 'Max Media Size (MB)',
			name: 'maxMediaSizeMb',
			type: 'number',
			typeOptions: { minValue: 0.001, numberPrecision: 3 },
			default: DEFAULT_MEDIA_MAX_MB,
			displayOptions: { show: { '/events': ['inboundMessage'] } },
			description:
				'Larger files are not downloaded; their item gets a "mediaError". WhatsApp media is at most 100 MB (documents).',
		},
		{
			displayName: 'Media Download Timeout (Seconds)',
			name: 'mediaTimeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MEDIA_TIMEOUT_SECONDS,
			displayOptions: { show: { '/events': ['inboundMessage'] } },
			description: 'A download that takes longer is stopped; its item gets a "mediaError"',
		},
		{
			displayName: 'Message Types to Keep',
			name: 'inboundTypes',
			type: 'multiOptions',
			options: INBOUND_TYPE_OPTIONS,
			default: [
				'AUDIO',
				'CONTACTS',
				'DOCUMENT',
				'IMAGE',
				'LOCATION',
				'OTHER',
				'REPLY',
				'SYSTEM',
				'TEXT',
				'VIDEO',
			],
			displayOptions: { show: { '/events': ['inboundMessage'] } },
			description: 'Inbound messages of other types are dropped',
		},
		{
			displayName: 'Only From These Numbers or Channels',
			name: 'allowedIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 6591234567, cams-8c8a1b2c',
			description:
				'Comma-separated business numbers, channel IDs (CustSpaceId) or WABA IDs. Events that name none of them are dropped, which also rejects pushes for channels that are not yours.',
		},
		{
			displayName: 'Statuses to Keep',
			name: 'statuses',
			type: 'multiOptions',
			options: STATUS_OPTIONS,
			default: ['deleted', 'delivered', 'failed', 'read', 'sent', 'subscribe', 'unsubscribe'],
			displayOptions: { show: { '/events': ['messageStatus'] } },
			description: 'Message Status events with other statuses are dropped',
		},
	],
};
