import type { IDataObject } from 'n8n-workflow';

import { ContentError } from './contentError';
import type { ResponseLink } from './approvalMessage';
import { templateComponents, variablesIn } from './templates';

/** A URL button of a template whose link ends in a variable: `https://n8n.example.com/webhook-waiting/$(resume)`. */
export interface DynamicUrlButton {
	text: string;
	/** The fixed part of the link, before the variable. */
	prefix: string;
	variable: string;
}

const field = (object: IDataObject, name: string): unknown =>
	object[name] ?? object[name.charAt(0).toLowerCase() + name.slice(1)];

/** The template's URL buttons that end in a variable, in button order. */
export function dynamicUrlButtons(detail: IDataObject): DynamicUrlButton[] {
	const buttons = templateComponents(detail)
		.filter((component) => String(field(component, 'Type')).toUpperCase() === 'BUTTONS')
		.flatMap((component) => (field(component, 'Buttons') as IDataObject[] | undefined) ?? []);
	return buttons.flatMap((button) => {
		if (String(field(button, 'Type')).toUpperCase() !== 'URL') return [];
		const url = String(field(button, 'Url') ?? '');
		const [variable] = variablesIn(url);
		if (!variable || !url.trimEnd().endsWith(`$(${variable})`)) return [];
		return [{ text: String(field(button, 'Text') ?? ''), prefix: url.split('$(')[0], variable }];
	});
}

/**
 * The template variables that turn the template's URL buttons into the response links: the
 * first dynamic URL button gets the first link (Approve, or Respond), the second the second
 * (Decline). Each value is what follows the button's fixed prefix in the signed resume URL.
 */
export function resumeLinkVariables(
	detail: IDataObject,
	links: ResponseLink[],
	templateName: string,
): Record<string, string> {
	const buttons = dynamicUrlButtons(detail);
	const example = links[0]?.url ?? '';
	const base = example.replace(/[^/]+\/[^/?]+(\?.*)?$/, '');
	const howTo = `Create a WhatsApp template with ${links.length === 1 ? 'a URL button' : `${links.length} URL buttons`} whose link is ${base}$(resumePath) (Template > Create, button type URL), then pick it here.`;
	if (buttons.length < links.length) {
		throw new ContentError(
			`The template ${templateName} has ${buttons.length} URL button${buttons.length === 1 ? '' : 's'} ending in a variable; ${links.length} ${links.length === 1 ? 'is' : 'are'} needed for the response links`,
			howTo,
		);
	}
	const values: Record<string, string> = {};
	links.forEach((link, index) => {
		const button = buttons[index];
		if (!link.url.startsWith(button.prefix) || link.url.length === button.prefix.length) {
			throw new ContentError(
				`The URL button "${button.text}" of the template ${templateName} starts with ${button.prefix}, but this n8n's resume links start with ${base}`,
				`${howTo} A template made for another n8n address cannot carry this n8n's links.`,
			);
		}
		values[button.variable] = link.url.slice(button.prefix.length);
	});
	return values;
}
