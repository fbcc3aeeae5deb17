import type { IDataObject } from 'n8n-workflow';

import { text, upper, type AddIssue } from './templateButtons';
import { checkComponent, componentLabel, MEDIA_FORMATS } from './templateComponents';
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
