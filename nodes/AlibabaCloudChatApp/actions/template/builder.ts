import type { IDataObject } from 'n8n-workflow';

import type { TemplateIssue } from '../../content/templateValidation';
import { withoutPhoneSeparators } from '../../helpers/phone';
import { variablesIn } from '../../content/templates';

/** The builder fields of Create/Update Template, as n8n hands them over. */
export interface BuilderValues {
	category: string;
	headerType?: string;
	headerText?: string;
	headerMediaUrl?: string;
	headerFileName?: string;
	bodyText?: string;
	addSecurityRecommendation?: boolean;
	codeExpirationMinutes?: number;
	footerText?: string;
	buttons?: { button?: IDataObject[] };
	variableExamples?: { example?: Array<{ name?: string; value?: string }> };
}

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Accepts `name`, `$(name)` or ` $( name ) ` as a variable name. */
export function variableName(raw: unknown): string {
	return trimmed(raw)
		.replace(/^\$\(\s*/, '')
		.replace(/\s*\)$/, '');
}

function header(values: BuilderValues): IDataObject | undefined {
	const format = values.headerType ?? 'none';
	if (format === 'none') return undefined;
	if (format === 'TEXT')
		return { Type: 'HEADER', Format: 'TEXT', Text: trimmed(values.headerText) };
	const media: IDataObject = {
		Type: 'HEADER',
		Format: format,
		Url: trimmed(values.headerMediaUrl),
	};
	if (format === 'DOCUMENT' && trimmed(values.headerFileName))
		media.FileName = trimmed(values.headerFileName);
	return media;
}

function button(entry: IDataObject): IDataObject {
	const type = String(entry.type ?? 'QUICK_REPLY');
	const text = trimmed(entry.text);
	switch (type) {
		case 'URL': {
			const url = trimmed(entry.url);
			return {
				Type: 'URL',
				Text: text,
				Url: url,
				UrlType: variablesIn(url).length > 0 ? 'dynamic' : 'static',
			};
		}
		case 'PHONE_NUMBER':
			return {
				Type: 'PHONE_NUMBER',
				Text: text,
				PhoneNumber: withoutPhoneSeparators(trimmed(entry.phoneNumber)),
			};
		case 'COPY_CODE':
			return { Type: 'COPY_CODE', CouponCode: trimmed(entry.couponCode) };
		case 'ONE_TIME_PASSWORD': {
			if (entry.otpType !== 'ONE_TAP') return { Type: 'COPY_CODE', Text: text || 'Copy Code' };
			const oneTap: IDataObject = {
				Type: 'ONE_TAP',
				Text: text || 'Autofill',
				SupportedApps: [
					{ PackageName: trimmed(entry.packageName), SignatureHash: trimmed(entry.signatureHash) },
				],
			};
			if (trimmed(entry.autofillText)) oneTap.AutofillText = trimmed(entry.autofillText);
			return oneTap;
		}
		default:
			return { Type: 'QUICK_REPLY', Text: text };
	}
}

/** The `Components` array CAMS expects, from the builder fields. */
export function buildComponents(values: BuilderValues): IDataObject[] {
	const auth = values.category === 'AUTHENTICATION';
	const components: IDataObject[] = [];
	const head = auth ? undefined : header(values);
	if (head) components.push(head);
	if (auth) {
		components.push({
			Type: 'BODY',
			AddSecretRecommendation: values.addSecurityRecommendation ?? true,
		});
		if (values.codeExpirationMinutes) {
			components.push({ Type: 'FOOTER', CodeExpirationMinutes: values.codeExpirationMinutes });
		}
	} else {
		components.push({ Type: 'BODY', Text: values.bodyText ?? '' });
		if (trimmed(values.footerText))
			components.push({ Type: 'FOOTER', Text: trimmed(values.footerText) });
	}
	const buttons = values.buttons?.button ?? [];
	if (buttons.length > 0) components.push({ Type: 'BUTTONS', Buttons: buttons.map(button) });
	return components;
}

/** The `Example` map (variable name → sample value) from the "Variable Examples" entries. */
export function buildExample(values: BuilderValues): Record<string, string> {
	const example: Record<string, string> = {};
	for (const entry of values.variableExamples?.example ?? []) {
		const name = variableName(entry.name);
		if (name) example[name] = String(entry.value ?? '');
	}
	return example;
}

/** Builder choices that CAMS could not tell apart once mapped: which button kinds fit the category. */
export function builderIssues(values: BuilderValues): TemplateIssue[] {
	const auth = values.category === 'AUTHENTICATION';
	return (values.buttons?.button ?? []).flatMap((entry, index) => {
		const otp = entry.type === 'ONE_TIME_PASSWORD';
		if (otp === auth) return [];
		const component = `Button ${index + 1} (${otp ? 'ONE-TIME PASSWORD' : String(entry.type ?? 'QUICK_REPLY').replace(/_/g, ' ')})`;
		return [
			auth
				? {
						component,
						rule: 'authentication templates only take a one-time password button',
						fix: 'Change the button type to "One-Time Password".',
					}
				: {
						component,
						rule: 'one-time password buttons are only for authentication templates',
						fix: 'Change the category to Authentication, or use another button type.',
					},
		];
	});
}
