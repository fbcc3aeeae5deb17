import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readFilters, readLimit, requiredValue } from '../shared/input';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequestAllPages, templateTypeFor } from '../../transport';
import { getManyFields } from '../common.descriptions';
import { channelLocator } from '../../descriptions/locators';
import { CATEGORY_OPTIONS } from './components.fields';
import { LANGUAGE_OPTIONS } from './languages';
import { templateChannelTypeField } from './template.fields';

/** Largest page ListChatappTemplate serves; fewer calls matter at its 5 calls/s quota. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	templateChannelTypeField,
	channelLocator,
	...getManyFields([
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			options: CATEGORY_OPTIONS,
			default: 'UTILITY',
		},
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			default: '',
			description: 'The template code',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: LANGUAGE_OPTIONS,
			default: 'en_US',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'The template name',
		},
		{
			displayName: 'Status',
			name: 'auditStatus',
			type: 'options',
			options: [
				{ name: 'Approved', value: 'pass' },
				{ name: 'In Review', value: 'auditing' },
				{ name: 'Not Submitted', value: 'unaudit' },
				{ name: 'Rejected', value: 'fail' },
			],
			default: 'pass',
			description: 'The review state',
		},
	]),
];

export const description = updateDisplayOptions(showFor('template', ['getAll']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readFilters(this, itemIndex);
	return await camsRequestAllPages.call(
		this,
		'ListChatappTemplate',
		{
			CustSpaceId: requiredValue(this, 'channelId', 'Channel', itemIndex),
			TemplateType: templateTypeFor(this.getNodeParameter('channelType', itemIndex) as string),
			Name: filters.name,
			Code: filters.code,
			AuditStatus: filters.auditStatus,
			Language: filters.language,
			Category: filters.category,
		},
		{
			listKey: 'ListTemplate',
			pageSize: PAGE_SIZE,
			limit: readLimit(this, itemIndex),
			itemIndex,
		},
	);
}
