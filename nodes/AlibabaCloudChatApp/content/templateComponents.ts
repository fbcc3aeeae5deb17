import type { IDataObject } from 'n8n-workflow';

import {
	buttonLabel,
	checkButton,
	checkButtons,
	checkMaxLength,
	isHttpLink,
	objectList,
	text,
	upper,
	type AddIssue,
	type ButtonContext,
} from './templateButtons';
import { variablesIn } from './templates';

/**
 * The rules of each template component (header, body, footer, buttons, carousel) that CAMS checks
 * on CreateChatappTemplate / ModifyChatappTemplate; templateValidation.ts runs them per component.
 */
export const HEADER_MAX = 60;
export const FOOTER_MAX = 60;
export { BUTTON_TEXT_MAX } from './templateButtons';
export const BODY_MAX = 1024;

const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];
export const MEDIA_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT'];

type Add = AddIssue;

export function componentLabel(type: string): string {
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

function checkCarousel(carousel: IDataObject, draft: ButtonContext, add: Add): void {
	const cards = objectList(carousel.Cards);
	if (cards.length === 0)
		add(
			'Carousel',
			'a carousel needs at least one card',
			'Add cards with CardComponents, or remove the carousel.',
		);
	cards.forEach((card, cardIndex) => {
		const prefix = `Carousel card ${cardIndex + 1} `;
		const inner = objectList(card.CardComponents);
		for (const component of inner) {
			if (upper(component.Type) === 'BODY')
				checkBody(component, `${prefix}body`, draft.category, add);
			if (upper(component.Type) !== 'BUTTONS') continue;
			const buttons = objectList(component.Buttons);
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

/** Checks one component of a known type; `label` names it as the user sees it. */
export function checkComponent(
	component: IDataObject,
	type: string,
	draft: ButtonContext,
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
		const buttons = objectList(component.Buttons);
		if (buttons.length === 0)
			add(
				'Buttons',
				'the buttons component has no buttons',
				'Add a button or remove the component.',
			);
		checkButtons(buttons, draft, add);
	}
}
