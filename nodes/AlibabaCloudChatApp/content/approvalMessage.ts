import type { IDataObject } from 'n8n-workflow';

import { buildContent, type Content } from './message';
import { buildInteractive, LIMITS } from './interactive';

/** One link of a send-and-wait message: its button label and the signed resume URL. */
export interface ResponseLink {
	label: string;
	url: string;
}

export interface ApprovalMessageInput {
	channelType: string;
	message: string;
	links: ResponseLink[];
	/** Appended as n8n's nodes do when "Append n8n Attribution" is on. */
	attribution?: boolean;
}

/** A free-form SendChatappMessage: its MessageType and Content. */
export interface BuiltMessage {
	messageType: string;
	content: Content;
}

export const ATTRIBUTION = 'This message was sent automatically with n8n';

/** Viber shows at most 30 characters on a button (Viber Business Messages). */
const VIBER_BUTTON_TEXT = 30;
const VIBER_TEXT = 1000;

/**
 * The message text as n8n's send-and-wait nodes read it: trimmed, with a typed `\n` or `<br>`
 * turned into a line break.
 */
export function normaliseMessage(message: string): string {
	return message.trim().replace(/\\n/g, '\n').replace(/<br>/g, '\n');
}

const length = (value: string) => [...value].length;

/** The message followed by one "Label: link" block per link; WhatsApp gets bold labels. */
export function textWithLinks(input: ApprovalMessageInput): string {
	const bold = input.channelType === 'whatsapp';
	const blocks = input.links.map(({ label, url }) =>
		bold ? `*${label}:*\n${url}` : `${label}: ${url}`,
	);
	const parts = [input.message, ...blocks];
	if (input.attribution) parts.push(ATTRIBUTION);
	return parts.join('\n\n');
}

function whatsappMessage(input: ApprovalMessageInput): BuiltMessage {
	const [link] = input.links;
	// Meta's CTA URL message has exactly one button; two links go out as text with links.
	const fitsCta =
		input.links.length === 1 &&
		length(link.label) <= LIMITS.ctaText &&
		length(input.message) <= LIMITS.body;
	if (fitsCta) {
		const interactive: IDataObject = buildInteractive({
			kind: 'cta_url',
			body: input.message,
			footer: input.attribution ? ATTRIBUTION : undefined,
			ctaText: link.label,
			ctaUrl: link.url,
		});
		return {
			messageType: 'interactive',
			content: buildContent('whatsapp', 'interactive', { interactive }),
		};
	}
	return text(input);
}

function viberMessage(input: ApprovalMessageInput): BuiltMessage {
	const [link] = input.links;
	const body = input.attribution ? `${input.message}\n\n${ATTRIBUTION}` : input.message;
	const fitsButton =
		input.links.length === 1 &&
		length(link.label) <= VIBER_BUTTON_TEXT &&
		length(body) <= VIBER_TEXT;
	if (!fitsButton) return text(input);
	return {
		messageType: 'text_button',
		content: buildContent('viber', 'text_button', {
			text: body,
			buttonText: link.label,
			buttonUrl: link.url,
		}),
	};
}

function text(input: ApprovalMessageInput): BuiltMessage {
	return {
		messageType: 'text',
		content: buildContent(input.channelType, 'text', { text: textWithLinks(input) }),
	};
}

/**
 * The free-form message that carries the response links, in the best form each channel offers
 * through CAMS: WhatsApp a CTA URL button (one link) or a text with links; Viber a text with a
 * button (one link) or a text with links; Messenger and Instagram a text with links (CAMS does
 * not document their button templates). Throws ContentError when the text does not fit.
 */
export function buildApprovalMessage(input: ApprovalMessageInput): BuiltMessage {
	if (input.channelType === 'whatsapp') return whatsappMessage(input);
	if (input.channelType === 'viber') return viberMessage(input);
	return text(input);
}
