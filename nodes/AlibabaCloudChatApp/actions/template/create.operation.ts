import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { dataOf } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest, templateTypeFor } from '../../transport';
import { channelLocator } from '../../descriptions/locators';
import { CATEGORY_OPTIONS, componentFields, templateOptionsField } from './components.fields';
import { readTemplateContent, withUncheckedTypesHint } from './draft';
import { LANGUAGE_OPTIONS } from './languages';
import { templateChannelTypeField } from './template.fields';

const properties: INodeProperties[] = [
	templateChannelTypeField,
	channelLocator,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'order_shipped',
		description: 'WhatsApp: lowercase letters, digits and underscores only',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: LANGUAGE_OPTIONS,
		default: 'en_US',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: CATEGORY_OPTIONS,
		default: 'UTILITY',
	},
	...componentFields,
	templateOptionsField,
];

export const description = updateDisplayOptions(showFor('template', ['create']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const channelType = this.getNodeParameter('channelType', itemIndex) as string;
	const templateType = templateTypeFor(channelType) as 'WHATSAPP' | 'VIBER';
	const channelId = requiredValue(this, 'channelId', 'Channel', itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	const language = requiredValue(this, 'language', 'Language', itemIndex);
	const category = this.getNodeParameter('category', itemIndex) as string;
	const content = readTemplateContent(this, itemIndex, { templateType, category, name });
	const response = await camsRequest
		.call(
			this,
			'CreateChatappTemplate',
			{
				CustSpaceId: channelId,
				TemplateType: templateType,
				Name: name,
				Language: language,
				Category: category,
				...content,
			},
			{ itemIndex, idempotent: false },
		)
		.catch((error: unknown) => {
			throw withUncheckedTypesHint(error, content.Components);
		});
	return {
		...dataOf(response),
		Language: language,
		Category: category,
		TemplateType: templateType,
		RequestId: response.RequestId,
	};
}
