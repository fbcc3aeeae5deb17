import type { INodeProperties } from 'n8n-workflow';

import type { RoutedOperationOf } from '../node.type';
import type { OperationModule } from '../operation';
import * as create from './create.operation';
import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMetrics from './getMetrics.operation';
import * as update from './update.operation';
import * as updateProperties from './updateProperties.operation';

/** The modules the router runs; the node map makes a missing or unknown operation a compile error. */
export const operations: Record<RoutedOperationOf<'template'>, OperationModule> = {
	create,
	delete: deleteTemplate,
	get,
	getAll,
	getMetrics,
	update,
	updateProperties,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a WhatsApp or Viber template and submit it for review',
				action: 'Create a template',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a template in every language or in one',
				action: 'Delete a template',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a template with its components and review status',
				action: 'Get a template',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the templates of a channel',
				action: 'Get many templates',
			},
			{
				name: 'Get Metrics',
				value: 'getMetrics',
				description: 'Get sent, delivered, read and click counts of a template',
				action: 'Get template metrics',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the content of a template that is not approved yet',
				action: 'Update a template',
			},
			{
				name: 'Update Properties',
				value: 'updateProperties',
				description: 'Allow or block sending, or pause on category change',
				action: 'Update template properties',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteTemplate.description,
	...updateProperties.description,
	...getMetrics.description,
];
