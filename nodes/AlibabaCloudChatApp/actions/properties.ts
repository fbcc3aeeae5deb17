import type { INodeProperties } from 'n8n-workflow';

import * as channel from './channel/Channel.resource';
import * as message from './message/Message.resource';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';
import * as template from './template/Template.resource';

/** The node's parameters: the resource selector, then each resource's operations and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Channel', value: 'channel' },
			{ name: 'Message', value: 'message' },
			{ name: 'Phone Number', value: 'phoneNumber' },
			{ name: 'Template', value: 'template' },
		],
		default: 'message',
	},
	...message.description,
	...template.description,
	...channel.description,
	...phoneNumber.description,
];
