import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readFilters, readLimit } from '../shared/input';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequestAllPages } from '../../transport';
import { getManyFields } from '../common.descriptions';
import { emailNotice, SEND_TYPE_OPTIONS } from './dmAccount.fields';

const PAGE_SIZE = 50;

const properties: INodeProperties[] = [
	emailNotice,
	...getManyFields([
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			description: 'Part of the sender address',
		},
		{
			displayName: 'Send Type',
			name: 'sendType',
			type: 'options',
			options: SEND_TYPE_OPTIONS,
			default: 'trigger',
		},
	]),
];

export const description = updateDisplayOptions(
	showFor('channel', ['getAllDmAccounts']),
	properties,
);

/** The DirectMail sender addresses of the Alibaba Cloud account (ListDmAccount). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readFilters(this, itemIndex);
	return await camsRequestAllPages.call(
		this,
		'ListDmAccount',
		{ Keyword: filters.keyword, SendType: filters.sendType },
		{
			listKey: 'Data',
			paging: 'indexSize',
			pageSize: PAGE_SIZE,
			limit: readLimit(this, itemIndex),
			itemIndex,
		},
	);
}
