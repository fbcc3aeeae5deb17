import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { camsRequest, type CamsContext, type CamsParams } from './request';

export interface PageOptions {
	/** Where the list is in the response, e.g. `ListTemplate` or `Data`. */
	listKey: string;
	/** `pageObject` sends `Page: {"Index","Size"}`; `indexSize` sends `PageIndex` and `PageSize`. */
	paging?: 'pageObject' | 'indexSize';
	pageSize?: number;
	/** Stop after this many entries; unlimited when undefined ("Return All"). */
	limit?: number;
	itemIndex?: number;
}

/** A backstop for "Return All": no CAMS list is anywhere near this long (500,000 entries at 50 a page). */
export const MAX_PAGES = 10_000;

/** Fetches every page (or up to `limit` entries) of a paginated CAMS list action. */
export async function camsRequestAllPages(
	this: CamsContext,
	action: string,
	params: CamsParams,
	options: PageOptions,
): Promise<IDataObject[]> {
	const { listKey, paging = 'pageObject', limit, itemIndex } = options;
	const size = Math.min(options.pageSize ?? 50, limit ?? Infinity);
	const results: IDataObject[] = [];
	let previousPage: string | undefined;
	for (let index = 1; ; index++) {
		if (index > MAX_PAGES) {
			throw new NodeOperationError(
				this.getNode(),
				`${action} did not end after ${MAX_PAGES} pages`,
				{
					itemIndex,
					description: 'Set a Limit, or narrow the filters.',
				},
			);
		}
		const pageParams =
			paging === 'pageObject'
				? { Page: { Index: index, Size: size } }
				: { PageIndex: index, PageSize: size };
		const response = await camsRequest.call(
			this,
			action,
			{ ...params, ...pageParams },
			{ itemIndex },
		);
		const page = (response[listKey] ?? []) as IDataObject[];
		// A gateway that ignores the page index serves the same full page forever: that is the end.
		const pageText = JSON.stringify(page);
		if (page.length > 0 && pageText === previousPage)
			return limit === undefined ? results : results.slice(0, limit);
		previousPage = pageText;
		results.push(...page);
		const total = Number(response.Total ?? response.TotalCount ?? NaN);
		// Without a total, a short page is the last one. With one, trust it: a gateway may serve
		// fewer entries per page than asked for.
		const done =
			page.length === 0 ||
			(Number.isFinite(total) ? results.length >= total : page.length < size) ||
			(limit !== undefined && results.length >= limit);
		if (done) return limit === undefined ? results : results.slice(0, limit);
	}
}
