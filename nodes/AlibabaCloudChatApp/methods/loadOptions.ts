import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { LANGUAGE_OPTIONS, languageLabel } from '../actions/template/languages';
import { listAllTemplates } from '../transport/templates';
import { currentTemplate, hint, knownValue } from './context';

/**
 * The languages the chosen template exists in, with readable names. The field is shown for a
 * template given by code or by an expression; for an expression (or a code not found) every
 * language CAMS accepts is offered.
 */
export async function getTemplateLanguages(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const { code, expression } = currentTemplate(this);
	if (expression) return LANGUAGE_OPTIONS;
	const channelId = knownValue(this, 'channelId');
	if (!channelId) return [hint('Choose a channel first')];
	if (!code) return [hint('Choose a template first')];
	const templates = await listAllTemplates.call(this, {
		channelId,
		channelType: knownValue(this, 'channelType'),
		code,
	});
	const languages = [...new Set(templates.map((template) => String(template.Language)))].sort();
	if (languages.length === 0) return LANGUAGE_OPTIONS;
	return languages.map((language) => ({ name: languageLabel(language), value: language }));
}
