import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cachedParameters } from '../shared/parameterCache';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import {
	pacingOptions,
	replyToMessageOption,
	SEND_MESSAGE_PACING,
	SEND_MESSAGE_QUOTA,
} from './sending.fields';
import { templateSendFields, templateSendOptions } from './template.fields';
import { readTemplateSend } from './templateSend';

const properties: INodeProperties[] = [
	...templateSendFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...templateSendOptions,
			replyToMessageOption,
			...pacingOptions(SEND_MESSAGE_PACING, SEND_MESSAGE_QUOTA),
		],
	},
];

export const description = updateDisplayOptions(showFor('message', ['sendTemplate']), properties);

export { recipientOf as recipient, sendMessagePacing as pacing } from './sending.fields';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const read = cachedParameters(this);
	const { shared, recipient } = await readTemplateSend.call(read, itemIndex);
	const contextMessageId = read.getNodeParameter(
		'options.contextMessageId',
		itemIndex,
		'',
	) as string;
	const response = await camsRequest.call(
		this,
		'SendChatappMessage',
		{ ...shared, ...recipient, Type: 'template', ContextMessageId: contextMessageId },
		{ itemIndex, idempotent: false },
	);
	const { From, ChannelType, TemplateCode, Language, TaskId } = shared as IDataObject;
	return {
		MessageId: response.MessageId,
		RequestId: response.RequestId,
		To: recipient.To,
		From,
		ChannelType,
		TemplateCode,
		Language,
		TaskId: TaskId ?? response.MessageId,
	};
}
