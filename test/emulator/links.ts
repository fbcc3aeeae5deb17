/**
 * The links in accepted sends, as the recipient would see them, so a test can "tap" one: URLs in
 * a message's Content (text, CTA URL buttons, Viber buttons) and, for a template, its URL buttons
 * with the variable suffix filled from TemplateParams. Computed from the send records; no state.
 */
import type { TemplateRecord } from './templateModel';
import type { SendRecord } from './types';

export interface LinkRecord {
	messageId: string;
	to: string;
	channelType: string;
	type: 'template' | 'message';
	/** Button text, or the "Label:" in front of a link in a text; '' when there is none. */
	label: string;
	url: string;
	at: number;
}

const URL_PATTERN = /https?:\/\/[^\s"'<>]+/g;

/** "Approve" from a text line like `*Approve:*` or `Approve: https://…`. */
function labelBefore(text: string, index: number): string {
	const before = text.slice(0, index).replace(/[\s*_]+$/, '');
	const line = before.slice(before.lastIndexOf('\n') + 1);
	return line.replace(/[*_]/g, '').replace(/:\s*$/, '').trim();
}

function textLinks(text: string): Array<{ label: string; url: string }> {
	return [...text.matchAll(URL_PATTERN)].map((match) => ({
		label: labelBefore(text, match.index ?? 0),
		// WhatsApp's *bold* / _italic_ marks and sentence punctuation are not part of the link
		url: match[0].replace(/[*_.,;:!?)]+$/, ''),
	}));
}

function contentLinks(content: unknown): Array<{ label: string; url: string }> {
	if (typeof content === 'string') return textLinks(content);
	if (Array.isArray(content)) return content.flatMap(contentLinks);
	if (!content || typeof content !== 'object') return [];
	const object = content as Record<string, unknown>;
	// WhatsApp CTA URL: {display_text, url}; Viber button: {caption, action}.
	if (typeof object.url === 'string' && typeof object.display_text === 'string')
		return [{ label: object.display_text, url: object.url }];
	const own =
		typeof object.action === 'string' && /^https?:\/\//.test(object.action)
			? [{ label: String(object.caption ?? ''), url: object.action }]
			: [];
	const rest = Object.entries(object)
		.filter(([key]) => !(own.length > 0 && key === 'action'))
		.flatMap(([, value]) => contentLinks(value));
	return [...own, ...rest];
}

function templateLinks(
	template: TemplateRecord,
	params: Record<string, string>,
): Array<{ label: string; url: string }> {
	const fill = (text: string) =>
		text.replace(/\$\(([A-Za-z0-9_]+)\)/g, (_, name: string) => params[name] ?? '');
	const buttons = template.components
		.filter((component) => component.Type === 'BUTTONS')
		.flatMap((component) => (component.Buttons as Array<Record<string, unknown>>) ?? []);
	const body = template.components.find((component) => component.Type === 'BODY')?.Text;
	return [
		...textLinks(fill(String(body ?? ''))),
		...buttons
			.filter((button) => button.Type === 'URL')
			.map((button) => ({ label: String(button.Text ?? ''), url: fill(String(button.Url)) })),
	];
}

/** Every link of the given accepted sends, in send order. */
export function linksOf(sends: SendRecord[], templates: TemplateRecord[]): LinkRecord[] {
	return sends.flatMap((send) => {
		let found: Array<{ label: string; url: string }> = [];
		if (send.type === 'template') {
			const template = templates.find(
				(entry) =>
					entry.custSpaceId === send.custSpaceId &&
					entry.language === send.language &&
					entry.code === send.templateCode,
			);
			found = template ? templateLinks(template, send.templateParams ?? {}) : [];
		} else {
			let content: unknown = send.content ?? '';
			try {
				content = JSON.parse(String(send.content));
			} catch {
				// a plain string Content stays as it is
			}
			found = contentLinks(content);
		}
		return found.map((link) => ({
			messageId: send.messageId,
			to: send.to,
			channelType: send.channelType,
			type: send.type,
			at: send.at,
			...link,
		}));
	});
}
