import type { INodeProperties } from 'n8n-workflow';

import type { RoutedOperationOf } from '../node.type';
import type { OperationModule } from '../operation';
import * as getAll from './getAll.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendBulkTemplate from './sendBulkTemplate.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as uploadMedia from './uploadMedia.operation';

/** The modules the router runs; the node map makes a missing or unknown operation a compile error. */
export const operations: Record<RoutedOperationOf<'message'>, OperationModule> = {
	sendTemplate,
	send,
	sendBulkTemplate,
	getAll,
	uploadMedia,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List sent and received messages of a business number',
				action: 'Get many messages',
			},
			{
				name: 'Send and Wait for Response',
				value: 'sendAndWait',
				description:
					'Send a message with approve/decline links or a form link and pause the workflow until the person answers',
				action: 'Send message and wait for response',
			},
			{
				name: 'Send Bulk Template',
				value: 'sendBulkTemplate',
				description:
					'Send one template to many recipients, one per input item, up to 1,000 per request',
				action: 'Send a template to many recipients',
			},
			{
				name: 'Send Message',
				value: 'send',
				description:
					'Send a free-form message: text, media, location, contacts, interactive or reaction (within the 24-hour window on WhatsApp)',
				action: 'Send a message',
			},
			{
				name: 'Send Template',
				value: 'sendTemplate',
				description: 'Send an approved template message, at any time',
				action: 'Send a template message',
			},
			{
				name: 'Upload Media',
				value: 'uploadMedia',
				description:
					'Upload a binary file to the channel and get a link for Send Message or template headers',
				action: 'Upload media',
			},
		],
		default: 'sendTemplate',
	},
	...sendTemplate.description,
	...send.description,
	...sendAndWait.description,
	...sendBulkTemplate.description,
	...getAll.description,
	...uploadMedia.description,
];
