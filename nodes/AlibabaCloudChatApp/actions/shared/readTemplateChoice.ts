import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseTemplateChoice } from '../../helpers/templateChoice';
import { locatorValue } from './input';

/** The template locator of an item, parsed once: its code and the language a list pick carries. */
function templateChoiceOf(
	context: IExecuteFunctions,
	itemIndex: number,
): { code: string; language: string } {
	const choice = parseTemplateChoice(locatorValue(context, 'template', itemIndex));
	if (!choice.code) {
		throw new NodeOperationError(context.getNode(), 'Template is empty', {
			itemIndex,
			description:
				'Pick a template from the list, or enter its code (an expression that resolves to nothing gives this error too).',
		});
	}
	return choice;
}

/** The template code of an item (without the language a list pick carries). */
export function readTemplateCode(context: IExecuteFunctions, itemIndex: number): string {
	return templateChoiceOf(context, itemIndex).code;
}

/** Code and language of an item's template: the language of the list pick, else the Language field. */
export function readTemplateChoice(
	context: IExecuteFunctions,
	itemIndex: number,
): { code: string; language: string } {
	const { code, language: picked } = templateChoiceOf(context, itemIndex);
	const language = picked || locatorValue(context, 'language', itemIndex);
	if (!language) {
		throw new NodeOperationError(context.getNode(), 'Language is empty', {
			itemIndex,
			description:
				'Pick the template from the list (each entry is one language of it), or set "Language" when the template is given by code or an expression.',
		});
	}
	return { code, language };
}
