/**
 * Parameter → request mapping of Send Message for every message type of every channel, through
 * the real node and n8n-core's request path, against a server that records the wire request.
 */
import type { INodeParameters } from 'n8n-workflow';

import { MESSAGE_TYPES } from '../../../../../nodes/AlibabaCloudChatApp/content/message';
import { runChatApp } from '../../../../helpers/chatApp';
import {
	startRecordingServer,
	type RecordedRequest,
	type RecordingServer,
} from '../../../../helpers/recordingServer';
import { SEED, sendParameters } from './sendHarness';

const IMG = 'https://cdn.example.com/a.jpg';
const VID = 'https://cdn.example.com/v.mp4';
const THUMB = 'https://cdn.example.com/t.jpg';
const DOC = 'https://cdn.example.com/files/report.pdf';
const VIDEO_FIELDS = { mediaLink: VID, thumbnail: THUMB, fileSize: 4096, duration: 30 };
const BUTTON_FIELDS = { buttonText: 'Shop now', buttonUrl: 'https://shop.example.com' };
const VIDEO_CONTENT = { link: VID, thumbnail: THUMB, fileSize: 4096, duration: 30 };
const BUTTON_CONTENT = { caption: 'Shop now', action: 'https://shop.example.com' };

/** Node fields per channel and message type, and the Content CAMS must receive. */
const CASES: Record<string, Record<string, [INodeParameters, unknown]>> = {
	whatsapp: {
		text: [
			{ text: 'See https://example.com', previewUrl: true },
			{ text: 'See https://example.com', previewUrl: true },
		],
		image: [
			{ mediaSource: 'url', mediaLink: IMG, caption: 'Receipt' },
			{ link: IMG, caption: 'Receipt' },
		],
		video: [
			{ mediaLink: VID, caption: 'Clip' },
			{ link: VID, caption: 'Clip' },
		],
		audio: [
			{ mediaLink: 'https://cdn.example.com/a.ogg' },
			{ link: 'https://cdn.example.com/a.ogg' },
		],
		document: [{ mediaLink: DOC }, { link: DOC, fileName: 'report.pdf' }],
		sticker: [
			{ mediaLink: 'https://cdn.example.com/s.webp' },
			{ link: 'https://cdn.example.com/s.webp' },
		],
		location: [
			{
				latitude: 1.2834,
				longitude: 103.8607,
				locationName: 'Marina Bay',
				locationAddress: '10 Bayfront Ave',
			},
			{ latitude: 1.2834, longitude: 103.8607, name: 'Marina Bay', address: '10 Bayfront Ave' },
		],
		contacts: [
			{
				contactName: 'Alice Lee',
				contactPhones: { phone: [{ phone: '+65 9123 4567', type: 'WORK', waId: '6591234567' }] },
				contactEmails: { email: [{ email: 'alice@example.com', type: 'HOME' }] },
				contactDetails: { company: 'Shop', lastName: 'Lee', website: 'https://shop.example.com' },
			},
			[
				{
					name: { formatted_name: 'Alice Lee', last_name: 'Lee' },
					org: { company: 'Shop' },
					phones: [{ phone: '+65 9123 4567', type: 'WORK', wa_id: '6591234567' }],
					emails: [{ email: 'alice@example.com', type: 'HOME' }],
					urls: [{ url: 'https://shop.example.com' }],
				},
			],
		],
		interactive: [
			{
				interactiveType: 'button',
				interactiveBody: 'Delivered?',
				replyButtons: { button: [{ title: 'Yes', id: 'yes' }, { title: 'No' }] },
			},
			{
				type: 'button',
				body: { text: 'Delivered?' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'yes', title: 'Yes' } },
						{ type: 'reply', reply: { id: 'No', title: 'No' } },
					],
				},
			},
		],
		reaction: [
			{ reactionMessageId: 'wamid.HBgL', emoji: '👍' },
			{ messageId: 'wamid.HBgL', emoji: '👍' },
		],
	},
	viber: {
		text: [{ text: 'Hi' }, { text: 'Hi' }],
		image: [{ mediaLink: IMG }, { link: IMG }],
		video: [VIDEO_FIELDS, VIDEO_CONTENT],
		document: [
			{ mediaLink: DOC, fileName: 'Q3 report.PDF' },
			{ link: DOC, fileName: 'Q3 report.PDF', fileType: 'pdf' },
		],
		text_image: [
			{ text: 'Sale', mediaLink: IMG },
			{ text: 'Sale', link: IMG },
		],
		text_button: [
			{ text: 'Sale', ...BUTTON_FIELDS },
			{ text: 'Sale', ...BUTTON_CONTENT },
		],
		text_image_button: [
			{ text: 'Sale', mediaLink: IMG, ...BUTTON_FIELDS },
			{ text: 'Sale', link: IMG, ...BUTTON_CONTENT },
		],
		text_video: [
			{ text: 'Watch', ...VIDEO_FIELDS },
			{ text: 'Watch', ...VIDEO_CONTENT },
		],
		text_video_button: [
			{ text: 'Watch', ...VIDEO_FIELDS, ...BUTTON_FIELDS },
			{ text: 'Watch', ...VIDEO_CONTENT, ...BUTTON_CONTENT },
		],
	},
	messenger: {
		text: [{ text: 'Hi' }, { text: 'Hi' }],
		image: [{ mediaLink: IMG }, { link: IMG }],
		video: [{ mediaLink: VID }, { link: VID }],
		audio: [
			{ mediaLink: 'https://cdn.example.com/a.mp3' },
			{ link: 'https://cdn.example.com/a.mp3' },
		],
		document: [{ mediaLink: DOC }, { link: DOC }],
		interactive: [
			{
				interactiveJson:
					'{"text": "Pick", "quick_replies": [{"content_type": "text", "title": "Red", "payload": "RED"}]}',
			},
			{ text: 'Pick', quick_replies: [{ content_type: 'text', title: 'Red', payload: 'RED' }] },
		],
	},
	instagram: {
		text: [{ text: 'Hi' }, { text: 'Hi' }],
		image: [{ mediaLink: IMG }, { link: IMG }],
		video: [{ mediaLink: VID }, { link: VID }],
		audio: [
			{ mediaLink: 'https://cdn.example.com/a.mp3' },
			{ link: 'https://cdn.example.com/a.mp3' },
		],
	},
};

/** Query and form-body parameters of a recorded request (Content travels in the query). */
function wireParams(request: RecordedRequest): Record<string, string> {
	const query = new URL(request.url, 'http://x').searchParams;
	const body = new URLSearchParams(request.body.toString('utf8'));
	return Object.fromEntries([...query.entries(), ...body.entries()]);
}

let server: RecordingServer;

beforeAll(async () => {
	server = await startRecordingServer(() => ({
		body: { RequestId: 'req-1', Code: 'OK', Message: 'OK', MessageId: 'msg-1' },
	}));
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => server.reset());

describe('Send Message maps the parameters of every message type of every channel', () => {
	it('covers exactly the types each channel offers', () => {
		for (const [channel, types] of Object.entries(MESSAGE_TYPES))
			expect(Object.keys(CASES[channel]).sort()).toEqual([...types].sort());
	});

	for (const [channelType, cases] of Object.entries(CASES)) {
		for (const [messageType, [fields, content]] of Object.entries(cases)) {
			it(`${channelType} ${messageType}`, async () => {
				const output = await runChatApp(
					server.url,
					sendParameters(channelType, messageType, fields),
				);
				expect(server.requests).toHaveLength(1);
				const request = server.last();
				expect(request.headers['x-acs-action']).toBe('SendChatappMessage');
				const { Content, ...params } = wireParams(request);
				expect(params).toStrictEqual({
					ChannelType: channelType,
					CustSpaceId: SEED[channelType].channelId,
					From: SEED[channelType].from,
					MessageType: messageType,
					To: SEED[channelType].to,
					Type: 'message',
				});
				expect(JSON.parse(Content)).toStrictEqual(content);
				expect(output.map(({ json, pairedItem }) => ({ json, pairedItem }))).toStrictEqual([
					{
						json: {
							MessageId: 'msg-1',
							RequestId: 'req-1',
							To: SEED[channelType].to,
							From: SEED[channelType].from,
							ChannelType: channelType,
							MessageType: messageType,
							TaskId: 'msg-1',
						},
						pairedItem: { item: 0 },
					},
				]);
			});
		}
	}
});

describe('Send Message options and builders', () => {
	it('sends reply-to, task ID and the Viber options, and only on Viber the Viber ones', async () => {
		const options = {
			contextMessageId: 'wamid.ctx',
			taskId: 'order-42',
			label: 'promotion',
			ttl: 3600,
			tag: 'spring',
			trackingData: 'crm-7',
		};
		await runChatApp(server.url, sendParameters('viber', 'text', { text: 'Hi', options }));
		expect(wireParams(server.last())).toMatchObject({
			ContextMessageId: 'wamid.ctx',
			TaskId: 'order-42',
			Label: 'promotion',
			Ttl: '3600',
			Tag: 'spring',
			TrackingData: 'crm-7',
		});
		server.reset();
		const [item] = await runChatApp(
			server.url,
			sendParameters('whatsapp', 'text', { text: 'Hi', options: { taskId: 'order-43', tag: 'x' } }),
		);
		const params = wireParams(server.last());
		expect(params.TaskId).toBe('order-43');
		expect(params).not.toHaveProperty('Tag');
		expect(item.json.TaskId).toBe('order-43');
	});

	it('normalises the phone numbers of WhatsApp and keeps Messenger user IDs as they are', async () => {
		await runChatApp(server.url, {
			...sendParameters('whatsapp', 'text', { text: 'Hi' }),
			to: '+65 8123-4567',
		});
		expect(wireParams(server.last()).To).toBe('6581234567');
		await runChatApp(server.url, {
			...sendParameters('messenger', 'text', { text: 'Hi' }),
			to: 'psid-001',
		});
		expect(wireParams(server.last()).To).toBe('psid-001');
	});

	it('builds a list and a CTA URL message, and passes interactive JSON through', async () => {
		const list = {
			interactiveType: 'list',
			interactiveHeader: 'Slots',
			interactiveBody: 'Pick a slot',
			interactiveFooter: 'Free cancellation',
			listButtonText: 'Choose',
			listRows: {
				row: [
					{ section: 'Mon', title: '9:00', id: 'mon9', description: 'Morning' },
					{ section: 'Tue', title: '10:00', id: 'tue10' },
				],
			},
		};
		await runChatApp(server.url, sendParameters('whatsapp', 'interactive', list));
		expect(JSON.parse(wireParams(server.last()).Content)).toStrictEqual({
			type: 'list',
			header: { type: 'text', text: 'Slots' },
			body: { text: 'Pick a slot' },
			footer: { text: 'Free cancellation' },
			action: {
				button: 'Choose',
				sections: [
					{ title: 'Mon', rows: [{ id: 'mon9', title: '9:00', description: 'Morning' }] },
					{ title: 'Tue', rows: [{ id: 'tue10', title: '10:00' }] },
				],
			},
		});
		await runChatApp(
			server.url,
			sendParameters('whatsapp', 'interactive', {
				interactiveType: 'cta_url',
				interactiveBody: 'Track',
				ctaText: 'Open',
				ctaUrl: 'https://t.example/42',
			}),
		);
		expect(JSON.parse(wireParams(server.last()).Content).action).toStrictEqual({
			name: 'cta_url',
			parameters: { display_text: 'Open', url: 'https://t.example/42' },
		});
		const flow = {
			type: 'flow',
			body: { text: 'Sign up' },
			action: { name: 'flow', parameters: { flow_id: '123' } },
		};
		await runChatApp(
			server.url,
			sendParameters('whatsapp', 'interactive', {
				interactiveType: 'json',
				interactiveJson: '={{ JSON.stringify($json.flow) }}',
			}),
			{
				items: [{ flow }],
			},
		);
		expect(JSON.parse(wireParams(server.last()).Content)).toStrictEqual(flow);
	});

	it('sends contacts given as JSON', async () => {
		const contacts = [
			{ name: { formatted_name: 'Bob', first_name: 'Bob' }, phones: [{ phone: '+1 555 0100' }] },
		];
		await runChatApp(
			server.url,
			sendParameters('whatsapp', 'contacts', {
				contactsInput: 'json',
				contactsJson: JSON.stringify(contacts),
			}),
		);
		expect(JSON.parse(wireParams(server.last()).Content)).toStrictEqual(contacts);
	});

	it('takes the message values from expressions per item', async () => {
		const output = await runChatApp(
			server.url,
			sendParameters('whatsapp', 'text', {
				text: '=Hi {{ $json.name }}',
				to: '={{ $json.phone }}',
			}),
			{
				items: [
					{ name: 'Ann', phone: '+65 8000 0001' },
					{ name: 'Ben', phone: '+65 8000 0002' },
				],
			},
		);
		const sent = server.requests
			.map((request) => wireParams(request))
			.sort((a, b) => a.To.localeCompare(b.To));
		expect(sent.map((params) => [params.To, JSON.parse(params.Content).text])).toEqual([
			['6580000001', 'Hi Ann'],
			['6580000002', 'Hi Ben'],
		]);
		expect(output.map((item) => [item.json.To, item.pairedItem])).toEqual([
			['6580000001', { item: 0 }],
			['6580000002', { item: 1 }],
		]);
	});
});
