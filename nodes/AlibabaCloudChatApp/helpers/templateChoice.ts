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
