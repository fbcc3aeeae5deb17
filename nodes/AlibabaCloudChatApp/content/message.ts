import type { IDataObject } from 'n8n-workflow';

import { checkContacts } from './contacts';
import { checkLength, ContentError, requireHttpUrl, requireText, text } from './contentError';
import { checkInteractive } from './interactive';
import { defined } from '../helpers/utils';

/** Free-form message types per channel type (https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-sendchatappmessage), in the order the UI offers them. */
export const MESSAGE_TYPES: Readonly<Record<string, readonly string[]>> = {
	whatsapp: [
		'text',
		'image',
		'video',
		'audio',
		'document',
		'sticker',
		'location',
		'contacts',
		'interactive',
		'reaction',
	],
	viber: [
		'text',
		'image',
		'video',
		'document',
		'text_image',
		'text_button',
		'text_image_button',
		'text_video',
		'text_video_button',
	],
	messenger: ['text', 'image', 'video', 'audio', 'document', 'interactive'],
	instagram: ['text', 'image', 'video', 'audio'],
};

const CHANNEL_NAMES: Record<string, string> = {
	whatsapp: 'WhatsApp',
	viber: 'Viber',
	messenger: 'Messenger',
	instagram: 'Instagram',
};

/** Types whose content has a media `link` (uploaded first when it comes from a binary file). */
export const MEDIA_TYPES = [
	'image',
	'video',
	'audio',
	'document',
	'sticker',
	'text_image',
	'text_image_button',
	'text_video',
	'text_video_button',
];

const WHATSAPP_TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

/** Everything a Content object can be built from; the operation reads it from the parameters. */
export interface ContentInput {
	text?: string;
	previewUrl?: boolean;
	/** Media link; not needed while `mediaFromBinary` is set (the file is uploaded after the checks). */
	link?: string;
	mediaFromBinary?: boolean;
	caption?: string;
	fileName?: string;
	thumbnail?: string;
	fileSize?: number | string;
	duration?: number | string;
	buttonText?: string;
	buttonUrl?: string;
	latitude?: number | string;
	longitude?: number | string;
	locationName?: string;
	locationAddress?: string;
	/** Already built (or parsed from JSON); checked here. */
	contacts?: unknown;
	interactive?: unknown;
	reactionMessageId?: string;
	emoji?: string;
}

export type Content = IDataObject | IDataObject[];
type Builder = (input: ContentInput) => Content;

/** Drops undefined values, so the JSON carries only the keys that were set. */
function mediaLink(input: ContentInput): string | undefined {
	return input.mediaFromBinary
		? undefined
		: requireHttpUrl(
				input.link,
				'Media Link',
				'To send a file from n8n, set "Media Source" to "Binary File".',
			);
}

function bodyText(input: ContentInput, max?: number): string {
	const value = requireText(input.text, 'Text');
	if (max) checkLength(value, max, 'Text');
	return value;
}

function caption(input: ContentInput): string | undefined {
	const value = text(input.caption);
	checkLength(value, CAPTION_LIMIT, 'Caption');
	return value;
}

/** The last path segment of a link, e.g. `invoice.pdf`; '' when there is none. */
function linkFileName(link: string | undefined): string {
	try {
		return decodeURIComponent(new URL(String(link)).pathname.split('/').pop() ?? '');
	} catch {
		return '';
	}
}

/** The document's name, else the last segment of its link. */
function documentName(input: ContentInput): string {
	const fromLink = input.mediaFromBinary ? '' : linkFileName(input.link);
	return requireText(
		text(input.fileName) ?? text(fromLink),
		'File Name',
		'the name the recipient sees, with its extension, e.g. invoice.pdf',
	);
}

function positiveNumber(value: unknown, label: string, hint: string): number {
	const number = typeof value === 'number' ? value : Number(text(value) ?? NaN);
	if (!Number.isFinite(number) || number <= 0) {
		throw new ContentError(`${label} must be a positive number`, `Set "${label}": ${hint}.`);
	}
	return number;
}

function coordinate(value: unknown, label: string, limit: number): number {
	const number = typeof value === 'number' ? value : Number(text(value) ?? NaN);
	if (!Number.isFinite(number) || Math.abs(number) > limit) {
		throw new ContentError(
			`${label} "${value ?? ''}" is not valid`,
			`Set "${label}" to a number from -${limit} to ${limit}, in decimal degrees.`,
		);
	}
	return number;
}

function location(input: ContentInput): IDataObject {
	return defined({
		latitude: coordinate(input.latitude, 'Latitude', 90),
		longitude: coordinate(input.longitude, 'Longitude', 180),
		name: text(input.locationName),
		address: text(input.locationAddress),
	});
}

function reaction(input: ContentInput): IDataObject {
	return {
		messageId: requireText(
			input.reactionMessageId,
			'Message ID to React To',
			'the MessageId of the message the reaction belongs to',
		),
		emoji: requireText(input.emoji, 'Emoji', 'one emoji, e.g. 👍'),
	};
}

const linkOnly: Builder = (input) => defined({ link: mediaLink(input) });
const withCaption: Builder = (input) =>
	defined({ link: mediaLink(input), caption: caption(input) });

/** Viber video fields: CAMS wants a thumbnail, the size in bytes and the length in seconds. */
function viberVideo(input: ContentInput): IDataObject {
	return {
		link: mediaLink(input),
		thumbnail: requireHttpUrl(input.thumbnail, 'Thumbnail Link'),
		fileSize: positiveNumber(
			input.fileSize,
			'File Size (Bytes)',
			'the size of the video in bytes (filled in automatically for a binary file)',
		),
		duration: positiveNumber(
			input.duration,
			'Duration (Seconds)',
			'the length of the video in seconds',
		),
	};
}

function viberButton(input: ContentInput): IDataObject {
	return {
		caption: requireText(input.buttonText, 'Button Text', 'the label of the button'),
		action: requireHttpUrl(input.buttonUrl, 'Button Link'),
	};
}

function viberDocument(input: ContentInput): IDataObject {
	const link = mediaLink(input);
	const fileName = documentName(input);
	const extension = /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1];
	if (!extension) {
		throw new ContentError(
			`File Name "${fileName}" has no extension`,
			'Viber takes the file type from the extension: name the file like report.pdf.',
		);
	}
	return defined({ link, fileName, fileType: extension.toLowerCase() });
}

const BUILDERS: Record<string, Record<string, Builder>> = {
	whatsapp: {
		text: (input) =>
			defined({
				text: bodyText(input, WHATSAPP_TEXT_LIMIT),
				previewUrl: input.previewUrl ? true : undefined,
			}),
		image: withCaption,
		video: withCaption,
		audio: linkOnly,
		document: (input) => defined({ link: mediaLink(input), fileName: documentName(input) }),
		sticker: linkOnly,
		location,
		contacts: (input) => checkContacts(input.contacts),
		interactive: (input) => checkInteractive(input.interactive, 'whatsapp'),
		reaction,
	},
	viber: {
		text: (input) => ({ text: bodyText(input) }),
		image: linkOnly,
		video: (input) => defined(viberVideo(input)),
		document: viberDocument,
		text_image: (input) => defined({ text: bodyText(input), link: mediaLink(input) }),
		text_button: (input) => ({ text: bodyText(input), ...viberButton(input) }),
		text_image_button: (input) =>
			defined({ text: bodyText(input), link: mediaLink(input), ...viberButton(input) }),
		text_video: (input) => defined({ text: bodyText(input), ...viberVideo(input) }),
		text_video_button: (input) =>
			defined({ text: bodyText(input), ...viberVideo(input), ...viberButton(input) }),
	},
	messenger: {
		text: (input) => ({ text: bodyText(input) }),
		image: linkOnly,
		video: linkOnly,
		audio: linkOnly,
		document: linkOnly,
		interactive: (input) => checkInteractive(input.interactive, 'messenger'),
	},
	instagram: {
		text: (input) => ({ text: bodyText(input) }),
		image: linkOnly,
		video: linkOnly,
		audio: linkOnly,
	},
};

/** Rejects a message type the channel cannot send, listing the ones it can. */
export function checkMessageType(channelType: string, messageType: string): void {
	const allowed = MESSAGE_TYPES[channelType];
	if (!allowed) {
		throw new ContentError(
			`Channel type "${channelType}" cannot send free-form messages`,
			`Set "Channel Type" to one of: ${Object.keys(MESSAGE_TYPES).join(', ')}.`,
		);
	}
	if (!allowed.includes(messageType)) {
		throw new ContentError(
			`${CHANNEL_NAMES[channelType]} cannot send "${messageType}" messages`,
			`Choose a message type that ${CHANNEL_NAMES[channelType]} supports: ${allowed.join(', ')}.`,
		);
	}
}

/**
 * Builds and checks the `Content` of a free-form SendChatappMessage call from plain values.
 * Keys follow CAMS (text, link, caption, fileName, latitude, …). Throws ContentError when the type
 * does not fit the channel or a required value is missing or malformed.
 */
export function buildContent(
	channelType: string,
	messageType: string,
	input: ContentInput,
): Content {
	checkMessageType(channelType, messageType);
	return BUILDERS[channelType][messageType](input);
}
