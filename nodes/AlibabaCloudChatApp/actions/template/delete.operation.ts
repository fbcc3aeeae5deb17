import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { doneOutput } from '../shared/response';
import { readTemplateChoice, readTemplateCode } from '../shared/readTemplateChoice';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest, templateTypeFor } from '../../transport';
import { templateLanguageField } from '../common.descriptions';
import { anyTemplateLocator, channelLocator } from '../../descriptions/locators';
import { templateChannelTypeField } from './template.fields';

const properties: INodeProperties[] = [
	templateChannelTypeField,
	channelLocator,
	anyTemplateLocator,
	{
		displayName: 'Delete',
		name: 'deleteScope',
		type: 'options',
		options: [
			{
				name: 'All Languages',
				value: 'all',
				description: 'The template in every language it exists in',
			},
			{ name: 'One Language', value: 'language', description: 'Only the template in one language' },
		],
		default: 'all',
	},
	{
		...templateLanguageField,
		displayOptions: {
			...templateLanguageField.displayOptions,
			show: { deleteScope: ['language'] },
		},
	},
];

export const description = updateDisplayOptions(showFor('template', ['delete']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oneLanguage = this.getNodeParameter('deleteScope', itemIndex, 'all') === 'language';
	const channelType = this.getNodeParameter('channelType', itemIndex) as string;
	const params = {
		CustSpaceId: requiredValue(this, 'channelId', 'Channel', itemIndex),
		TemplateCode: readTemplateCode(this, itemIndex),
		// CAMS deletes a single language only when it is told the language and the template type.
		Language: oneLanguage ? readTemplateChoice(this, itemIndex).language : undefined,
		TemplateType: oneLanguage ? templateTypeFor(channelType) : undefined,
	};
	const response = await camsRequest.call(this, 'DeleteChatappTemplate', params, { itemIndex });
	return doneOutput(response, params);
}
