/** ModifyChatappTemplateProperties and GetChatappTemplateMetric (the base emulator lacks them). */
import { camsError } from '../errors';
import type { TemplateRecord } from '../templateModel';
import { requireChannel, type ActionContext, type ActionTable } from './context';
import { metricBuckets } from './metrics';

export interface TemplateProperties {
	AllowSend: boolean;
	CategoryChangePaused: boolean;
}

const properties = new WeakMap<TemplateRecord, TemplateProperties>();

/** The flags ModifyChatappTemplateProperties set on a template (defaults when never set). */
export function templateProperties(template: TemplateRecord): TemplateProperties {
	return properties.get(template) ?? { AllowSend: true, CategoryChangePaused: false };
}

function bool(value: string | undefined, name: string): boolean | undefined {
	if (value === undefined) return undefined;
	if (value !== 'true' && value !== 'false')
		throw camsError('InvalidParameter', `${name} must be true or false.`);
	return value === 'true';
}

function findTemplate(ctx: ActionContext): TemplateRecord {
	const {
		CustSpaceId: custSpaceId,
		TemplateCode: code,
		Language: language,
		TemplateType: type,
	} = ctx.params;
	requireChannel(ctx, custSpaceId);
	if (type !== undefined && !['WHATSAPP', 'VIBER'].includes(type))
		throw camsError(
			'InvalidParameter.TemplateTypeNotSupport',
			`TemplateType "${type}" is not supported.`,
		);
	const template = ctx.state.templates.find(
		(entry) =>
			entry.custSpaceId === custSpaceId &&
			entry.code === code &&
			(!language || entry.language === language) &&
			(!type || entry.templateType === type),
	);
	if (!template)
		throw camsError(
			'DetailError.TemplateNotExist',
			`The template ${code}${language ? ` (${language})` : ''} does not exist.`,
			400,
		);
	return template;
}

function modifyProperties(ctx: ActionContext) {
	if (ctx.params.TemplateType !== 'WHATSAPP')
		throw camsError(
			'InvalidParameter.TemplateTypeNotSupport',
			'ModifyChatappTemplateProperties only supports WHATSAPP templates.',
		);
	const allowSend = bool(ctx.params.AllowSend, 'AllowSend');
	const paused = bool(ctx.params.CategoryChangePaused, 'CategoryChangePaused');
	if (allowSend === undefined && paused === undefined)
		throw camsError('InvalidParameter', 'Give AllowSend or CategoryChangePaused.');
	const template = findTemplate(ctx);
	const current = templateProperties(template);
	properties.set(template, {
		AllowSend: allowSend ?? current.AllowSend,
		CategoryChangePaused: paused ?? current.CategoryChangePaused,
	});
	return { Success: true, Model: true };
}

function buttonsOf(
	template: TemplateRecord,
): Array<{ Type: string; ButtonContent: string; Count: number }> {
	const buttons = template.components.find((component) => component.Type === 'BUTTONS')?.Buttons;
	return (Array.isArray(buttons) ? buttons : [])
		.filter((button) => button.Type === 'QUICK_REPLY' || button.Type === 'URL')
		.map((button) => ({
			Type: String(button.Type),
			ButtonContent: String(button.Text ?? ''),
			Count: 0,
		}));
}

function templateMetric(ctx: ActionContext) {
	const template = findTemplate(ctx);
	return {
		Data: metricBuckets(ctx, ['DAILY']).map(({ start, end }) => {
			const sent = ctx.state.messages.filter(
				(message) =>
					message.eventAction === 'DOWN' &&
					message.templateCode === template.code &&
					message.language === template.language &&
					message.sendTime >= start &&
					message.sendTime < end,
			);
			const count = (...statuses: string[]) =>
				sent.filter((message) => statuses.includes(message.status)).length;
			return {
				TemplateCode: template.code,
				Language: template.language,
				Start: start,
				End: end,
				SentCount: sent.length,
				DeliveredCount: count('Delivered', 'Read'),
				ReadCount: count('Read'),
				Cliented: buttonsOf(template),
			};
		}),
	};
}

export const templateAdminActions: ActionTable = {
	ModifyChatappTemplateProperties: {
		required: ['CustSpaceId', 'Language', 'TemplateCode', 'TemplateType'],
		run: modifyProperties,
	},
	GetChatappTemplateMetric: { required: ['End', 'Start', 'TemplateCode'], run: templateMetric },
};
