import type { IDataObject } from 'n8n-workflow';

import { ContentError, text } from './contentError';
import { defined, isObject } from '../helpers/utils';

/** One contact card as the structured fields give it. */
export interface ContactInput {
	formattedName?: string;
	firstName?: string;
	lastName?: string;
	middleName?: string;
	prefix?: string;
	suffix?: string;
	birthday?: string;
	company?: string;
	department?: string;
	title?: string;
	phones?: Array<{ phone?: string; type?: string; waId?: string }>;
	emails?: Array<{ email?: string; type?: string }>;
	urls?: Array<{ url?: string; type?: string }>;
}

/** The object without its undefined values, or undefined when nothing is left. */
function nonEmpty(object: IDataObject): IDataObject | undefined {
	const kept = defined(object);
	return Object.keys(kept).length > 0 ? kept : undefined;
}

function birthday(value: string | undefined): string | undefined {
	const found = text(value);
	if (found === undefined) return undefined;
	const date = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(found)?.[1];
	if (!date) {
		throw new ContentError(
			`Birthday "${found}" is not a date`,
			'Write the birthday as YYYY-MM-DD, e.g. 1990-01-31.',
		);
	}
	return date;
}

function list<T extends IDataObject>(
	entries: T[] | undefined,
	key: keyof T,
	build: (entry: T) => IDataObject,
): IDataObject[] | undefined {
	const built = (entries ?? []).filter((entry) => text(entry[key]) !== undefined).map(build);
	return built.length > 0 ? built : undefined;
}

/**
 * Builds one WhatsApp contact card. Inner keys follow Meta's contact object (`formatted_name`,
 * `phones[].wa_id`, …), which CAMS passes on. WhatsApp wants a formatted name plus at least one
 * name part: the full name doubles as the first name when no part is given.
 */
export function buildContact(input: ContactInput): IDataObject {
	const parts = {
		first_name: text(input.firstName),
		middle_name: text(input.middleName),
		last_name: text(input.lastName),
		prefix: text(input.prefix),
		suffix: text(input.suffix),
	};
	const joined = [parts.prefix, parts.first_name, parts.middle_name, parts.last_name, parts.suffix]
		.filter(Boolean)
		.join(' ');
	const formatted = text(input.formattedName) ?? text(joined);
	if (!formatted) {
		throw new ContentError(
			'The contact has no name',
			'Set "Full Name" (or at least a first or last name) of the contact.',
		);
	}
	if (!Object.values(parts).some(Boolean)) parts.first_name = formatted;
	return nonEmpty({
		name: nonEmpty({ formatted_name: formatted, ...parts }),
		birthday: birthday(input.birthday),
		org: nonEmpty({
			company: text(input.company),
			department: text(input.department),
			title: text(input.title),
		}),
		phones: list(input.phones, 'phone', (entry) =>
			nonEmpty({ phone: text(entry.phone), type: text(entry.type), wa_id: text(entry.waId) })!,
		),
		emails: list(input.emails, 'email', (entry) =>
			nonEmpty({ email: text(entry.email), type: text(entry.type) })!,
		),
		urls: list(input.urls, 'url', (entry) =>
			nonEmpty({ url: text(entry.url), type: text(entry.type) })!,
		),
	})!;
}

/**
 * Checks a contacts value (built, or parsed from JSON): CAMS wants an array of contact objects,
 * each with a `name` that has a `formatted_name`. A single object is wrapped in an array.
 */
export function checkContacts(value: unknown): IDataObject[] {
	const contacts = isObject(value) ? [value] : value;
	if (!Array.isArray(contacts) || contacts.length === 0) {
		throw new ContentError(
			'Contacts must be a JSON array of contact objects',
			'Write the contacts as an array, e.g. [{"name": {"formatted_name": "Alice Lee", "first_name": "Alice"}, "phones": [{"phone": "+6591234567"}]}].',
		);
	}
	contacts.forEach((contact, index) => {
		const name = isObject(contact) ? contact.name : undefined;
		if (
			!isObject(name) ||
			typeof name.formatted_name !== 'string' ||
			name.formatted_name.trim() === ''
		) {
			throw new ContentError(
				`Contact ${index + 1} has no name.formatted_name`,
				'Every contact needs "name": {"formatted_name": "…"} plus at least one name part such as "first_name".',
			);
		}
	});
	return contacts as IDataObject[];
}
