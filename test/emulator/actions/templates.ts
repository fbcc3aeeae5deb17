/** Template actions: create, modify, delete, detail and list. */
import { camsError } from '../errors';
import { scheduleAudit } from '../events';
import {
	newTemplateCode,
	templateDetail,
	templateSummary,
	type AuditStatus,
	type TemplateRecord,
} from '../templateModel';
import {
	paginate,
	parsePage,
	requireChannel,
	type ActionContext,
	type ActionTable,
} from './context';
import { CATEGORIES, checkDefinition, checkTtl, LANGUAGES } from './templateRules';

const TEMPLATE_TYPES = ['WHATSAPP', 'VIBER'];
const AUDIT_STATUSES: AuditStatus[] = ['pass', 'fail', 'auditing', 'unaudit'];

function checkTemplateType(value: string | undefined): 'WHATSAPP' | 'VIBER' | undefined {
	if (value === undefined || value === '') return undefined;
	if (!TEMPLATE_TYPES.includes(value))
		throw camsError(
			'InvalidParameter.TemplateTypeNotSupport',
			`TemplateType "${value}" is not supported; use WHATSAPP or VIBER.`,
		);
	return value as 'WHATSAPP' | 'VIBER';
}

function checkLanguage(language: string): void {
	if (!LANGUAGES.has(language))
		throw camsError(
			'InvalidParameter.LanguageNotSupport',
			`Language "${language}" is not supported (use codes like en_US, es, pt_BR).`,
		);
}

/** Templates matching TemplateCode or TemplateName (and the optional filters). */
function findTemplates(
	ctx: ActionContext,
	options: { language?: string; notFound: string },
): TemplateRecord[] {
	const {
		TemplateCode: code,
		TemplateName: name,
		CustSpaceId: custSpaceId,
		TemplateType: type,
	} = ctx.params;
	if (!code && !name)
		throw camsError(
			'InvalidParameter.TemplateCodeNotEmpty',
			'TemplateCode or TemplateName is mandatory.',
		);
	if (custSpaceId) requireChannel(ctx, custSpaceId);
	checkTemplateType(type);
	const found = ctx.state.templates.filter(
		(template) =>
			(code ? template.code === code : template.name === name) &&
			(!custSpaceId || template.custSpaceId === custSpaceId) &&
			(!type || template.templateType === type) &&
			(!options.language || template.language === options.language),
	);
	if (found.length === 0) {
		throw camsError(
			options.notFound,
			`The template ${code ?? name}${options.language ? ` (${options.language})` : ''} does not exist.`,
			400,
		);
	}
	return found;
}

function createTemplate(ctx: ActionContext) {
	const { params } = ctx;
	const channel = requireChannel(ctx, params.CustSpaceId);
	const templateType = checkTemplateType(params.TemplateType) as 'WHATSAPP' | 'VIBER';
	if (templateType !== channel.channelType) {
		throw camsError(
			'InvalidParameter.TemplateTypeNotSupport',
			`Channel ${channel.custSpaceId} is a ${channel.channelType} channel; TemplateType ${templateType} is not allowed.`,
		);
	}
	if (!/^[a-z0-9_]{1,512}$/.test(params.Name)) {
		throw camsError(
			'InvalidParameter',
			`Name "${params.Name}" may contain only lower-case letters, digits and underscores.`,
		);
	}
	checkLanguage(params.Language);
	if (!CATEGORIES.includes(params.Category))
		throw camsError(
			'InvalidParameter',
			`Category "${params.Category}" is not supported; use ${CATEGORIES.join(', ')}.`,
		);
	const same = ctx.state.templates.filter(
		(template) => template.custSpaceId === channel.custSpaceId && template.name === params.Name,
	);
	if (same.some((template) => template.language === params.Language)) {
		throw camsError(
			'InvalidParameter.TemplateNameExist',
			`A template named ${params.Name} already exists in ${params.Language}.`,
		);
	}
	const definition = checkDefinition({
		templateType,
		category: params.Category,
		components: params.Components,
		example: params.Example,
	});
	const template: TemplateRecord = {
		code: same[0]?.code ?? newTemplateCode(),
		name: params.Name,
		language: params.Language,
		category: params.Category,
		auditStatus: 'auditing',
		reason: '',
		templateType,
		custSpaceId: channel.custSpaceId,
		...definition,
		qualityScore: 'UNKNOWN',
		lastUpdateTime: ctx.now(),
		messageSendTtlSeconds: checkTtl(params.MessageSendTtlSeconds, params.Category),
	};
	ctx.state.templates.push(template);
	scheduleAudit(ctx, template);
	return { Data: { TemplateCode: template.code, TemplateName: template.name } };
}

function modifyTemplate(ctx: ActionContext) {
	const { params } = ctx;
	if (params.TemplateType && params.TemplateType !== 'WHATSAPP') {
		throw camsError(
			'InvalidParameter.TemplateTypeNotSupport',
			'ModifyChatappTemplate only supports WHATSAPP templates.',
		);
	}
	const [template] = findTemplates(ctx, {
		language: params.Language,
		notFound: 'DetailError.TemplateNotExist',
	});
	if (template.auditStatus !== 'fail' && template.auditStatus !== 'unaudit') {
		throw camsError(
			'InvalidParameter',
			`Only rejected (fail) or unaudited templates can be modified; ${template.name} (${template.language}) is ${template.auditStatus}.`,
		);
	}
	if (params.Category && params.Category !== template.category)
		throw camsError('InvalidParameter', 'The Category of a template cannot be changed.');
	const definition = checkDefinition({
		templateType: template.templateType,
		category: template.category,
		components: params.Components,
		example: params.Example,
	});
	Object.assign(template, definition, {
		auditStatus: 'auditing',
		reason: '',
		lastUpdateTime: ctx.now(),
	});
	const ttl = checkTtl(params.MessageSendTtlSeconds, template.category);
	if (ttl !== undefined) template.messageSendTtlSeconds = ttl;
	scheduleAudit(ctx, template);
	return { Data: { TemplateCode: template.code, TemplateName: template.name } };
}

function deleteTemplate(ctx: ActionContext) {
	const doomed = findTemplates(ctx, {
		language: ctx.params.Language || undefined,
		notFound: 'DelError.TemplateNotExist',
	});
	ctx.state.templates = ctx.state.templates.filter((template) => !doomed.includes(template));
	return { Success: true };
}

function templateDetailAction(ctx: ActionContext) {
	const [template] = findTemplates(ctx, {
		language: ctx.params.Language,
		notFound: 'DetailError.TemplateNotExist',
	});
	return { Data: templateDetail(template) };
}

function listTemplates(ctx: ActionContext) {
	const { params } = ctx;
	if (params.CustSpaceId) requireChannel(ctx, params.CustSpaceId);
	const type = checkTemplateType(params.TemplateType);
	if (params.AuditStatus && !AUDIT_STATUSES.includes(params.AuditStatus as AuditStatus)) {
		throw camsError(
			'InvalidParameter.AuditStatusNotSupport',
			`AuditStatus "${params.AuditStatus}" is not supported; use ${AUDIT_STATUSES.join(', ')}.`,
		);
	}
	const { index, size } = parsePage(params.Page, 10, ctx.config.pageSizeCap);
	const name = params.Name?.toLowerCase();
	const matches = ctx.state.templates
		.filter(
			(template) =>
				(!params.CustSpaceId || template.custSpaceId === params.CustSpaceId) &&
				(!type || template.templateType === type) &&
				(!params.AuditStatus || template.auditStatus === params.AuditStatus) &&
				(!params.Language || template.language === params.Language) &&
				(!params.Category || template.category === params.Category) &&
				(!params.Code || template.code === params.Code) &&
				(!name || template.name.toLowerCase().includes(name)),
		)
		.sort(
			(a, b) =>
				b.lastUpdateTime - a.lastUpdateTime || (a.code + a.language < b.code + b.language ? -1 : 1),
		);
	return {
		Success: true,
		Total: matches.length,
		ListTemplate: paginate(matches, index, size).map(templateSummary),
	};
}

export const templateActions: ActionTable = {
	CreateChatappTemplate: {
		required: ['TemplateType', 'Name', 'Language', 'Category', 'Components'],
		run: createTemplate,
	},
	ModifyChatappTemplate: { required: ['Language', 'Components'], run: modifyTemplate },
	DeleteChatappTemplate: { run: deleteTemplate },
	GetChatappTemplateDetail: { required: ['Language'], run: templateDetailAction },
	ListChatappTemplate: { run: listTemplates },
};
