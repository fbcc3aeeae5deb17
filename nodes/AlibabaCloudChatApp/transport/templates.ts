import type { IDataObject } from 'n8n-workflow';

import { camsRequestAllPages } from './pagination';
import { camsRequest, type CamsContext } from './request';

/** CAMS templates are typed WHATSAPP or VIBER; other channels have no template type filter. */
export function templateTypeFor(channelType: string): string | undefined {
	if (channelType === 'whatsapp') return 'WHATSAPP';
	if (channelType === 'viber') return 'VIBER';
	return undefined;
}

/** Large pages: fewer calls matter at ListChatappTemplate's 5 calls/s quota. */
const TEMPLATE_PAGE_SIZE = 50;

export interface TemplateFilter {
	channelId: string;
	channelType: string;
	auditStatus?: string;
	name?: string;
	code?: string;
	language?: string;
}

/** Every template of a channel matching the filter, across all pages. */
export async function listAllTemplates(
	this: CamsContext,
	filter: TemplateFilter,
): Promise<IDataObject[]> {
	return await camsRequestAllPages.call(
		this,
		'ListChatappTemplate',
		{
			CustSpaceId: filter.channelId,
			TemplateType: templateTypeFor(filter.channelType),
			AuditStatus: filter.auditStatus,
			Name: filter.name,
			Code: filter.code,
			Language: filter.language,
		},
		{ listKey: 'ListTemplate', pageSize: TEMPLATE_PAGE_SIZE },
	);
}

export async function getTemplateDetail(
	this: CamsContext,
	channelId: string,
	channelType: string,
	templateCode: string,
	language: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await camsRequest.call(
		this,
		'GetChatappTemplateDetail',
		{
			CustSpaceId: channelId,
			TemplateCode: templateCode,
			Language: language,
			TemplateType: templateTypeFor(channelType),
		},
		{ itemIndex },
	);
	return (response.Data ?? {}) as IDataObject;
}
