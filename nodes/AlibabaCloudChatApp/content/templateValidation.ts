import type { IDataObject } from 'n8n-workflow';

import {
	buttonLabel,
	checkButton,
	checkButtons,
	checkMaxLength,
	isHttpLink,
	text,
	upper,
	type AddIssue,
} from './templateButtons';
import { templateVariables, variablesIn } from './templates';

/**
 * The checks CAMS runs when a template is created or modified (CreateChatappTemplate / ModifyChatappTemplate in https://github.com/alibabacloud-go/cams-20200606 client/*_request_model.go, and https://www.alibabacloud.com/help/en/chatapp/language-codes),
 * done before the call so the user learns which component breaks which rule. Pure: no n8n context.
 */
export interface TemplateIssue {
	/** The component as the user sees it, e.g. `Header`, `Button 2 (URL)`. */
	component: string;
	/** The rule that is broken. */
	rule: string;
	/** How to fix it. */
	fix: string;
	/** The CAMS error code the same mistake would produce, where one is documented. */
	code?: string;
}

export interface TemplateDraft {
	templateType: 'WHATSAPP' | 'VIBER';
	category: string;
	/** Checked when given (Create); Update identifies the template by code instead. */
	name?: string;
	components: unknown;
	example: Record<string, string>;
	messageSendTtlSeconds?: number;
}

export const HEADER_MAX = 60;
export const FOOTER_MAX = 60;
export { BUTTON_TEXT_MAX } from './templateButtons';
export const BODY_MAX = 1024;

const POSITIONAL = /\{\{\s*\d+\s*\}\}/;
/** The component types checked here. WhatsApp adds types over time; others pass through unchecked. */
export const KNOWN_COMPONENT_TYPES = [
	'HEADER',
	'BODY',
	'FOOTER',
	'BUTTONS',
	'CAROUSEL',
	'LIMITED_TIME_OFFER',
];
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];
const MEDIA_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT'];
const TTL_RANGES: Record<string, [number, number]> = {
	AUTHENTICATION: [30, 900],
	UTILITY: [30, 43200],
};

type Add = AddIssue;

function stringsOf(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(stringsOf);
	if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
	return [];
}

function componentLabel(type: string): string {
	return type.charAt(0) + type.slice(1).toLowerCase().replace(/_/g, ' ');
}

function checkHeader(header: IDataObject, label: string, category: string, add: Add): void {
	if (category === 'AUTHENTICATION') {
		add(
			label,
			'Authentication templates cannot have a header',
			'Remove the header; WhatsApp writes the text of authentication templates itself.',
		);
		return;
	}
	const format = upper(header.Format || 'TEXT');
	if (!HEADER_FORMATS.includes(format)) {
		add(
			label,
			`the header format "${format}" is not supported`,
			`Use one of ${HEADER_FORMATS.join(', ')}.`,
			'InvalidParameter.HeaderTypeNotSupport',
		);
		return;
	}
	if (format === 'TEXT') {
		const value = text(header.Text);
		if (!value.trim())
			add(label, 'a text header needs text', 'Enter the header text, or choose no header.');
		checkMaxLength(value, HEADER_MAX, 'header', label, add);
	}
	const url = text(header.Url).trim();
	if (MEDIA_FORMATS.includes(format) && !(isHttpLink(url) || /^\$\(\w+\)$/.test(url))) {
		add(
			label,
			`a ${format.toLowerCase()} header needs a media link: an http(s) URL or one variable`,
			'Enter an https link, or a variable such as $(headerImage) with an https example.',
		);
	}
	if (variablesIn(`${text(header.Text)} ${text(header.Url)}`).length > 1) {
		add(
			label,
			'the header may contain at most one variable',
			'Keep one $(variable) in the header and move the others to the body.',
			'InvalidParameter.HeaderMoreVariable',
		);
	}
}

function checkBody(body: IDataObject, label: string, category: string, add: Add): void {
	const value = text(body.Text);
	if (category === 'AUTHENTICATION') {
		if (value)
			add(
				label,
				'authentication templates cannot have body text',
				'Leave the body text empty; WhatsApp generates it with the one-time code.',
			);
		return;
	}
	if (!value.trim())
		add(
			label,
			'the body text is required',
			'Enter the message text.',
			'InvalidParameter.TextNotEmpty',
		);
	checkMaxLength(value, BODY_MAX, 'body', label, add);
}

function checkFooter(footer: IDataObject, label: string, category: string, add: Add): void {
	const value = text(footer.Text);
	if (category === 'AUTHENTICATION' && value) {
		add(
			label,
			'authentication templates cannot have footer text',
			'Leave the footer text empty; use "Code Expiration (Minutes)" to show the validity period.',
		);
	}
	if (variablesIn(value).length > 0)
		add(
			label,
			'variables are not allowed in the footer',
			'Write the footer as fixed text without $(...).',
			'InvalidParameter.FooterHaveVariable',
		);
	checkMaxLength(value, FOOTER_MAX, 'footer', label, add);
}

function checkCarousel(carousel: IDataObject, draft: TemplateDraft, add: Add): void {
	const cards = Array.isArray(carousel.Cards) ? (carousel.Cards as IDataObject[]) : [];
	if (cards.length === 0)
		add(
			'Carousel',
			'a carousel needs at least one card',
			'Add cards with CardComponents, or remove the carousel.',
		);
	cards.forEach((card, cardIndex) => {
		const prefix = `Carousel card ${cardIndex + 1} `;
		const inner = Array.isArray(card.CardComponents) ? (card.CardComponents as IDataObject[]) : [];
		for (const component of inner) {
			if (upper(component.Type) === 'BODY')
				checkBody(component, `${prefix}body`, draft.category, add);
			if (upper(component.Type) !== 'BUTTONS') continue;
			const buttons = Array.isArray(component.Buttons) ? (component.Buttons as IDataObject[]) : [];
			if (buttons.length > 2)
				add(
					`${prefix}buttons`,
					'a carousel card takes at most two buttons',
					'Remove buttons from the card.',
				);
			buttons.forEach((button, index) =>
				checkButton(button, buttonLabel(index, button, prefix), add),
			);
		}
	});
}

function checkComponent(
	component: IDataObject,
	type: string,
	draft: TemplateDraft,
	add: Add,
): void {
	const label = componentLabel(type);
	if (
		draft.templateType === 'VIBER' &&
		['FOOTER', 'CAROUSEL', 'LIMITED_TIME_OFFER'].includes(type)
	) {
		add(
			label,
			`Viber templates cannot have a ${label.toLowerCase()}`,
			'Remove it; Viber templates have a media header, a body and at most one URL button.',
		);
		return;
	}
	if (type === 'HEADER') checkHeader(component, label, draft.category, add);
	else if (type === 'BODY') checkBody(component, label, draft.category, add);
	else if (type === 'FOOTER') checkFooter(component, label, draft.category, add);
	else if (type === 'CAROUSEL') checkCarousel(component, draft, add);
	else if (type === 'BUTTONS') {
		const buttons = Array.isArray(component.Buttons) ? (component.Buttons as IDataObject[]) : [];
		if (buttons.length === 0)
			add(
				'Buttons',
				'the buttons component has no buttons',
				'Add a button or remove the component.',
			);
		checkButtons(buttons, draft, add);
	}
}

function checkComponents(components: IDataObject[], draft: TemplateDraft, add: Add): void {
	const seen = new Set<string>();
	components.forEach((component, index) => {
		const type = upper(component?.Type);
		if (!type.trim()) {
			add(
				`Component ${index + 1}`,
				'the component has no Type',
				`Set Type, e.g. to one of ${KNOWN_COMPONENT_TYPES.join(', ')}.`,
			);
			return;
		}
		// A type added by WhatsApp after this node was written: CAMS is the judge of it.
		if (!KNOWN_COMPONENT_TYPES.includes(type)) return;
		const label = componentLabel(type);
		if (seen.has(type))
			add(
				label,
				`the template has more than one ${label.toLowerCase()}`,
				'Keep one component of each type.',
			);
		seen.add(type);
		if (stringsOf(component).some((value) => POSITIONAL.test(value))) {
			add(
				label,
				'positional placeholders such as {{1}} are not allowed',
				'Write variables as $(name), e.g. "Hi $(customerName)".',
				'InvalidParameter.MessageInvalid',
			);
		}
		checkComponent(component, type, draft, add);
	});
	if (!seen.has('BODY') && !seen.has('CAROUSEL'))
		add(
			'Body',
			'every template needs a body',
			'Add a BODY component.',
			'InvalidParameter.TextNotEmpty',
		);
}

function checkExamples(components: IDataObject[], example: Record<string, string>, add: Add): void {
	const mediaVariables = components
		.filter(
			(component) =>
				upper(component.Type) === 'HEADER' && MEDIA_FORMATS.includes(upper(component.Format)),
		)
		.flatMap((component) => variablesIn(text(component.Url)));
	for (const name of templateVariables({ Components: components })) {
		const value = example[name];
		if (value === undefined || String(value).trim() === '') {
			add(
				'Variable Examples',
				`$(${name}) has no example`,
				`Add an example value for "${name}"; CAMS sends the examples to WhatsApp for the review.`,
			);
		} else if (mediaVariables.includes(name) && !/^https?:\/\//i.test(String(value))) {
			add(
				'Variable Examples',
				`the example of $(${name}) must be a media link`,
				`Enter an http(s) link to a sample file for "${name}".`,
			);
		}
	}
}

/** The types of the components that are passed to CAMS without the checks above, as written. */
export function uncheckedComponentTypes(components: unknown): string[] {
	if (!Array.isArray(components)) return [];
	return components
		.map((component) => text((component as IDataObject | null)?.Type))
		.filter((type) => type.trim() !== '' && !KNOWN_COMPONENT_TYPES.includes(upper(type)));
}

/**
 * Every rule the draft breaks, in component order; empty when CAMS should accept it. Components
 * of unknown types are not checked (see `uncheckedComponentTypes`).
 */
export function templateIssues(draft: TemplateDraft): TemplateIssue[] {
	const issues: TemplateIssue[] = [];
	const add: Add = (component, rule, fix, code) => issues.push({ component, rule, fix, code });
	if (draft.name !== undefined) {
		if (!draft.name.trim()) add('Name', 'the template name is required', 'Enter a name.');
		else if (draft.templateType === 'WHATSAPP' && !/^[a-z0-9_]{1,512}$/.test(draft.name)) {
			add(
				'Name',
				'WhatsApp template names may only contain lowercase letters, digits and underscores',
				`Use e.g. "${draft.name.toLowerCase().replace(/[^a-z0-9_]+/g, '_')}".`,
			);
		}
	}
	const ttlRange = TTL_RANGES[draft.category];
	const ttl = draft.messageSendTtlSeconds;
	if (ttl !== undefined && draft.templateType === 'VIBER') {
		add(
			'Message TTL',
			'the message TTL is a WhatsApp option; Viber templates have none',
			'Remove "Message TTL (Seconds)" from the options.',
		);
	} else if (ttl !== undefined && !ttlRange) {
		add(
			'Message TTL',
			`${draft.category.toLowerCase()} templates have no message TTL`,
			'Remove "Message TTL (Seconds)" from the options.',
		);
	} else if (ttl !== undefined && (ttl < ttlRange[0] || ttl > ttlRange[1])) {
		add(
			'Message TTL',
			`for ${draft.category.toLowerCase()} templates the TTL must be ${ttlRange[0]} to ${ttlRange[1]} seconds`,
			'Change "Message TTL (Seconds)".',
		);
	}
	if (!Array.isArray(draft.components) || draft.components.length === 0) {
		add(
			'Components',
			'the template has no components',
			'Give at least a body, as an array of components such as [{"Type":"BODY","Text":"Hello $(name)"}].',
		);
		return issues;
	}
	const components = draft.components as IDataObject[];
	if (
		components.some(
			(component) => !component || typeof component !== 'object' || Array.isArray(component),
		)
	) {
		add(
			'Components',
			'every component must be an object',
			'Write each component as {"Type": "...", ...}.',
		);
		return issues;
	}
	checkComponents(components, draft, add);
	checkExamples(components, draft.example, add);
	return issues;
}
