import type { IDataObject } from 'n8n-workflow';

import { camsRequestAllPages } from './pagination';
import type { CamsContext, CamsParams } from './request';

/** Page size of ListInstance, which pages with PageIndex/PageSize rather than a Page object. */
const INSTANCE_PAGE_SIZE = 50;

/** The channels (CAMS instances) matching the filter: every page, or the first `limit` entries. */
export async function listInstances(
	this: CamsContext,
	filter: CamsParams = {},
	options: { limit?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	return await camsRequestAllPages.call(this, 'ListInstance', filter, {
		listKey: 'Data',
		paging: 'indexSize',
		pageSize: INSTANCE_PAGE_SIZE,
		...options,
	});
}
