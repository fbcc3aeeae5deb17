import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyField, simplifyIfWanted } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { getTemplateDetail } from '../../transport';
import { readTemplateIdentity, templateIdentityFields } from './template.fields';

/** What "Simplify" keeps of GetChatappTemplateDetail's Data. */
export const SIMPLE_FIELDS = [
	'TemplateCode',
	'Name',
	'Language',
	'Category',
	'TemplateType',
	'AuditStatus',
	'Reason',
	'QualityScore',
];

const properties: INodeProperties[] = [...templateIdentityFields, simplifyField];

export const description = updateDisplayOptions(showFor('template', ['get']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { CustSpaceId, TemplateCode, Language } = readTemplateIdentity(this, itemIndex);
	const channelType = this.getNodeParameter('channelType', itemIndex) as string;
	const detail = await getTemplateDetail.call(
		this,
		CustSpaceId,
		channelType,
		TemplateCode,
		Language,
		itemIndex,
	);
	return simplifyIfWanted(this, itemIndex, detail, SIMPLE_FIELDS);
}
