/**
 * A problem with the message content found before anything is sent. The pure content builders
 * throw it; the operation turns it into a NodeOperationError carrying the item index.
 */
export class ContentError extends Error {
	constructor(
		message: string,
		/** What the user should change, shown as the error's description. */
		readonly description: string,
	) {
		super(message);
		this.name = 'ContentError';
	}
}

/** A trimmed string, or undefined when the value is empty. */
export function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	return trimmed === '' ? undefined : trimmed;
}

/** A required text value; the error names the field. */
export function requireText(value: unknown, label: string, hint = ''): string {
	const found = text(value);
	if (found === undefined) {
		throw new ContentError(`${label} is empty`, `Set "${label}"${hint ? `: ${hint}` : '.'}`);
	}
	return found;
}

/** Rejects text longer than the channel allows, naming the field and the limit. */
export function checkLength(value: string | undefined, max: number, label: string): void {
	if (value !== undefined && [...value].length > max) {
		throw new ContentError(
			`${label} is too long (${[...value].length} characters, at most ${max})`,
			`Shorten "${label}" to ${max} characters or fewer.`,
		);
	}
}

/** An http(s) URL that the messaging platform can fetch; `hint` is added to the error's description. */
export function requireHttpUrl(value: unknown, label: string, hint = ''): string {
	const url = requireText(value, label, 'a public http(s) link');
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
		throw new ContentError(
			`${label} "${url}" is not an http(s) link`,
			`Use a full link starting with https:// (or http://) that the messaging platform can open.${hint ? ` ${hint}` : ''}`,
		);
	}
	return url;
}
