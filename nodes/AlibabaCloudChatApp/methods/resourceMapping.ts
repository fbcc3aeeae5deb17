import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { mediaHeaderVariable, templateVariables } from '../helpers/templates';
import { getTemplateDetail } from '../transport/templates';
import { currentValue, requireChannel } from './context';

/** One mapper field per `$(variable)` of the chosen template, from GetChatappTemplateDetail. */
export async function getTemplateVariables(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const code = currentValue(this, 'template');
	const language = currentValue(this, 'language');
	if (!code || !language)
		return { fields: [], emptyFieldsNotice: 'Choose a template and its language first' };
	const detail = await getTemplateDetail.call(
		this,
		requireChannel(this),
		currentValue(this, 'channelType'),
		code,
		language,
	);
	const mediaVariable = mediaHeaderVariable(detail);
	return {
		fields: templateVariables(detail).map((name) => ({
			id: name,
			displayName: name === mediaVariable ? `${name} (header media link)` : name,
			required: true,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: 'string',
		})),
		emptyFieldsNotice: 'This template has no variables',
	};
}
