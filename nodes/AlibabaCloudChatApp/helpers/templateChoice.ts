import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorValue } from './input';

/**
 * A template picked from the list is one language of it: the list value carries the code and the
 * language, `<code>|<language>`, so picking an entry also sets the language. Codes and language
 * codes never contain "|". A value typed in "Code" mode or given by an expression is a bare code,
 * and the Language field supplies the language.
 */
const SEPARATOR = '|';

/** Shown by the Language field's displayOptions only while the template value has no language. */
export const CARRIES_LANGUAGE = '^[^=][^|]*\\|.';

export function templateChoiceValue(code: string, language: string): string {
	return `${code}${SEPARATOR}${language}`;
}

/** Splits a template value into its code and, when it was picked from the list, its language. */
export function parseTemplateChoice(value: string): { code: string; language: string } {
	const at = value.indexOf(SEPARATOR);
	if (at < 0) return { code: value.trim(), language: '' };
	return { code: value.slice(0, at).trim(), language: value.slice(at + 1).trim() };
}

/** The template code of an item (without the language a list pick carries). */
export function readTemplateCode(context: IExecuteFunctions, itemIndex: number): string {
	const { code } = parseTemplateChoice(locatorValue(context, 'template', itemIndex));
	if (!code) {
		throw new NodeOperationError(context.getNode(), 'Template is empty', {
			itemIndex,
			description:
				'Pick a template from the list, or enter its code (an expression that resolves to nothing gives this error too).',
		});
	}
	return code;
}

/** Code and language of an item's template: the language of the list pick, else the Language field. */
export function readTemplateChoice(
	context: IExecuteFunctions,
	itemIndex: number,
): { code: string; language: string } {
	const code = readTemplateCode(context, itemIndex);
	const picked = parseTemplateChoice(locatorValue(context, 'template', itemIndex)).language;
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
