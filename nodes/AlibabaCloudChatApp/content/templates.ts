import type { IDataObject } from 'n8n-workflow';

const VARIABLE = /\$\((\w+)\)/g;
const MEDIA_FORMATS = new Set(['IMAGE', 'VIDEO', 'DOCUMENT']);

function collectStrings(value: unknown, into: string[]): void {
	if (typeof value === 'string') into.push(value);
	else if (Array.isArray(value)) value.forEach((entry) => collectStrings(entry, into));
	else if (value && typeof value === 'object')
		Object.values(value).forEach((entry) => collectStrings(entry, into));
}

/** Every `$(name)` in a text, in order of first appearance. */
export function variablesIn(text: string): string[] {
	return [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1]))];
}

/**
 * The `$(name)` variables a template needs at send time, in order of first appearance across
 * header, body, buttons, carousel cards and media links. The detail may carry `Components` as
 * an array or (in some documented examples) as a JSON string, and keys in either case.
 */
export function templateVariables(detail: IDataObject): string[] {
	const strings: string[] = [];
	collectStrings(templateComponents(detail), strings);
	return [...new Set(strings.flatMap(variablesIn))];
}

export function templateComponents(detail: IDataObject): IDataObject[] {
	const raw = detail.Components ?? detail.components;
	if (typeof raw === 'string') {
		try {
			return JSON.parse(raw) as IDataObject[];
		} catch {
			return [];
		}
	}
	return Array.isArray(raw) ? (raw as IDataObject[]) : [];
}

/** The variable inside the media header's link, if the header is an image, video or document. */
export function mediaHeaderVariable(detail: IDataObject): string | undefined {
	const header = templateComponents(detail).find(
		(component) => String(component.Type ?? component.type).toUpperCase() === 'HEADER',
	);
	if (!header || !MEDIA_FORMATS.has(String(header.Format ?? header.format).toUpperCase()))
		return undefined;
	return variablesIn(String(header.Url ?? header.url ?? ''))[0];
}
