/** Direct access to callback URLs (control API), besides UpdatePhoneWebhook / UpdateAccountWebhook. */
import type { EmulatorState, Webhooks } from './state';

export type WebhookFields = Partial<
	Pick<Webhooks, 'statusCallbackUrl' | 'upCallbackUrl' | 'httpFlag' | 'queueFlag'>
>;

export interface WebhookPatch {
	/** Per sender: WhatsApp number, Viber service ID or Messenger page ID. `null` clears a URL. */
	senders?: Record<
		string,
		WebhookFields | { statusCallbackUrl?: string | null; upCallbackUrl?: string | null }
	>;
	/** Per channel (CustSpaceId): the account StatusCallbackUrl that receives ChatAppAudit. */
	accounts?: Record<
		string,
		Omit<WebhookFields, 'upCallbackUrl'> | { statusCallbackUrl?: string | null }
	>;
}

function apply(target: Webhooks, fields: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(fields)) {
		if (!['statusCallbackUrl', 'upCallbackUrl', 'httpFlag', 'queueFlag'].includes(key)) continue;
		(target as unknown as Record<string, unknown>)[key] = value === null ? undefined : value;
	}
}

export function applyWebhooks(state: EmulatorState, patch: WebhookPatch): void {
	for (const [id, fields] of Object.entries(patch.senders ?? {})) {
		const sender = state.senders.get(id);
		if (!sender) throw new Error(`Unknown sender ${id}`);
		apply(sender.webhooks, fields);
	}
	for (const [custSpaceId, fields] of Object.entries(patch.accounts ?? {})) {
		const channel = state.channels.get(custSpaceId);
		if (!channel) throw new Error(`Unknown channel ${custSpaceId}`);
		const { upCallbackUrl: _ignored, ...rest } = fields as Record<string, unknown>;
		apply(channel.account, rest);
	}
}

export function webhookSnapshot(state: EmulatorState) {
	return {
		senders: Object.fromEntries(
			[...state.senders.values()].map((sender) => [sender.id, { ...sender.webhooks }]),
		),
		accounts: Object.fromEntries(
			[...state.channels.values()].map((channel) => [channel.custSpaceId, { ...channel.account }]),
		),
	};
}
