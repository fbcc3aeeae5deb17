import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MEDIA_TYPES, MESSAGE_TYPES } from '../../content/message';

const TYPE_OPTIONS: Record<string, Omit<INodePropertyOptions, 'value'>> = {
	text: { name: 'Text' },
	image: { name: 'Image' },
	video: { name: 'Video' },
	audio: { name: 'Audio' },
	document: { name: 'Document' },
	sticker: { name: 'Sticker', description: 'A WebP sticker' },
	location: { name: 'Location' },
	contacts: { name: 'Contacts', description: 'One or more contact cards' },
	interactive: {
		name: 'Interactive',
		description: 'Reply buttons, a list, a link button, or any interactive object as JSON',
	},
	reaction: { name: 'Reaction', description: 'An emoji reaction to an earlier message' },
	text_image: { name: 'Text and Image' },
	text_button: { name: 'Text and Button', description: 'Text with a button that opens a link' },
	text_image_button: { name: 'Text, Image and Button' },
	text_video: { name: 'Text and Video' },
	text_video_button: { name: 'Text, Video and Button' },
};

/** One "Message Type" per channel type, with the same name, so the offered types follow the channel. */
export const messageTypeFields: INodeProperties[] = Object.entries(MESSAGE_TYPES).map(
	([channelType, types]) => ({
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		options: types
			.map((value) => ({ ...TYPE_OPTIONS[value], value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'text',
		description:
			'What to send. Free-form messages reach a WhatsApp user only within 24 hours of their last message.',
		displayOptions: { show: { channelType: [channelType] } },
	}),
);

const TEXT_TYPES = [
	'text',
	'text_image',
	'text_button',
	'text_image_button',
	'text_video',
	'text_video_button',
];
const VIBER_VIDEO = {
	channelType: ['viber'],
	messageType: ['video', 'text_video', 'text_video_button'],
};
const VIBER_BUTTON = { messageType: ['text_button', 'text_image_button', 'text_video_button'] };

export const textAndMediaFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		displayOptions: { show: { messageType: TEXT_TYPES } },
	},
	{
		displayName: 'Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first link in the text',
		displayOptions: { show: { channelType: ['whatsapp'], messageType: ['text'] } },
	},
	{
		displayName: 'Media Source',
		name: 'mediaSource',
		type: 'options',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A file from an earlier node, uploaded to CAMS first',
			},
			{ name: 'Link', value: 'url', description: 'A public http(s) link to the file' },
		],
		default: 'url',
		displayOptions: { show: { messageType: MEDIA_TYPES } },
	},
	{
		displayName: 'Media Link',
		name: 'mediaLink',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		description:
			'A public http(s) link the messaging platform can download, e.g. the output of Upload Media',
		displayOptions: { show: { messageType: MEDIA_TYPES, mediaSource: ['url'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to send',
		displayOptions: { show: { messageType: MEDIA_TYPES, mediaSource: ['binary'] } },
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		description: 'Text shown under the image or video (up to 1,024 characters)',
		displayOptions: { show: { channelType: ['whatsapp'], messageType: ['image', 'video'] } },
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		description:
			'The name the recipient sees, with its extension. Empty: the name of the binary file, or the end of the link.',
		displayOptions: { show: { channelType: ['whatsapp', 'viber'], messageType: ['document'] } },
	},
	{
		displayName: 'Thumbnail Link',
		name: 'thumbnail',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/video-thumbnail.jpg',
		description: 'A public link to the preview image of the video',
		displayOptions: { show: VIBER_VIDEO },
	},
	{
		displayName: 'File Size (Bytes)',
		name: 'fileSize',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Size of the video in bytes. Leave 0 for a binary file: its size is used.',
		displayOptions: { show: VIBER_VIDEO },
	},
	{
		displayName: 'Duration (Seconds)',
		name: 'duration',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		required: true,
		description: 'Length of the video in seconds',
		displayOptions: { show: VIBER_VIDEO },
	},
	{
		displayName: 'Button Text',
		name: 'buttonText',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: VIBER_BUTTON },
	},
	{
		displayName: 'Button Link',
		name: 'buttonUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/offer',
		description: 'The link the button opens',
		displayOptions: { show: VIBER_BUTTON },
	},
];

export const locationAndReactionFields: INodeProperties[] = [
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 },
		default: 0,
		required: true,
		displayOptions: { show: { messageType: ['location'] } },
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 },
		default: 0,
		required: true,
		displayOptions: { show: { messageType: ['location'] } },
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
		displayOptions: { show: { messageType: ['location'] } },
	},
	{
		displayName: 'Location Address',
		name: 'locationAddress',
		type: 'string',
		default: '',
		description: 'Shown under the name (WhatsApp shows it only when the name is set)',
		displayOptions: { show: { messageType: ['location'] } },
	},
	{
		displayName: 'Message ID to React To',
		name: 'reactionMessageId',
		type: 'string',
		default: '',
		required: true,
		description: 'The MessageId of the sent or received message the reaction belongs to',
		displayOptions: { show: { messageType: ['reaction'] } },
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. a thumbs-up emoji',
		displayOptions: { show: { messageType: ['reaction'] } },
	},
];
