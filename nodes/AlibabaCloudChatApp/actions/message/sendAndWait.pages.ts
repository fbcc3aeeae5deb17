import type { FormFieldsParameter, IDataObject } from 'n8n-workflow';

/**
 * The pages a responder sees after tapping a send-and-wait link: the form (Free Text, Custom
 * Form) and the confirmation. Plain HTML of our own, so nothing depends on n8n's internal views.
 * Pure.
 */
export type FormField = FormFieldsParameter[number];

/** The sandbox n8n itself puts on webhook HTML (scripts off here: the pages need none). */
export const PAGE_CSP =
	'sandbox allow-downloads allow-forms allow-modals allow-orientation-lock allow-pointer-lock allow-popups allow-presentation allow-top-navigation allow-top-navigation-by-user-activation';

export function escapeHtml(value: unknown): string {
	return String(value ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f5f5f7;margin:0;padding:24px;color:#1d1d1f}
main{max-width:480px;margin:40px auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:22px;margin:0 0 12px}p{line-height:1.5;white-space:pre-wrap}label{display:block;font-weight:600;margin:16px 0 6px}
input,textarea,select{width:100%;box-sizing:border-box;padding:10px;border:1px solid #ccc;border-radius:8px;font:inherit}
.choice{font-weight:400;margin:6px 0}.choice input{width:auto;margin-right:8px}
button{margin-top:24px;width:100%;padding:12px;border:0;border-radius:8px;background:#ff6d5a;color:#fff;font:inherit;font-weight:600}`;

function page(title: string, body: string): string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** "Got it, thanks" and the text set in the node, shown once the answer is recorded. */
export function confirmationPage(text: string): string {
	return page('Got it, thanks', `<h1>Got it, thanks</h1><p>${escapeHtml(text)}</p>`);
}

const INPUT_TYPES = new Set(['text', 'email', 'number', 'password', 'date']);

function options(field: FormField): string[] {
	return (field.fieldOptions?.values ?? []).map((entry) => String(entry.option));
}

function control(field: FormField, id: string): string {
	const type = field.fieldType ?? 'text';
	const required = field.requiredField ? ' required' : '';
	const placeholder = field.placeholder ? ` placeholder="${escapeHtml(field.placeholder)}"` : '';
	if (type === 'textarea')
		return `<textarea id="${id}" name="${id}" rows="5"${placeholder}${required}></textarea>`;
	if (type === 'dropdown') {
		const choices = options(field).map((o) => `<option>${escapeHtml(o)}</option>`);
		return `<select id="${id}" name="${id}"${required}><option value=""></option>${choices.join('')}</select>`;
	}
	if (type === 'radio' || type === 'checkbox') {
		const inputType = type === 'radio' ? 'radio' : 'checkbox';
		const needed = type === 'radio' ? required : '';
		return options(field)
			.map(
				(o) =>
					`<label class="choice"><input type="${inputType}" name="${id}" value="${escapeHtml(o)}"${needed}>${escapeHtml(o)}</label>`,
			)
			.join('');
	}
	const inputType = INPUT_TYPES.has(type) ? type : 'text';
	const step = inputType === 'number' ? ' step="any"' : '';
	return `<input id="${id}" name="${id}" type="${inputType}"${step}${placeholder}${required}>`;
}

export interface FormPage {
	title: string;
	description: string;
	buttonLabel: string;
	fields: FormField[];
}

/**
 * The response form. It posts to its own address (no `action`), so the signed query of the
 * link, which n8n checks, goes along with the answer.
 */
export function formPage(form: FormPage): string {
	const fields = form.fields.map((field, index) => {
		const id = `field-${index}`;
		const grouped = field.fieldType === 'radio' || field.fieldType === 'checkbox';
		const label = grouped
			? `<label>${escapeHtml(field.fieldLabel)}</label>`
			: `<label for="${id}">${escapeHtml(field.fieldLabel)}</label>`;
		return `${label}${control(field, id)}`;
	});
	const title = form.title ? `<h1>${escapeHtml(form.title)}</h1>` : '';
	const description = form.description ? `<p>${escapeHtml(form.description)}</p>` : '';
	return page(
		form.title || 'Your response',
		`${title}${description}<form method="post" enctype="application/x-www-form-urlencoded">${fields.join('')}<button type="submit">${escapeHtml(form.buttonLabel)}</button></form>`,
	);
}

/** The posted fields: urlencoded bodies come as they are, multipart ones under `data`. */
export function postedFields(body: IDataObject): IDataObject {
	const data = body.data;
	if (data && typeof data === 'object' && !Array.isArray(data) && !('field-0' in body))
		return data as IDataObject;
	return body;
}

function single(value: unknown): string {
	return Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
}

/**
 * The answer as n8n's form nodes give it: each field under its label, numbers as numbers and
 * checkboxes as a list of the ticked options.
 */
export function formAnswer(fields: FormField[], posted: IDataObject): IDataObject {
	const answer: IDataObject = {};
	fields.forEach((field, index) => {
		const raw = posted[`field-${index}`];
		if (field.fieldType === 'checkbox') {
			answer[field.fieldLabel] = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(
				String,
			);
		} else if (field.fieldType === 'number') {
			const text = single(raw).trim();
			answer[field.fieldLabel] = text === '' ? null : Number(text);
		} else {
			answer[field.fieldLabel] = single(raw);
		}
	});
	return answer;
}
