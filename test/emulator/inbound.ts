/** Inbound (MO) message injection: opens the 24-hour window and pushes ChatAppInbound (cams-api.md §4.4). */
import { randomBytes } from 'node:crypto';

import type { EventContext } from './events';
import { queueFor } from './mns/delivery';
import type { PushTarget } from './pushes';
import type { StoredFile } from './state';
import type { InboundInput, InboundType } from './types';

const SAMPLES: Record<string, StoredFile> = {
	IMAGE: {
		mimeType: 'image/png',
		filename: 'photo.png',
		data: Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
			'base64',
		),
	},
	VIDEO: {
		mimeType: 'video/mp4',
		filename: 'clip.mp4',
		data: Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
	},
	AUDIO: {
		mimeType: 'audio/ogg',
		filename: 'voice.ogg',
		data: Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]),
	},
	DOCUMENT: {
		mimeType: 'application/pdf',
		filename: 'document.pdf',
		data: Buffer.from(
			'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
		),
	},
};

const MEDIA_TYPES = new Set(['IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT']);

export const newInboundId = (): string => `wamid.${randomBytes(12).toString('hex')}`;

function storeMedia(
	ctx: EventContext,
	type: string,
	input: InboundInput,
): { id: string; file: StoredFile } {
	const sample = SAMPLES[type];
	const given = input.media;
	const file: StoredFile = given
		? {
				data: Buffer.isBuffer(given.data) ? given.data : Buffer.from(given.data, 'base64'),
				mimeType: given.mimeType ?? sample.mimeType,
				filename: given.filename ?? sample.filename,
			}
		: { ...sample };
	const id = randomBytes(8).toString('hex');
	ctx.state.media.set(id, file);
	return { id, file };
}

function messageObject(
	ctx: EventContext,
	baseUrl: string,
	type: InboundType,
	input: InboundInput,
): unknown {
	if (input.message !== undefined) return input.message;
	if (MEDIA_TYPES.has(type)) {
		const { id, file } = storeMedia(ctx, type, input);
		const media: Record<string, unknown> = {
			id,
			mimeType: file.mimeType,
			url: `${baseUrl}/__media/${id}`,
		};
		if (type === 'IMAGE') return input.text ? { ...media, caption: input.text } : media;
		if (type === 'DOCUMENT') return { ...media, filename: file.filename, name: file.filename };
		return { ...media, name: file.filename };
	}
	switch (type) {
		case 'LOCATION':
			return {
				address: '1 Emulator Road, Singapore',
				latitude: 1.2834,
				longitude: 103.8607,
				name: input.text ?? 'Emulator Shop',
			};
		case 'CONTACTS':
			return [
				{
					name: { formatted_name: input.text ?? 'Jane Doe', first_name: 'Jane', last_name: 'Doe' },
					phones: [{ phone: '+6590000001', wa_id: '6590000001', type: 'CELL' }],
				},
			];
		case 'REPLY':
			return { text: input.text ?? 'Yes', payload: input.payload ?? 'yes_payload' };
		case 'SYSTEM':
			return {
				body: input.text ?? `User ${input.from} changed their phone number`,
				type: 'user_changed_number',
			};
		default:
			return { text: input.text ?? '' };
	}
}

function inboundTarget(ctx: EventContext, to: string): PushTarget {
	const sender = ctx.state.senders.get(to);
	if (!sender) return { skipped: `unknown receiver ${to}` };
	const queue = queueFor(sender.webhooks, 'ChatAppInbound');
	if (sender.webhooks.httpFlag === 'N') return { skipped: 'HttpFlag is N', queue };
	return sender.webhooks.upCallbackUrl
		? { url: sender.webhooks.upCallbackUrl, queue }
		: { skipped: 'no UpCallbackUrl configured', queue };
}

/** Injects one user message; returns the ChatAppInbound event that is pushed. */
export function injectInbound(
	ctx: EventContext,
	baseUrl: string,
	input: InboundInput,
): Record<string, unknown> {
	const sender = ctx.state.senders.get(String(input.to));
	if (!sender) throw new Error(`Unknown business number / sender "${input.to}"`);
	if (!/^\d{6,15}$/.test(String(input.from)) && sender.channelType !== 'messenger') {
		throw new Error(`Inbound "from" must be the user's number in digits, got "${input.from}"`);
	}
	const type = (input.type ?? 'TEXT').toUpperCase() as InboundType;
	const timestamp = input.timestamp ?? ctx.now();
	const object = type === 'TEXT' ? undefined : messageObject(ctx, baseUrl, type, input);
	const asObject = input.messageAsObject ?? ctx.config.inboundMessageAsObject;
	const message =
		type === 'TEXT' ? (input.text ?? 'Hello') : asObject ? object : JSON.stringify(object);
	const event: Record<string, unknown> = {
		MessageId: input.messageId ?? newInboundId(),
		CustSpaceId: sender.custSpaceId,
		WabaId: ctx.state.channels.get(sender.custSpaceId)?.wabaId ?? '',
		From: input.from,
		To: sender.id,
		Timestamp: timestamp,
		DisplayName: sender.verifiedName,
		Name: input.name ?? 'Emulator User',
		Type: type,
		Message: message,
		NoticeType: 'inbound',
	};
	if (type !== 'SYSTEM') ctx.state.sessions.set(`${sender.id}|${input.from}`, timestamp);
	ctx.state.messages.push({
		messageId: String(event.MessageId),
		custSpaceId: sender.custSpaceId,
		channelType: sender.channelType.toUpperCase(),
		businessNumber: sender.id,
		userNumber: input.from,
		eventAction: 'UP',
		sendTime: timestamp,
		type: 'message',
		messageType: type,
		message: typeof message === 'string' ? message : JSON.stringify(message),
		status: 'Received',
	});
	ctx.pushes.enqueue('ChatAppInbound', inboundTarget(ctx, sender.id), event);
	return event;
}
