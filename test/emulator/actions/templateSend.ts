/** Sending with a template: find an approved template and check the TemplateParams for it. */
import { camsError } from '../errors';
import type { Sender } from '../state';
import { mediaVariables, templateVariables, type TemplateRecord } from '../templateModel';
import { isHttpUrl, isPlainObject, parseJson, type ActionContext } from './context';
import { rejectPositional } from './messageRules';

export function resolveTemplate(ctx: ActionContext, sender: Sender): TemplateRecord {
	const { TemplateCode: code, TemplateName: name, Language: language } = ctx.params;
	if (!code && !name)
		throw camsError(
			'InvalidParameter.TemplateCodeNotEmpty',
			'TemplateCode or TemplateName is mandatory when Type is template.',
		);
	if (!language)
		throw camsError(
			'InvalidParameter.LanguageNotEmpty',
			'Language is mandatory when sending a template.',
		);
	const template = ctx.state.templates.find(
		(entry) =>
			entry.custSpaceId === sender.custSpaceId &&
			entry.language === language &&
			(code ? entry.code === code : entry.name === name),
	);
	const label = code ? `TemplateCode ${code}` : `TemplateName ${name}`;
	if (!template) {
		throw camsError(
			'DetailError.TemplateNotExist',
			`The template (${label}, Language ${language}) does not exist in this channel.`,
			400,
		);
	}
	if (template.auditStatus !== 'pass') {
		throw camsError(
			'DetailError.TemplateNotExist',
			`The template (${label}, Language ${language}) is not approved (AuditStatus ${template.auditStatus}).`,
			400,
		);
	}
	return template;
}

/** Parses TemplateParams (a JSON map) and checks that every `$(var)` of the template has a value. */
export function checkTemplateParams(
	template: TemplateRecord,
	raw: unknown,
	where = 'TemplateParams',
): Record<string, string> {
	let values: unknown = raw;
	if (typeof raw === 'string') {
		values = parseJson<unknown>(raw, (detail) =>
			camsError('InvalidParameter', `${where} is not valid JSON: ${detail}`),
		);
	}
	if (values === undefined) values = {};
	if (!isPlainObject(values))
		throw camsError(
			'InvalidParameter',
			`${where} must be a JSON object mapping variable names to values.`,
		);
	const result: Record<string, string> = {};
	for (const [key, value] of Object.entries(values)) {
		if (value !== null && typeof value === 'object')
			throw camsError('InvalidParameter', `${where}.${key} must be a string.`);
		result[key] = value === null || value === undefined ? '' : String(value);
	}
	for (const variable of templateVariables(template.components)) {
		if (!result[variable]) {
			throw camsError(
				'InvalidParameter',
				`${where} has no value for the template variable $(${variable}) of template ${template.name}.`,
			);
		}
		rejectPositional(result[variable], `${where}.${variable}`);
	}
	for (const variable of mediaVariables(template.components)) {
		if (!isHttpUrl(result[variable])) {
			throw camsError(
				'InvalidParameter',
				`${where}.${variable} must be an http(s) URL to the header media.`,
			);
		}
	}
	return result;
}
