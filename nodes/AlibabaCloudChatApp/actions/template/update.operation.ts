import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { dataOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { CATEGORY_OPTIONS, componentFields, templateOptionsField } from './components.fields';
import { readTemplateContent, withUncheckedTypesHint } from './draft';
import {
	assertWhatsAppTemplate,
	readTemplateIdentity,
	templateIdentityFields,
} from './template.fields';

const properties: INodeProperties[] = [
	{
		displayName:
			'Only templates that are not yet reviewed, or were rejected, can be updated. The new content replaces the old one and is reviewed again.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	...templateIdentityFields,
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: CATEGORY_OPTIONS,
		default: 'UTILITY',
		description:
			"The template's current category. CAMS cannot change it; it decides which fields and checks apply.",
	},
	...componentFields,
	templateOptionsField,
];

export const description = updateDisplayOptions(showFor('template', ['update']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	assertWhatsAppTemplate(this, itemIndex, 'Update');
	const identity = readTemplateIdentity(this, itemIndex);
	const category = this.getNodeParameter('category', itemIndex) as string;
	const content = readTemplateContent(this, itemIndex, { templateType: 'WHATSAPP', category });
	const response = await camsRequest
		.call(
			this,
			'ModifyChatappTemplate',
			{ ...identity, Category: category, ...content },
			{ itemIndex, idempotent: true },
		)
		.catch((error: unknown) => {
			throw withUncheckedTypesHint(error, content.Components);
		});
	return {
		TemplateCode: identity.TemplateCode,
		...dataOf(response),
		Language: identity.Language,
		RequestId: response.RequestId,
	};
}
