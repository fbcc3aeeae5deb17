import type { IDataObject } from 'n8n-workflow';

import { checkLength, ContentError, requireHttpUrl, requireText, text } from './contentError';
import { isObject } from '../helpers/utils';

/** The interactive messages the builder makes; anything else goes through the JSON field. */
export type InteractiveKind = 'button' | 'list' | 'cta_url';

export interface ReplyButtonInput {
	id?: string;
	title?: string;
}

export interface ListRowInput {
	/** Rows with the same section title are grouped into one section, in order of appearance. */
	section?: string;
	id?: string;
	title?: string;
	description?: string;
}

export interface InteractiveInput {
	kind: InteractiveKind;
	header?: string;
	body?: string;
	footer?: string;
	buttons?: ReplyButtonInput[];
	listButton?: string;
	rows?: ListRowInput[];
	ctaText?: string;
	ctaUrl?: string;
}

/** WhatsApp's limits for interactive messages (Meta Cloud API). */
export const LIMITS = {
	buttons: 3,
	buttonTitle: 20,
	buttonId: 256,
	header: 60,
	footer: 60,
	body: 1024,
	listBody: 4096,
	listButton: 20,
	sections: 10,
	rows: 10,
	sectionTitle: 24,
	rowTitle: 24,
	rowDescription: 72,
	rowId: 200,
	ctaText: 20,
} as const;

function isBlank(entry: { id?: string; title?: string }): boolean {
	return text(entry.id) === undefined && text(entry.title) === undefined;
}

function checkUnique(values: string[], label: string): void {
	const seen = new Set<string>();
	for (const value of values) {
		if (seen.has(value)) {
			throw new ContentError(
				`Two entries have the same ${label} "${value}"`,
				`Give every entry its own ${label}.`,
			);
		}
		seen.add(value);
	}
}

function replyButtons(buttons: ReplyButtonInput[] = []): IDataObject {
	const filled = buttons.filter((button) => !isBlank(button));
	if (filled.length === 0 || filled.length > LIMITS.buttons) {
		throw new ContentError(
			`Reply buttons need 1 to ${LIMITS.buttons} buttons, not ${filled.length}`,
			`Add between 1 and ${LIMITS.buttons} buttons under "Buttons". For more choices, use a list message.`,
		);
	}
	const built = filled.map((button, index) => {
		const title = requireText(button.title, `Button ${index + 1} Title`);
		checkLength(title, LIMITS.buttonTitle, `Button ${index + 1} Title`);
		const id = text(button.id) ?? title;
		checkLength(id, LIMITS.buttonId, `Button ${index + 1} ID`);
		return { type: 'reply', reply: { id, title } };
	});
	checkUnique(
		built.map((button) => button.reply.id),
		'button ID',
	);
	checkUnique(
		built.map((button) => button.reply.title),
		'button title',
	);
	return { buttons: built };
}

function listAction(buttonText: string | undefined, rows: ListRowInput[] = []): IDataObject {
	const button = requireText(
		buttonText,
		'List Button Text',
		'the label of the button that opens the list',
	);
	checkLength(button, LIMITS.listButton, 'List Button Text');
	const filled = rows.filter((row) => !isBlank(row));
	if (filled.length === 0 || filled.length > LIMITS.rows) {
		throw new ContentError(
			`A list needs 1 to ${LIMITS.rows} rows, not ${filled.length}`,
			`Add between 1 and ${LIMITS.rows} rows under "List Rows" (WhatsApp counts rows across all sections).`,
		);
	}
	const sections = new Map<string, IDataObject[]>();
	filled.forEach((row, index) => {
		const title = requireText(row.title, `Row ${index + 1} Title`);
		checkLength(title, LIMITS.rowTitle, `Row ${index + 1} Title`);
		const description = text(row.description);
		checkLength(description, LIMITS.rowDescription, `Row ${index + 1} Description`);
		const id = text(row.id) ?? title;
		checkLength(id, LIMITS.rowId, `Row ${index + 1} ID`);
		const section = text(row.section) ?? '';
		if (!sections.has(section)) sections.set(section, []);
		sections.get(section)!.push(description ? { id, title, description } : { id, title });
	});
	checkUnique(
		filled.map((row) => text(row.id) ?? text(row.title)!),
		'row ID',
	);
	if (sections.size > LIMITS.sections) {
		throw new ContentError(
			`A list has at most ${LIMITS.sections} sections`,
			'Use fewer distinct section titles.',
		);
	}
	if (sections.size > 1 && sections.has('')) {
		throw new ContentError(
			'Every row needs a section title when the list has several sections',
			'Fill in "Section Title" on every row, or leave it empty on all rows.',
		);
	}
	return {
		button,
		sections: [...sections].map(([title, sectionRows]) => {
			checkLength(title || undefined, LIMITS.sectionTitle, 'Section Title');
			return title ? { title, rows: sectionRows } : { rows: sectionRows };
		}),
	};
}

function ctaAction(displayText: string | undefined, url: string | undefined): IDataObject {
	const label = requireText(displayText, 'Button Text', 'the label of the link button');
	checkLength(label, LIMITS.ctaText, 'Button Text');
	return {
		name: 'cta_url',
		parameters: { display_text: label, url: requireHttpUrl(url, 'Button Link') },
	};
}

/** Builds a WhatsApp interactive object (Meta's shape) for reply buttons, a list or a CTA URL button. */
export function buildInteractive(input: InteractiveInput): IDataObject {
	const body = requireText(input.body, 'Body Text');
	checkLength(body, input.kind === 'list' ? LIMITS.listBody : LIMITS.body, 'Body Text');
	const header = text(input.header);
	checkLength(header, LIMITS.header, 'Header Text');
	const footer = text(input.footer);
	checkLength(footer, LIMITS.footer, 'Footer Text');
	const action =
		input.kind === 'button'
			? replyButtons(input.buttons)
			: input.kind === 'list'
				? listAction(input.listButton, input.rows)
				: ctaAction(input.ctaText, input.ctaUrl);
	return {
		type: input.kind,
		...(header ? { header: { type: 'text', text: header } } : {}),
		body: { text: body },
		...(footer ? { footer: { text: footer } } : {}),
		action,
	};
}

/**
 * Checks an interactive object given as JSON. WhatsApp's follows Meta's interactive object, so it
 * needs a `type` and an `action`; Messenger's is passed on as the object it is.
 */
export function checkInteractive(value: unknown, channelType: string): IDataObject {
	if (!isObject(value) || Object.keys(value).length === 0) {
		throw new ContentError(
			'The interactive message must be a JSON object',
			'Write the interactive object in braces, e.g. {"type": "button", "body": {"text": "Pick one"}, "action": {"buttons": […]}}.',
		);
	}
	if (channelType === 'whatsapp' && (typeof value.type !== 'string' || !isObject(value.action))) {
		throw new ContentError(
			'The interactive object needs a "type" and an "action"',
			'Follow WhatsApp\'s interactive object: "type" (button, list, cta_url, flow, product, …), "action", and usually "body". Or use the builder instead of JSON.',
		);
	}
	return value;
}
