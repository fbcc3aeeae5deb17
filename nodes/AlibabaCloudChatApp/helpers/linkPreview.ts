/**
 * Whether a request comes from a link-preview fetcher rather than a person. Chat apps fetch a
 * link as soon as it is shown (WhatsApp, Facebook/Instagram, Viber, Telegram, Slack…), and n8n does
 * not filter those on its waiting webhooks, so an Approve link would approve itself. In-app
 * browsers of the same apps send a browser user agent ("Mozilla/5.0 … Instagram …") and are
 * not matched. Pure.
 */
const PREVIEW_AGENTS =
	/bot\b|bot\/|crawler|spider|facebookexternalhit|facebookcatalog|meta-externalagent|embedly|preview|^whatsapp\/|^viber|skypeuripreview/i;

export function isLinkPreview(userAgent: string | undefined): boolean {
	if (!userAgent) return false;
	return PREVIEW_AGENTS.test(userAgent.trim());
}
