import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { templateVariables } from '../content/templates';
import { variableLabel, variablePlaces } from '../content/variableLabels';
import { getTemplateDetail } from '../transport';
import { currentTemplate, currentValue, isExpression, knownValue } from './context';

const EXPRESSION_NOTICE =
	'The channel, template or language is an expression, so its variables are known only when the node runs. Set "Variables Input" to JSON and give the values as an object, e.g. {"name": "{{ $json.name }}"}.';

// The editor resolves expressions before asking (to '' without input data), so an empty template may
// be an expression too: the notice points to JSON input either way.
const CHOOSE_NOTICE =
	'Choose a channel, then a template and its language. If the template or its language comes from an expression, its variables are known only when the node runs: set "Variables Input" to JSON.';

/** One mapper field per `$(variable)` of the chosen template, labelled with where it is used. */
export async function getTemplateVariables(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const { code, language, expression } = currentTemplate(this);
	if (expression || isExpression(currentValue(this, 'channelId')))
		return { fields: [], emptyFieldsNotice: EXPRESSION_NOTICE };
	const channelId = knownValue(this, 'channelId');
	if (!channelId || !code || !language) return { fields: [], emptyFieldsNotice: CHOOSE_NOTICE };
	let detail;
	try {
		detail = await getTemplateDetail.call(
			this,
			channelId,
			knownValue(this, 'channelType'),
			code,
			language,
		);
	} catch (error) {
		// A template left over from another channel (the channel was changed after the pick): the
		// editor should ask for a new pick, not fail. Every other CAMS error is thrown as it is.
		if (!/TemplateNotExist/.test((error as Error).message)) {
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error);
		}
		return {
			fields: [],
			emptyFieldsNotice: `The template ${code} (${language}) does not exist on this channel: pick the template again`,
		};
	}
	const places = variablePlaces(detail);
	return {
		fields: templateVariables(detail).map((name) => ({
			id: name,
			displayName: variableLabel(name, places),
			required: true,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: 'string',
		})),
		emptyFieldsNotice: 'This template has no variables',
	};
}
