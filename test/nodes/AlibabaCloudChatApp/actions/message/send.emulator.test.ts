/**
 * Send Message against the CAMS emulator: signatures are verified there, and each test asserts the
 * exact action and parameters the emulator received (its call records).
 */
import { OSS_BUCKET, startEmulator, type CamsEmulator } from '../../../../emulator';
import { runChatApp, runChatAppError } from '../../../../helpers/chatApp';
import { binaryItem, SEED, sendParameters } from './sendHarness';

let emu: CamsEmulator;
const WA = SEED.whatsapp;

beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => {
	await emu.close();
});
beforeEach(() => {
	emu.reset();
	emu.inbound({ from: WA.to, to: WA.from });
});

/** Business parameters of the emulator's recorded calls, in order. */
function received(action?: string) {
	return emu
		.calls({ action })
		.map((call) => ({ action: call.action, outcome: call.outcome, params: call.params }));
}

function sendCall(params: Record<string, string>) {
	return { action: 'SendChatappMessage', outcome: 'accepted', params };
}

describe('Send Message on the emulator', () => {
	it('sends text with reply-to and task ID, and outputs the message identifiers', async () => {
		const output = await runChatApp(
			emu.url,
			sendParameters('whatsapp', 'text', {
				text: 'Your order shipped',
				options: { contextMessageId: 'wamid.in.1', taskId: 'order-42' },
			}),
		);
		const [call] = emu.calls();
		expect(received()).toStrictEqual([
			sendCall({
				ChannelType: 'whatsapp',
				ContextMessageId: 'wamid.in.1',
				CustSpaceId: WA.channelId,
				Content: '{"text":"Your order shipped"}',
				From: WA.from,
				MessageType: 'text',
				TaskId: 'order-42',
				To: WA.to,
				Type: 'message',
			}),
		]);
		expect(output[0].json).toStrictEqual({
			MessageId: emu.sends()[0].messageId,
			RequestId: call.requestId,
			To: WA.to,
			From: WA.from,
			ChannelType: 'whatsapp',
			MessageType: 'text',
			TaskId: 'order-42',
		});
		expect(call.signatureMethod).toBe('ACS3-HMAC-SHA256');
	});

	it.each([
		[
			'image link',
			'image',
			{ mediaLink: 'https://cdn.example.com/a.jpg', caption: 'Receipt' },
			'{"link":"https://cdn.example.com/a.jpg","caption":"Receipt"}',
		],
		[
			'sticker',
			'sticker',
			{ mediaLink: 'https://cdn.example.com/s.webp' },
			'{"link":"https://cdn.example.com/s.webp"}',
		],
		[
			'location',
			'location',
			{ latitude: 1.28, longitude: 103.86, locationName: 'Shop' },
			'{"latitude":1.28,"longitude":103.86,"name":"Shop"}',
		],
		[
			'contacts',
			'contacts',
			{
				contactName: 'Alice Lee',
				contactPhones: { phone: [{ phone: '+65 9123 4567', type: 'CELL' }] },
			},
			'[{"name":{"formatted_name":"Alice Lee","first_name":"Alice Lee"},"phones":[{"phone":"+65 9123 4567","type":"CELL"}]}]',
		],
		[
			'interactive reply buttons',
			'interactive',
			{ interactiveBody: 'OK?', replyButtons: { button: [{ title: 'Yes' }] } },
			'{"type":"button","body":{"text":"OK?"},"action":{"buttons":[{"type":"reply","reply":{"id":"Yes","title":"Yes"}}]}}',
		],
		[
			'reaction',
			'reaction',
			{ reactionMessageId: 'wamid.in.1', emoji: '🎉' },
			'{"messageId":"wamid.in.1","emoji":"🎉"}',
		],
	])('sends a WhatsApp %s', async (_, messageType, fields, content) => {
		await runChatApp(emu.url, sendParameters('whatsapp', messageType, fields));
		expect(received()).toStrictEqual([
			sendCall({
				ChannelType: 'whatsapp',
				CustSpaceId: WA.channelId,
				Content: content,
				From: WA.from,
				MessageType: messageType,
				To: WA.to,
				Type: 'message',
			}),
		]);
	});

	it('sends a Viber composite message with the Viber options', async () => {
		const viber = SEED.viber;
		await runChatApp(
			emu.url,
			sendParameters('viber', 'text_image_button', {
				text: 'Spring sale',
				mediaLink: 'https://cdn.example.com/sale.jpg',
				buttonText: 'Shop',
				buttonUrl: 'https://shop.example.com',
				options: { label: 'promotion', ttl: 600, tag: 'spring', trackingData: 'crm-1' },
			}),
		);
		expect(received()).toStrictEqual([
			sendCall({
				ChannelType: 'viber',
				Content:
					'{"text":"Spring sale","link":"https://cdn.example.com/sale.jpg","caption":"Shop","action":"https://shop.example.com"}',
				CustSpaceId: viber.channelId,
				From: viber.from,
				Label: 'promotion',
				MessageType: 'text_image_button',
				Tag: 'spring',
				To: viber.to,
				TrackingData: 'crm-1',
				Ttl: '600',
				Type: 'message',
			}),
		]);
	});

	it('sends a Messenger interactive object given as JSON', async () => {
		const messenger = SEED.messenger;
		await runChatApp(
			emu.url,
			sendParameters('messenger', 'interactive', {
				interactiveJson: '{"text":"Pick","quick_replies":[]}',
			}),
		);
		expect(received()).toStrictEqual([
			sendCall({
				ChannelType: 'messenger',
				Content: '{"text":"Pick","quick_replies":[]}',
				CustSpaceId: messenger.channelId,
				From: messenger.from,
				MessageType: 'interactive',
				To: messenger.to,
				Type: 'message',
			}),
		]);
	});
});

describe('Send Message with a binary file', () => {
	const pdf = Buffer.from('%PDF-1.4 emulator test document');

	it('uploads the file (signed OSS PUT), presigns it and sends the presigned link', async () => {
		const output = await runChatApp(
			emu.url,
			sendParameters('whatsapp', 'document', { mediaSource: 'binary', binaryPropertyName: 'data' }),
			{
				items: [binaryItem(pdf, 'Invoice 42.pdf', 'application/pdf')],
			},
		);
		const calls = received();
		expect(calls.map((call) => call.action)).toEqual([
			'GetChatappUploadAuthorization',
			'GeneratePresignedUrl',
			'SendChatappMessage',
		]);
		expect(calls[0].params).toStrictEqual({ CustSpaceId: WA.channelId });
		const filePath = calls[1].params.FilePath;
		expect(filePath).toMatch(new RegExp(`^${WA.channelId}/[0-9a-f-]{36}-Invoice_42\\.pdf$`));
		expect(emu.state.objects.get(`${OSS_BUCKET}/${filePath}`)).toMatchObject({
			data: pdf,
			mimeType: 'application/pdf',
		});
		const content = JSON.parse(calls[2].params.Content);
		expect(content).toStrictEqual({
			link: expect.stringContaining(`/__oss/${OSS_BUCKET}/${filePath}?Expires=`),
			fileName: 'Invoice 42.pdf',
		});
		const download = await fetch(content.link);
		expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
		expect(output[0].json.MessageType).toBe('document');
	});

	it('uses the object link without presigning, fills the Viber video size, and fetches the upload keys once', async () => {
		const video = Buffer.alloc(2048, 7);
		const fields = {
			text: 'Watch',
			mediaSource: 'binary',
			binaryPropertyName: 'clip',
			thumbnail: 'https://cdn.example.com/t.jpg',
			duration: 9,
			options: { presignedUrl: false },
		};
		const items = [
			binaryItem(video, 'a.mp4', 'video/mp4', 'clip'),
			binaryItem(video, 'b.mp4', 'video/mp4', 'clip'),
		];
		const output = await runChatApp(emu.url, sendParameters('viber', 'text_video', fields), {
			items,
		});
		expect(output).toHaveLength(2);
		expect(received('GetChatappUploadAuthorization')).toHaveLength(1);
		expect(received('GeneratePresignedUrl')).toHaveLength(0);
		const contents = received('SendChatappMessage').map((call) => JSON.parse(call.params.Content));
		for (const content of contents) {
			expect(content).toStrictEqual({
				text: 'Watch',
				link: expect.stringMatching(
					new RegExp(`^${emu.url}/__oss/${OSS_BUCKET}/cams-emu-viber/.+-[ab]\\.mp4$`),
				),
				thumbnail: 'https://cdn.example.com/t.jpg',
				fileSize: 2048,
				duration: 9,
			});
		}
		expect(new Set(contents.map((content) => content.link)).size).toBe(2);
	});
});

describe('Send Message rejects bad input before any request', () => {
	it.each([
		[
			'an invalid phone number',
			sendParameters('whatsapp', 'text', { text: 'Hi', to: '+65 12' }),
			/Recipient "\+65 12" is not a valid phone number/,
			/country code/,
		],
		[
			'a message type the channel cannot send',
			sendParameters('viber', 'location', { latitude: 1, longitude: 2 }),
			/Viber cannot send "location" messages/,
			/text, image, video/,
		],
		[
			'malformed interactive JSON',
			sendParameters('whatsapp', 'interactive', {
				interactiveType: 'json',
				interactiveJson: '{"type": "button",}',
			}),
			/Interactive Object \(JSON\) is not valid JSON: .*position 18/,
			/trailing comma/,
		],
		[
			'malformed contacts JSON',
			sendParameters('whatsapp', 'contacts', {
				contactsInput: 'json',
				contactsJson: '[{"name": }]',
			}),
			/Contacts \(JSON\) is not valid JSON: .*position/,
			/double quotes/,
		],
		[
			'empty text',
			sendParameters('whatsapp', 'text', { text: '' }),
			/^Text is empty/,
			/Set "Text"/,
		],
		[
			'four reply buttons',
			sendParameters('whatsapp', 'interactive', {
				interactiveBody: 'B',
				replyButtons: { button: ['A', 'B', 'C', 'D'].map((title) => ({ title })) },
			}),
			/1 to 3 buttons, not 4/,
			/list message/,
		],
		[
			'a media link that is not http(s)',
			sendParameters('whatsapp', 'image', { mediaLink: 'file:///etc/passwd' }),
			/not an http\(s\) link/,
			/Binary File/,
		],
		[
			'a Viber video without thumbnail',
			sendParameters('viber', 'video', {
				mediaLink: 'https://cdn.example.com/v.mp4',
				fileSize: 10,
				duration: 1,
			}),
			/Thumbnail Link is empty/,
			/Thumbnail Link/,
		],
	])('%s', async (_, parameters, message, description) => {
		const error = await runChatAppError(emu.url, parameters);
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(description);
		expect(error.context?.itemIndex).toBe(0);
		expect(emu.calls()).toHaveLength(0);
	});

	it('does not upload when the binary field is missing or the rest of the message is invalid', async () => {
		const missing = await runChatAppError(
			emu.url,
			sendParameters('whatsapp', 'image', { mediaSource: 'binary', binaryPropertyName: 'photo' }),
			{ items: [{ json: {} }] },
		);
		expect(missing.message).toMatch(/photo/);
		const invalid = await runChatAppError(
			emu.url,
			sendParameters('viber', 'text_video', { text: '', mediaSource: 'binary' }),
			{ items: [binaryItem(Buffer.from('x'), 'v.mp4', 'video/mp4')] },
		);
		expect(invalid.message).toMatch(/^Text is empty/);
		expect(emu.calls()).toHaveLength(0);
		expect(emu.state.objects.size).toBe(0);
	});

	it('with Continue On Fail sends the valid items only, in order, each paired with its input', async () => {
		const output = await runChatApp(
			emu.url,
			sendParameters('whatsapp', 'text', { text: '=Hi', to: '={{ $json.phone }}' }),
			{
				items: [{ phone: WA.to }, { phone: 'not-a-number' }, { phone: WA.to }],
				continueOnFail: true,
			},
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toMatch(/not a valid phone number/);
		expect(output[0].json.To).toBe(WA.to);
		expect(received('SendChatappMessage').map((call) => call.params.To)).toEqual([WA.to, WA.to]);
	});

	it('explains the 24-hour window when CAMS refuses a free-form message', async () => {
		const error = await runChatAppError(emu.url, {
			...sendParameters('whatsapp', 'text', { text: 'Hi' }),
			to: '6589999999',
		});
		expect(error.message).toMatch(/InvalidParameter\.OutOfSession/);
		expect(error.description).toMatch(/Use the Send Template operation instead/);
		expect(received().map((call) => call.outcome)).toEqual(['rejected']);
	});
});
