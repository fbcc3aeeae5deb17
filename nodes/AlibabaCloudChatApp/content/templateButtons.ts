import type { IDataObject } from 'n8n-workflow';

import { variablesIn } from './templates';

/** Button rules of CAMS templates; part of `templateValidation.ts`. Pure. */
export type AddIssue = (component: string, rule: string, fix: string, code?: string) => void;

/** The template facts the button rules depend on. */
export interface ButtonContext {
	templateType: 'WHATSAPP' | 'VIBER';
	category: string;
}

export const BUTTON_TEXT_MAX = 25;

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
export const upper = (value: unknown): string => text(value).toUpperCase();
/** A component list (Buttons, Cards, ...) as written, or none when it is not an array. */
export const objectList = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? (value as IDataObject[]) : [];

/** Reports a text longer than CAMS accepts; `what` names it as the fix does ("body", "button"). */
export function checkMaxLength(
	value: string,
	max: number,
	what: string,
	label: string,
	add: AddIssue,
): void {
	if (value.length <= max) return;
	const subject = what === 'button' ? 'button text' : what;
	add(
		label,
		`the ${subject} is ${value.length} characters long; at most ${max} are allowed`,
		`Shorten the ${what} text.`,
	);
}

export function isHttpLink(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

export function checkButton(button: IDataObject, label: string, add: AddIssue): void {
	const type = upper(button.Type);
	if (variablesIn(text(button.Text)).length > 0) {
		add(
			label,
			'variables are not allowed in button text',
			'Write the button text as fixed text without $(...).',
			'InvalidParameter.ButtonTextHaveVariable',
		);
	}
	if (['QUICK_REPLY', 'URL', 'PHONE_NUMBER'].includes(type) && !text(button.Text).trim()) {
		add(label, 'the button needs text', 'Enter the button text.');
	}
	checkMaxLength(text(button.Text), BUTTON_TEXT_MAX, 'button', label, add);
	if (type === 'URL') {
		const url = text(button.Url);
		const variables = variablesIn(url);
		if (!isHttpLink(url.replace(/\$\(\w+\)/g, 'x')))
			add(
				label,
				'a URL button needs an http(s) link',
				'Enter the link, e.g. https://example.com/orders/$(orderId).',
			);
		if (variables.length > 1)
			add(
				label,
				'a URL may contain only one variable',
				'Keep one $(variable), at the end of the URL.',
				'InvalidParameter.UrlMoreVariable',
			);
		else if (variables.length === 1 && !url.trimEnd().endsWith(`$(${variables[0]})`)) {
			add(
				label,
				'the URL variable must be at the end of the URL',
				`Move $(${variables[0]}) to the end, e.g. https://example.com/orders/$(${variables[0]}).`,
			);
		}
	}
	if (type === 'PHONE_NUMBER' && !/^\+?\d{6,15}$/.test(text(button.PhoneNumber))) {
		add(
			label,
			'a phone number button needs a phone number of 6 to 15 digits',
			'Enter the number with its country code and no spaces, e.g. +6591234567.',
		);
	}
	if (type === 'ONE_TAP') {
		const apps = objectList(button.SupportedApps);
		if (!apps.some((app) => text(app.PackageName) && text(app.SignatureHash))) {
			add(
				label,
				'a one-tap button needs the Android package name and signature hash of your app',
				'Fill in "Package Name" and "Signature Hash", or use the copy code button instead.',
			);
		}
	}
}

export function buttonLabel(index: number, button: IDataObject, prefix = ''): string {
	return `${prefix}Button ${index + 1} (${upper(button.Type).replace(/_/g, ' ') || 'no type'})`;
}

export function checkButtons(
	buttons: IDataObject[],
	draft: ButtonContext,
	add: AddIssue,
	prefix = '',
): void {
	const types = buttons.map((button) => upper(button.Type));
	const auth = draft.category === 'AUTHENTICATION';
	const component = `${prefix}Buttons`;
	buttons.forEach((button, index) => {
		const type = types[index];
		const label = buttonLabel(index, button, prefix);
		if (auth && !['COPY_CODE', 'ONE_TAP'].includes(type)) {
			add(
				label,
				'authentication templates only take a one-time password button (copy code or one tap)',
				'Use a single "One-Time Password" button.',
			);
		} else if (!auth && draft.templateType === 'WHATSAPP' && type === 'ONE_TAP') {
			add(
				label,
				'one-tap buttons exist only in authentication templates',
				'Change the category to Authentication, or remove the button.',
			);
		} else if (!auth && type === 'COPY_CODE' && !text(button.CouponCode).trim()) {
			add(
				label,
				'a copy code button needs the code',
				'Enter the coupon code, or a variable such as $(couponCode) with an example.',
			);
		}
		checkButton(button, label, add);
	});
	if (draft.templateType === 'VIBER') {
		if (buttons.length > 1 || types.some((type) => type !== 'URL'))
			add(component, 'Viber templates take one button, of type URL', 'Keep a single URL button.');
		return;
	}
	if (auth) {
		if (buttons.length !== 1)
			add(
				component,
				'authentication templates take exactly one button',
				'Keep a single "One-Time Password" button.',
			);
		return;
	}
	const count = (wanted: string) => types.filter((type) => type === wanted).length;
	if (buttons.length > 10)
		add(component, `${buttons.length} buttons; at most 10 are allowed`, 'Remove buttons.');
	if (count('PHONE_NUMBER') > 1)
		add(component, 'at most one phone number button is allowed', 'Keep one phone number button.');
	if (count('URL') > 2)
		add(component, 'at most two URL buttons are allowed', 'Keep two URL buttons at most.');
	const quick = types.map((type) => type === 'QUICK_REPLY');
	const firstQuick = quick.indexOf(true);
	const lastQuick = quick.lastIndexOf(true);
	if (firstQuick >= 0 && quick.slice(firstQuick, lastQuick + 1).includes(false)) {
		add(
			component,
			'quick reply buttons cannot be mixed in between URL, phone number or copy code buttons',
			'Put all quick reply buttons together, before or after the other buttons.',
		);
	}
}
