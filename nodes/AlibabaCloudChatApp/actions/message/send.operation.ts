import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildContent, checkMessageType, type ContentInput } from '../../content/message';
import { locatorValue } from '../shared/input';
import { cachedParameters } from '../shared/parameterCache';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest, uploadMedia } from '../../transport';
import { channelTypeField, recipientField } from '../common.descriptions';
import { channelLocator, senderLocator } from '../../descriptions/locators';
import { presignedUrlOption, readBinaryFile } from './media';
import { contactsFields } from './send.contacts.fields';
import { locationAndReactionFields, messageTypeFields, textAndMediaFields } from './send.fields';
import { interactiveFields } from './send.interactive.fields';
import { itemError, readMessageInput } from './sendInput';
import {
	pacingOptions,
	readSenderAndRecipient,
	replyToMessageOption,
	SEND_MESSAGE_PACING,
	SEND_MESSAGE_QUOTA,
} from './sending.fields';
import { templateSendOptions } from './template.fields';

const VIBER_OPTIONS = ['label', 'ttl', 'tag', 'trackingData'];

const properties: INodeProperties[] = [
	channelTypeField,
	channelLocator,
	senderLocator,
	recipientField,
	...messageTypeFields,
	...textAndMediaFields,
	...locationAndReactionFields,
	...contactsFields,
	...interactiveFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ ...presignedUrlOption, displayOptions: { show: { '/mediaSource': ['binary'] } } },
			replyToMessageOption,
			...templateSendOptions
				.filter((option) => option.name === 'taskId' || VIBER_OPTIONS.includes(option.name))
				.map((option) =>
					VIBER_OPTIONS.includes(option.name)
						? { ...option, displayOptions: { show: { '/channelType': ['viber'] } } }
						: option,
				),
			...pacingOptions(SEND_MESSAGE_PACING, SEND_MESSAGE_QUOTA),
		],
	},
];

export const description = updateDisplayOptions(showFor('message', ['send']), properties);

export { recipientOf as recipient, sendMessagePacing as pacing } from './sending.fields';

/** Checks the whole item first; only then uploads a binary file (if any) and sends. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Parameters without expressions are read once per execution, not per item.
	const read = cachedParameters(this);
	const channelType = read.getNodeParameter('channelType', itemIndex) as string;
	const messageType = read.getNodeParameter('messageType', itemIndex, 'text') as string;
	const { channelId, from, to } = readSenderAndRecipient(read, channelType, itemIndex);
	const options = read.getNodeParameter('options', itemIndex, {}) as IDataObject;

	let content: ContentInput;
	let binaryProperty: string | undefined;
	try {
		checkMessageType(channelType, messageType);
		({ content, binaryProperty } = readMessageInput(read, channelType, messageType, itemIndex));
	} catch (error) {
		throw itemError(this, error, itemIndex);
	}
	const file = binaryProperty
		? await readBinaryFile.call(this, itemIndex, binaryProperty)
		: undefined;
	if (file) {
		content.fileName = content.fileName || file.fileName;
		content.fileSize = content.fileSize || file.data.length;
	}
	try {
		buildContent(channelType, messageType, content);
	} catch (error) {
		throw itemError(this, error, itemIndex);
	}
	if (file) {
		const uploaded = await uploadMedia.call(
			this,
			channelId,
			file,
			{ presign: options.presignedUrl !== false },
			itemIndex,
		);
		content = { ...content, mediaFromBinary: false, link: uploaded.presignedUrl ?? uploaded.link };
	}
	const viber = channelType === 'viber';
	const params = {
		ChannelType: channelType,
		CustSpaceId: channelId,
		Type: 'message',
		MessageType: messageType,
		From: from,
		To: to,
		Content: buildContent(channelType, messageType, content),
		ContextMessageId: options.contextMessageId,
		TaskId: locatorValue(read, 'options.taskId', itemIndex) || undefined,
		Label: viber ? options.label : undefined,
		Ttl: viber ? options.ttl : undefined,
		Tag: viber ? options.tag : undefined,
		TrackingData: viber ? options.trackingData : undefined,
	};
	const response = await camsRequest.call(this, 'SendChatappMessage', params, {
		itemIndex,
		idempotent: false,
	});
	return {
		MessageId: response.MessageId,
		RequestId: response.RequestId,
		To: to,
		From: from,
		ChannelType: channelType,
		MessageType: messageType,
		TaskId: params.TaskId ?? response.MessageId,
	};
}
