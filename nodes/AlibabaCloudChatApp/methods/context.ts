import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { parseTemplateChoice } from '../helpers/templateChoice';

/**
 * A resource-locator or plain parameter of the node being edited, as a string ('' when unset).
 * The editor also asks for a field's options with another operation's parameters (right after
 * the operation changed), where n8n cannot find the parameter and throws: that is '' too, so
 * these methods never fail on what the user has not filled in.
 */
export function currentValue(context: ILoadOptionsFunctions, name: string): string {
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter(name, { extractValue: true });
	} catch {
		return '';
	}
	if (value === undefined || value === null || typeof value === 'object') return '';
	return String(value).trim();
}

/** An expression is resolved only when the node runs; the editor hands it over as "={{ … }}". */
export function isExpression(value: string): boolean {
	return value.startsWith('=');
}

/** A value usable now: set and not an expression. */
export function knownValue(context: ILoadOptionsFunctions, name: string): string {
	const value = currentValue(context, name);
	return isExpression(value) ? '' : value;
}

/** A list entry that says what to do instead of a value; picking it leaves the field empty. */
export function hint(text: string): { name: string; value: string } {
	return { name: text, value: '' };
}

/** The one-entry list that says what to fill in first. */
export function fillInFirst(what: string): INodeListSearchResult {
	return { results: [hint(`Choose ${what} first`)] };
}

/** The chosen template's code and language (from a list pick, else the Language field). */
export function currentTemplate(context: ILoadOptionsFunctions): {
	code: string;
	language: string;
	expression: boolean;
} {
	const template = currentValue(context, 'template');
	const languageField = currentValue(context, 'language');
	if (isExpression(template)) return { code: '', language: '', expression: true };
	const { code, language } = parseTemplateChoice(template);
	if (language) return { code, language, expression: false };
	const expression = isExpression(languageField);
	return { code, language: expression ? '' : languageField, expression };
}

/** Case-insensitive "contains" over the given fields, for list-search filters. */
export function matchesFilter(filter: string | undefined, ...fields: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) =>
		String(field ?? '')
			.toLowerCase()
			.includes(needle),
	);
}
