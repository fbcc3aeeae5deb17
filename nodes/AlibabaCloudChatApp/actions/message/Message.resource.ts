import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';
import * as sendTemplate from './sendTemplate.operation';

export const operations: Record<string, OperationModule> = { sendTemplate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send Template',
				value: 'sendTemplate',
				description: 'Send an approved template message, at any time',
				action: 'Send a template message',
			},
		],
		default: 'sendTemplate',
	},
	...sendTemplate.description,
];
