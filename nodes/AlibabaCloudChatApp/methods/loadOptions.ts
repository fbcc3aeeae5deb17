import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAllTemplates } from '../transport/templates';
import { currentValue, requireChannel } from './context';

/** The languages the chosen template exists in. */
export async function getTemplateLanguages(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const code = currentValue(this, 'template');
	if (!code) return [];
	const templates = await listAllTemplates.call(this, {
		channelId: requireChannel(this),
		channelType: currentValue(this, 'channelType'),
		code,
	});
	const languages = [...new Set(templates.map((template) => String(template.Language)))];
	return languages.sort().map((language) => ({ name: language, value: language }));
}
