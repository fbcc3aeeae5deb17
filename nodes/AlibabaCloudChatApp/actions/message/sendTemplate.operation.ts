import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, updateDisplayOptions } from '../../helpers/utils';
import type { Pacing } from '../../helpers/pacing';
import { camsRequest } from '../../transport';
import {
	channelLocator,
	channelTypeField,
	recipientField,
	senderLocator,
	templateLanguageField,
	templateLocator,
} from '../common.descriptions';
import { pacingOptions, readPacing } from './sending.fields';
import { templateSendOptions, templateVariableFields } from './template.fields';
import { readTemplateSend } from './templateSend';

/** SendChatappMessage allows 250 calls/s per account; stay a little below it. */
const DEFAULT_PACING: Pacing = { concurrency: 25, perSecond: 245 };

const properties: INodeProperties[] = [
	channelTypeField,
	channelLocator,
	senderLocator,
	recipientField,
	templateLocator,
	templateLanguageField,
	...templateVariableFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...templateSendOptions,
			{
				displayName: 'Reply To Message ID',
				name: 'contextMessageId',
				type: 'string',
				default: '',
				description: 'Quote this sent or received message (its MessageId) in the reply',
			},
			...pacingOptions(DEFAULT_PACING.perSecond, DEFAULT_PACING.concurrency, 250),
		],
	},
];

export const description = updateDisplayOptions(showFor('message', ['sendTemplate']), properties);

export function pacing(this: IExecuteFunctions): Pacing {
	return readPacing(this, DEFAULT_PACING);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { shared, recipient } = await readTemplateSend.call(this, itemIndex);
	const contextMessageId = this.getNodeParameter('options.contextMessageId', itemIndex, '') as string;
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
