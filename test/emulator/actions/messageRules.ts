/** CAMS send validation: channel types, numbers, free-form Content per MessageType (cams-api.md §3.1). */
import { camsError } from '../errors';
import type { Sender } from '../state';
import { POSITIONAL_PATTERN } from '../templateModel';
import { isHttpUrl, isPlainObject, parseJson, requireChannel, type ActionContext } from './context';

export const SEND_CHANNEL_TYPES = ['whatsapp', 'messenger', 'instagram', 'telegram', 'viber'];
export const MASS_CHANNEL_TYPES = ['whatsapp', 'messenger', 'instagram', 'viber'];

const META = [
	'text',
	'image',
	'video',
	'audio',
	'document',
	'interactive',
	'couponTemplate',
	'regularTemplate',
	'quickReply',
	'buttonTemplate',
];

/** MessageType -> Content keys that must be present (and non-empty). */
export const CONTENT_RULES: Record<string, Record<string, string[]>> = {
	whatsapp: {
		text: ['text'],
		image: ['link'],
		video: ['link'],
		audio: ['link'],
		document: ['link', 'fileName'],
		interactive: ['type', 'action'],
		location: ['longitude', 'latitude'],
		contacts: ['name'],
		reaction: ['messageId', 'emoji'],
		sticker: ['link'],
		typing_indicator: ['messageId'],
		pin: [],
		carousel: [],
	},
	viber: {
		text: ['text'],
		image: ['link'],
		video: ['link', 'thumbnail', 'fileSize', 'duration'],
		document: ['link', 'fileName', 'fileType'],
		text_image: ['text', 'link'],
		text_button: ['text', 'caption', 'action'],
		text_image_button: ['text', 'link', 'caption', 'action'],
		text_video: ['text', 'link', 'thumbnail', 'fileSize', 'duration'],
		text_video_button: ['text', 'link', 'thumbnail', 'fileSize', 'duration', 'caption', 'action'],
	},
	messenger: Object.fromEntries(
		META.map((type) => [
			type,
			type === 'text'
				? ['text']
				: ['image', 'video', 'audio', 'document'].includes(type)
					? ['link']
					: [],
		]),
	),
	instagram: Object.fromEntries(
		META.map((type) => [
			type,
			type === 'text'
				? ['text']
				: ['image', 'video', 'audio', 'document'].includes(type)
					? ['link']
					: [],
		]),
	),
	telegram: {
		text: ['text'],
		image: ['link'],
		video: ['link'],
		audio: ['link'],
		document: ['link'],
		location: ['longitude', 'latitude'],
		gif: ['link'],
		sticker: ['link'],
	},
};

export const MAX_TEXT = 4096;

export function normaliseChannelType(value: string, allowed: string[]): string {
	const channelType = value.toLowerCase();
	if (!allowed.includes(channelType)) {
		throw camsError(
			'InvalidParameter.ChannelTypeNotSupport',
			`ChannelType "${value}" is not supported. Use one of: ${allowed.join(', ')}.`,
		);
	}
	return channelType;
}

const usesPhoneNumbers = (channelType: string) =>
	channelType === 'whatsapp' || channelType === 'viber';

export function checkRecipient(channelType: string, to: string, label = 'To'): void {
	if (!usesPhoneNumbers(channelType)) return;
	if (!/^\d+$/.test(to)) {
		throw camsError(
			'InvalidParameter.ToOnlyNumeric',
			`${label} "${to}" must contain digits only (country code included, no "+", spaces or dashes).`,
		);
	}
	if (to.length < 6 || to.length > 15)
		throw camsError(
			'InvalidParameter.PhoneNumberError',
			`${label} "${to}" is not a valid phone number.`,
		);
}

/** The sending number / service ID / page, which must belong to the channel and be connected. */
export function resolveSender(ctx: ActionContext, channelType: string, from: string): Sender {
	if (usesPhoneNumbers(channelType) && !/^\d+$/.test(from)) {
		throw camsError(
			'InvalidParameter.FromOnlyNumeric',
			`From "${from}" must contain digits only (no "+", spaces or dashes).`,
		);
	}
	const custSpaceId = ctx.params.CustSpaceId;
	if (custSpaceId) requireChannel(ctx, custSpaceId);
	const sender = ctx.state.senders.get(from);
	if (
		!sender ||
		sender.channelType !== channelType ||
		(custSpaceId && sender.custSpaceId !== custSpaceId)
	) {
		throw camsError(
			'ERR-OPERATION-MAAP-0065',
			`The sender "${from}" is not bound to this ${channelType} channel.`,
			400,
		);
	}
	if (sender.status !== 'CONNECTED') {
		throw camsError(
			'ERR-FB-001',
			`Meta Graph API rejected the request: the phone number ${from} is not registered (status ${sender.status}).`,
			400,
		);
	}
	return sender;
}

export function rejectPositional(text: unknown, where: string): void {
	if (typeof text === 'string' && POSITIONAL_PATTERN.test(text)) {
		throw camsError(
			'InvalidParameter.MessageInvalid',
			`${where} contains a {{n}} placeholder, which is not allowed; use $(name) template variables.`,
		);
	}
}

/** Validates free-form Content for the MessageType of the channel; returns the parsed object. */
export function checkContent(
	channelType: string,
	messageType: string,
	content: string | undefined,
): Record<string, unknown> {
	const rules = CONTENT_RULES[channelType] ?? {};
	if (!(messageType in rules)) {
		throw camsError(
			'InvalidParameter.MessageTypeNotSupport',
			`MessageType "${messageType}" is not supported for ${channelType}. Use one of: ${Object.keys(rules).join(', ')}.`,
		);
	}
	if (content === undefined || content === '')
		throw camsError(
			'InvalidParameter.ContentNotEmpty',
			'Content is mandatory when Type is message.',
		);
	const contentError = (detail: string) =>
		camsError(
			'InvalidParameter.ContentError',
			`Content is not valid for a ${messageType} message: ${detail}`,
		);
	const parsed = parseJson<unknown>(content, (detail) =>
		contentError(`it is not JSON (${detail}).`),
	);
	if (messageType === 'contacts' && Array.isArray(parsed)) {
		// CAMS's "Parameters of a message template" page: contacts Content is an array of contact objects.
		if (
			parsed.length === 0 ||
			parsed.some((contact) => !isPlainObject(contact) || !isPlainObject(contact.name))
		) {
			throw contentError('every contact needs a "name" object.');
		}
		return { contacts: parsed };
	}
	if (!isPlainObject(parsed)) throw contentError('it must be a JSON object.');
	for (const key of rules[messageType]) {
		const value = parsed[key];
		if (value === undefined || value === null || value === '')
			throw contentError(`the key "${key}" is required.`);
	}
	for (const key of ['link', 'thumbnail']) {
		if (parsed[key] !== undefined && !isHttpUrl(parsed[key]))
			throw contentError(`"${key}" must be an http(s) URL.`);
	}
	if (typeof parsed.text === 'string' && parsed.text.length > MAX_TEXT)
		throw contentError(`"text" is longer than ${MAX_TEXT} characters.`);
	if (channelType === 'whatsapp' && messageType === 'text' && parsed.caption !== undefined) {
		throw contentError('"caption" must not be set on a text message.');
	}
	rejectPositional(parsed.text, 'The message text');
	rejectPositional(parsed.caption, 'The caption');
	return parsed;
}

/** JSON string array, as the SDK sends Payload. */
export function checkPayload(value: unknown, where = 'Payload'): void {
	if (value === undefined) return;
	if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
		throw camsError('InvalidParameter', `${where} must be a JSON array of strings.`);
	}
}
