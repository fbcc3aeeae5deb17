/** Template records as the emulator stores them, and helpers shared by seed and actions. */
import { createHash, randomBytes } from 'node:crypto';

export type AuditStatus = 'pass' | 'fail' | 'auditing' | 'unaudit';

/** One `Components[]` entry, PascalCase like the SDK model (Type, Format, Text, Url, Buttons...). */
export type Component = Record<string, unknown>;
export type Button = Record<string, unknown>;

export interface TemplateRecord {
	code: string;
	name: string;
	language: string;
	category: string;
	auditStatus: AuditStatus;
	reason: string;
	templateType: 'WHATSAPP' | 'VIBER';
	custSpaceId: string;
	components: Component[];
	example: Record<string, string>;
	qualityScore: string;
	/** Epoch ms. */
	lastUpdateTime: number;
	messageSendTtlSeconds?: number;
}

export const VARIABLE_PATTERN = /\$\(([A-Za-z0-9_]+)\)/g;
export const POSITIONAL_PATTERN = /\{\{\s*\d+\s*\}\}/;

export function variablesIn(text: unknown): string[] {
	if (typeof text !== 'string') return [];
	return [...text.matchAll(VARIABLE_PATTERN)].map((match) => match[1]);
}

function buttonStrings(buttons: unknown): unknown[] {
	if (!Array.isArray(buttons)) return [];
	return buttons.flatMap((button: Button) => [button.Url, button.CouponCode]);
}

/** Every `$(var)` of a template, in order of appearance, without repeats. */
export function templateVariables(components: Component[]): string[] {
	const strings: unknown[] = [];
	for (const component of components) {
		strings.push(component.Text, component.Url, ...buttonStrings(component.Buttons));
		for (const card of (component.Cards as Array<{ CardComponents?: Component[] }>) ?? []) {
			for (const inner of card.CardComponents ?? []) {
				strings.push(inner.Text, inner.Url, ...buttonStrings(inner.Buttons));
			}
		}
	}
	return [...new Set(strings.flatMap(variablesIn))];
}

/** Variables that must be a media link (http/https) when sending. */
export function mediaVariables(components: Component[]): string[] {
	return components
		.filter((component) => component.Type === 'HEADER' && component.Format !== 'TEXT')
		.flatMap((component) => variablesIn(component.Url));
}

/** Deterministic 32-hex codes for the seed; random ones for created templates. */
export function seedTemplateCode(name: string): string {
	return createHash('sha256').update(`cams-emulator:${name}`).digest('hex').slice(0, 32);
}

export function newTemplateCode(): string {
	return randomBytes(16).toString('hex');
}

/** The Data object of GetChatappTemplateDetail. */
export function templateDetail(template: TemplateRecord): Record<string, unknown> {
	return {
		TemplateCode: template.code,
		Name: template.name,
		Language: template.language,
		Category: template.category,
		AuditStatus: template.auditStatus,
		Reason: template.reason,
		QualityScore: template.qualityScore,
		TemplateType: template.templateType,
		Components: structuredClone(template.components),
		Example: { ...template.example },
		...(template.messageSendTtlSeconds !== undefined
			? { MessageSendTtlSeconds: template.messageSendTtlSeconds }
			: {}),
	};
}

/** One ListTemplate entry of ListChatappTemplate. */
export function templateSummary(template: TemplateRecord): Record<string, unknown> {
	return {
		TemplateCode: template.code,
		TemplateName: template.name,
		Language: template.language,
		Category: template.category,
		AuditStatus: template.auditStatus,
		Reason: template.reason,
		TemplateType: template.templateType,
		LastUpdateTime: template.lastUpdateTime,
	};
}
