import { classifyEvent } from '../../../../nodes/AlibabaCloudChatApp/notifications/classify';
import {
	decodeInboundMessage,
	readTimestamp,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/decode';
import { normaliseEvent } from '../../../../nodes/AlibabaCloudChatApp/notifications/normalise';
import type { RawEvent } from '../../../../nodes/AlibabaCloudChatApp/notifications/types';
import { fixture, fixtureNames } from './fixtures';

const normalise = (event: RawEvent) => normaliseEvent(event, classifyEvent(event));
const first = (name: string) => normalise(fixture(name)[0]);

const CORE_KEYS = [
	'event',
	'receiptType',
	'channelType',
	'channelId',
	'wabaId',
	'from',
	'to',
	'businessNumber',
	'customer',
	'messageId',
	'status',
	'timestamp',
	'timestampIso',
	'errorCode',
	'errorDescription',
	'templateCode',
	'language',
	'auditStatus',
	'messageType',
	'taskId',
];

describe('normaliseEvent', () => {
	it.each(fixtureNames())(
		'gives every event of %s the core keys, keeps the original under raw (last)',
		(name) => {
			for (const event of fixture(name)) {
				const item = normalise(event);
				for (const key of CORE_KEYS) expect(item).toHaveProperty(key);
				expect(item.raw).toBe(event);
				expect(Object.keys(item).pop()).toBe('raw');
			}
		},
	);

	it('normalises a failed template status report with its error', () => {
		expect(first('status-doc-example')).toMatchObject({
			event: 'messageStatus',
			receiptType: 'ChatAppStatus',
			channelType: null,
			channelId: null,
			from: '6591234567',
			to: '8613800000000',
			businessNumber: '6591234567',
			customer: '8613800000000',
			messageId: '2023078469463703000000003',
			status: 'Failed',
			timestamp: 1691043638000,
			timestampIso: '2023-08-03T06:20:38.000Z',
			errorCode: '131026',
			errorDescription:
				'131026:Receiver is incapable of receiving this message(Message Undeliverable.)',
			templateCode: '820561547132813184',
			templateName: 'order_shipped',
			language: 'en',
			messageType: 'TEMPLATE',
			frameType: 'template',
			taskId: 'order-42',
			originPhoneNumber: '6591234567',
		});
	});

	it('normalises message-frame statuses: conversation fields, "+" stripped, Type upper-cased', () => {
		const [sent, , read, deleted] = fixture('status-message-frame').map(normalise);
		expect(sent).toMatchObject({
			from: '6591234567',
			status: 'Sent',
			frameType: 'message',
			messageType: 'INTERACTIVE',
			conversationId: '72222201111xxxx',
			conversationType: 'service',
		});
		expect(read).toMatchObject({ status: 'Read', statusDescription: null, errorCode: null });
		expect(deleted).toMatchObject({ status: 'Deleted', messageType: 'IMAGE' });
	});

	it('recognises Viber by its subscribe/unsubscribe statuses', () => {
		expect(fixture('status-viber').map((event) => normalise(event).channelType)).toEqual([
			'viber',
			'viber',
		]);
	});

	it('normalises a text message: plain text, channel, both numbers without "+"', () => {
		expect(first('inbound-text')).toMatchObject({
			event: 'inboundMessage',
			receiptType: 'ChatAppInbound',
			channelType: 'whatsapp',
			channelId: 'cams-8c8a1b2c',
			wabaId: '9527186300000',
			from: '8613800000000',
			to: '6591234567',
			businessNumber: '6591234567',
			customer: '8613800000000',
			messageId: 'wamid-text-1',
			messageType: 'TEXT',
			text: 'hello {"not":"json"}',
			message: { text: 'hello {"not":"json"}' },
			media: null,
			profileName: 'Jack',
			displayName: 'Shop SG',
			timestamp: 1662104191973,
		});
	});

	it.each([
		[
			'inbound-image',
			{ id: 'img-1', mimeType: 'image/jpeg', fileName: null, caption: 'my order' },
			'my order',
		],
		[
			'inbound-video',
			{ id: 'vid-1', mimeType: 'video/mp4', fileName: 'clip.mp4', caption: null },
			null,
		],
		[
			'inbound-audio',
			{ id: 'aud-1', mimeType: 'audio/ogg', fileName: 'voice.ogg', caption: null },
			null,
		],
		[
			'inbound-document',
			{ id: 'doc-1', mimeType: 'application/pdf', fileName: 'invoice.pdf', caption: null },
			null,
		],
		[
			'inbound-message-object',
			{ id: 'img-2', mimeType: 'image/png', fileName: null, caption: null },
			null,
		],
	])('decodes the media of %s', (name, media, caption) => {
		const item = first(name);
		expect(item.media).toMatchObject(media);
		expect((item.media as { url: string }).url).toMatch(/^https:\/\/cams-media\.oss/);
		expect(item.text).toBe(caption);
	});

	it('decodes location, contacts (an array), reply and system messages', () => {
		expect(first('inbound-location').message).toEqual({
			address: '1 Raffles Place',
			latitude: 1.2834,
			longitude: 103.8607,
			name: 'Shop',
		});
		expect(first('inbound-contacts').message).toEqual([
			{
				name: { formatted_name: 'Jane Doe', first_name: 'Jane' },
				phones: [{ phone: '+6590000001', wa_id: '6590000001', type: 'CELL' }],
			},
		]);
		expect(first('inbound-reply')).toMatchObject({
			messageType: 'REPLY',
			text: 'Track',
			payload: 'track_A123',
		});
		expect(first('inbound-system')).toMatchObject({
			messageType: 'SYSTEM',
			text: 'User changed their number',
		});
	});

	it('passes an undocumented inbound type through, decoded', () => {
		expect(first('inbound-unknown-type')).toMatchObject({
			messageType: 'REACTION',
			message: { emoji: '👍', message_id: 'wamid-text-1' },
		});
	});

	it('keeps a Message that is not valid JSON as text, and reads a seconds string time', () => {
		expect(first('inbound-malformed-message')).toMatchObject({
			message: { text: '{"address": "cut off' },
			timestamp: 1662104191000,
		});
	});

	it('reads "Timestamp " with a trailing space', () => {
		expect(first('inbound-timestamp-space')).toMatchObject({
			timestamp: 1662104191973,
			timestampIso: '2022-09-02T07:36:31.973Z',
		});
	});

	it('normalises audits V1 and V2', () => {
		expect(first('audit-v1')).toMatchObject({
			event: 'templateReview',
			receiptType: 'ChatAppAudit',
			channelType: 'whatsapp',
			wabaId: '9099999990xxxx',
			templateCode: '744c4b5c79c9432497a075bdfca3xxxx',
			language: 'en_US',
			auditStatus: 'pass',
			reason: null,
			auditType: null,
			timestamp: null,
			timestampIso: null,
		});
		const [template, name, quality] = fixture('audit-v2').map(normalise);
		expect(template).toMatchObject({
			event: 'templateReview',
			auditType: 'template',
			auditStatus: 'fail',
			reason: 'TAG_CONTENT_MISMATCH',
			language: 'zh_CN',
		});
		expect(name).toMatchObject({
			event: 'phoneNameUpdate',
			businessNumber: '6591234567',
			status: 'APPROVED',
			templateCode: null,
		});
		expect(quality).toMatchObject({
			event: 'phoneQualityUpdate',
			status: 'YELLOW',
			currentLimit: 'TIER_1K',
		});
	});

	it('never throws on odd values, whatever the shape', () => {
		const odd = [
			null,
			0,
			-1,
			NaN,
			true,
			'',
			' ',
			'{',
			'[1,',
			[],
			{},
			[null],
			{ a: { b: [] } },
			'9'.repeat(400),
		];
		const keys = [
			'MessageId',
			'Status',
			'Message',
			'Type',
			'From',
			'To',
			'Timestamp',
			'Timestamp ',
			'CustSpaceId',
			'TemplateCode',
			'AuditStatus',
			'WabaId',
			'ChannelType',
		];
		for (const value of odd) {
			for (const type of ['TEXT', 'IMAGE', 'CONTACTS', 'phoneQualityUpdate', 42, null]) {
				const event = Object.fromEntries(keys.map((key) => [key, value])) as RawEvent;
				event.Type = type;
				expect(() => normalise(event)).not.toThrow();
				expect(() =>
					normalise({ MessageId: 'm', Type: type, Message: value } as RawEvent),
				).not.toThrow();
			}
		}
	});
});

describe('readTimestamp', () => {
	it.each([
		[{ Timestamp: 1691043638000 }, 1691043638000],
		[{ Timestamp: '1691043638000' }, 1691043638000],
		[{ Timestamp: 1691043638 }, 1691043638000],
		[{ Timestamp: 1691043638.5 }, 1691043638500],
		[{ 'Timestamp ': 1691043638000 }, 1691043638000],
		[{ timestamp: 1691043638000 }, 1691043638000],
		[{ Timestamp: '2023-08-03T06:20:38Z' }, 1691043638000],
		[{ Timestamp: 'yesterday' }, null],
		[{ Timestamp: 0 }, null],
		[{ Timestamp: -5 }, null],
		[{ Timestamp: 1e20 }, null],
		[{ Timestamp: null }, null],
		[{ Timestamp: { ms: 1 } }, null],
		[{}, null],
	])('reads %j as %s', (event, expected) => {
		expect(readTimestamp(event as RawEvent)).toBe(expected);
	});
});

describe('decodeInboundMessage', () => {
	it('returns objects as they are, parses JSON strings for non-TEXT types, keeps TEXT as text', () => {
		expect(decodeInboundMessage('IMAGE', { id: '1' })).toEqual({ id: '1' });
		expect(decodeInboundMessage('IMAGE', '{"id":"1"}')).toEqual({ id: '1' });
		expect(decodeInboundMessage('TEXT', '{"id":"1"}')).toEqual({ text: '{"id":"1"}' });
		expect(decodeInboundMessage('REPLY', 'plain')).toEqual({ text: 'plain' });
		expect(decodeInboundMessage('IMAGE', '"a string in JSON"')).toEqual({
			text: '"a string in JSON"',
		});
		expect(decodeInboundMessage('IMAGE', 7)).toEqual({ text: '7' });
		expect(decodeInboundMessage('IMAGE', null)).toBeNull();
		expect(decodeInboundMessage('IMAGE', undefined)).toBeNull();
	});
});
