import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { LANGUAGE_OPTIONS, languageLabel } from '../actions/template/languages';
import { listAllTemplates } from '../transport';
import { currentTemplate, knownValue } from './context';

/**
 * The languages the chosen template exists in, with readable names. The field is shown for a
 * template given by code or by an expression, which the editor resolves to '' without input data;
 * so without a channel and code to look up (or a code not found) every language CAMS accepts is
 * offered.
 */
export async function getTemplateLanguages(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const { code, expression } = currentTemplate(this);
	const channelId = knownValue(this, 'channelId');
	if (expression || !channelId || !code) return LANGUAGE_OPTIONS;
	const templates = await listAllTemplates.call(this, {
		channelId,
		channelType: knownValue(this, 'channelType'),
		code,
	});
	const languages = [...new Set(templates.map((template) => String(template.Language)))].sort();
	if (languages.length === 0) return LANGUAGE_OPTIONS;
	return languages.map((language) => ({ name: languageLabel(language), value: language }));
}
