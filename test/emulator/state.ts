/** Mutable emulator state: channels, senders and their webhooks, templates, history, records. */
import { SEED_CHANNELS, SEED_SENDERS, type ChannelSeed, type SenderSeed } from './seed';
import { seedTemplates } from './seedTemplates';
import type { TemplateRecord } from './templateModel';
import type { CallRecord, SendRecord } from './types';

export interface Webhooks {
	statusCallbackUrl?: string;
	upCallbackUrl?: string;
	httpFlag: 'Y' | 'N';
	queueFlag: 'Y' | 'N';
}

export interface Channel extends ChannelSeed {
	/** UpdateAccountWebhook: ChatAppAudit goes here. */
	account: Webhooks;
}

export interface Sender extends SenderSeed {
	webhooks: Webhooks;
}

/** One row of ListChatappMessage. */
export interface MessageRecord {
	messageId: string;
	custSpaceId: string;
	channelType: string;
	businessNumber: string;
	userNumber: string;
	eventAction: 'UP' | 'DOWN';
	sendTime: number;
	type: 'template' | 'message';
	messageType: string;
	message: string;
	templateCode?: string;
	templateName?: string;
	language?: string;
	status: string;
	failReason?: string;
	groupMessageId?: string;
	taskId?: string;
}

export interface StoredFile {
	data: Buffer;
	mimeType: string;
	filename?: string;
}

export interface Counters {
	accepted: Record<string, number>;
	rejected: Record<string, number>;
	throttled: Record<string, number>;
	serverErrors: Record<string, number>;
	resets: Record<string, number>;
}

const noWebhooks = (): Webhooks => ({ httpFlag: 'Y', queueFlag: 'N' });

export class EmulatorState {
	channels = new Map<string, Channel>();
	senders = new Map<string, Sender>();
	templates: TemplateRecord[] = [];
	messages: MessageRecord[] = [];
	/** `business|user` -> emulator time of the user's last inbound message. */
	sessions = new Map<string, number>();
	media = new Map<string, StoredFile>();
	/** `bucket/key` -> uploaded object. */
	objects = new Map<string, StoredFile & { etag: string }>();
	calls: CallRecord[] = [];
	sends: SendRecord[] = [];
	sendKeys = new Set<string>();
	duplicates = 0;
	counters: Counters = { accepted: {}, rejected: {}, throttled: {}, serverErrors: {}, resets: {} };

	constructor() {
		this.reset();
	}

	reset(): void {
		this.channels = new Map(
			Object.values(SEED_CHANNELS).map((seed) => [
				seed.custSpaceId,
				{ ...seed, account: noWebhooks() } as Channel,
			]),
		);
		this.senders = new Map(
			SEED_SENDERS.map((seed) => [seed.id, { ...seed, webhooks: noWebhooks() }]),
		);
		this.templates = seedTemplates();
		this.messages = [];
		this.sessions.clear();
		this.media.clear();
		this.objects.clear();
		this.calls = [];
		this.sends = [];
		this.sendKeys.clear();
		this.duplicates = 0;
		this.counters = { accepted: {}, rejected: {}, throttled: {}, serverErrors: {}, resets: {} };
	}

	count(bucket: keyof Counters, action: string | undefined): void {
		const name = action ?? '(none)';
		this.counters[bucket][name] = (this.counters[bucket][name] ?? 0) + 1;
	}

	/** Records an accepted send; returns whether it repeats an earlier one. */
	recordSend(record: Omit<SendRecord, 'duplicate'>): SendRecord {
		const duplicate = this.sendKeys.has(record.key);
		if (duplicate) this.duplicates++;
		else this.sendKeys.add(record.key);
		const full = { ...record, duplicate };
		this.sends.push(full);
		return full;
	}

	findMessage(messageId: string): MessageRecord | undefined {
		for (let i = this.messages.length - 1; i >= 0; i--) {
			if (this.messages[i].messageId === messageId) return this.messages[i];
		}
		return undefined;
	}
}

/** The duplicate key of a send: From, To, template code (or name+language) or Content, TaskId. */
export function sendKey(parts: {
	from: string;
	to: string;
	template?: string;
	content?: string;
	taskId?: string;
}): string {
	return JSON.stringify([
		parts.from,
		parts.to,
		parts.template ?? parts.content ?? '',
		parts.taskId ?? '',
	]);
}
