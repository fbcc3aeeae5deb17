import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildContact, type ContactInput } from '../../content/contacts';
import { MEDIA_TYPES, type ContentInput } from '../../content/message';
import { ContentError } from '../../content/contentError';
import {
	buildInteractive,
	type InteractiveKind,
	type ListRowInput,
	type ReplyButtonInput,
} from '../../content/interactive';
import { jsonValue } from '../shared/input';

/** Turns a ContentError from the pure builders into the node's error for this item. */
export function itemError(context: IExecuteFunctions, error: unknown, itemIndex: number): unknown {
	if (error instanceof ContentError) {
		return new NodeOperationError(context.getNode(), error.message, {
			itemIndex,
			description: error.description,
		});
	}
	return error;
}

function param<T>(context: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	return context.getNodeParameter(name, itemIndex, fallback) as T;
}

function readInteractive(
	context: IExecuteFunctions,
	channelType: string,
	itemIndex: number,
): unknown {
	const kind =
		channelType === 'whatsapp'
			? param<string>(context, 'interactiveType', itemIndex, 'button')
			: 'json';
	if (kind === 'json')
		return jsonValue(context, 'interactiveJson', 'Interactive Object (JSON)', itemIndex);
	return buildInteractive({
		kind: kind as InteractiveKind,
		header: param(context, 'interactiveHeader', itemIndex, ''),
		body: param(context, 'interactiveBody', itemIndex, ''),
		footer: param(context, 'interactiveFooter', itemIndex, ''),
		buttons: param<ReplyButtonInput[]>(context, 'replyButtons.button', itemIndex, []),
		listButton: param(context, 'listButtonText', itemIndex, ''),
		rows: param<ListRowInput[]>(context, 'listRows.row', itemIndex, []),
		ctaText: param(context, 'ctaText', itemIndex, ''),
		ctaUrl: param(context, 'ctaUrl', itemIndex, ''),
	});
}

function readContacts(context: IExecuteFunctions, itemIndex: number): unknown {
	if (param<string>(context, 'contactsInput', itemIndex, 'fields') === 'json') {
		return jsonValue(context, 'contactsJson', 'Contacts (JSON)', itemIndex);
	}
	const { website, ...details } = param<IDataObject>(context, 'contactDetails', itemIndex, {});
	const contact: ContactInput = {
		...(details as ContactInput),
		formattedName: param(context, 'contactName', itemIndex, ''),
		phones: param(context, 'contactPhones.phone', itemIndex, []),
		emails: param(context, 'contactEmails.email', itemIndex, []),
		urls: website ? [{ url: String(website) }] : [],
	};
	return [buildContact(contact)];
}

/** What to send for one item: the content values, and the binary field when the media is a file. */
export interface MessageInput {
	content: ContentInput;
	binaryProperty?: string;
}

/** Reads the parameters of the chosen message type (only those; hidden fields are not read). */
export function readMessageInput(
	context: IExecuteFunctions,
	channelType: string,
	messageType: string,
	itemIndex: number,
): MessageInput {
	const content: ContentInput = {};
	let binaryProperty: string | undefined;
	const get = <T>(name: string, fallback: T) => param(context, name, itemIndex, fallback);
	content.text = get('text', '');
	if (MEDIA_TYPES.includes(messageType)) {
		if (get<string>('mediaSource', 'url') === 'binary') {
			binaryProperty = get('binaryPropertyName', 'data');
			content.mediaFromBinary = true;
		} else {
			content.link = get('mediaLink', '');
		}
		Object.assign(content, {
			caption: get('caption', ''),
			fileName: get('fileName', ''),
			thumbnail: get('thumbnail', ''),
			fileSize: get('fileSize', 0) || undefined,
			duration: get('duration', 0),
		});
	}
	Object.assign(content, {
		previewUrl: get('previewUrl', false),
		buttonText: get('buttonText', ''),
		buttonUrl: get('buttonUrl', ''),
	});
	if (messageType === 'location') {
		Object.assign(content, {
			latitude: get('latitude', ''),
			longitude: get('longitude', ''),
			locationName: get('locationName', ''),
			locationAddress: get('locationAddress', ''),
		});
	}
	if (messageType === 'reaction') {
		Object.assign(content, {
			reactionMessageId: get('reactionMessageId', ''),
			emoji: get('emoji', ''),
		});
	}
	if (messageType === 'contacts') content.contacts = readContacts(context, itemIndex);
	if (messageType === 'interactive')
		content.interactive = readInteractive(context, channelType, itemIndex);
	return { content, binaryProperty };
}
