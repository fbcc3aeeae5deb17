import {
	buildContent,
	checkMessageType,
	MESSAGE_TYPES,
	type ContentInput,
} from '../../../../nodes/AlibabaCloudChatApp/content/message';
import { ContentError } from '../../../../nodes/AlibabaCloudChatApp/content/contentError';

const IMG = 'https://cdn.example.com/a.jpg';
const VID = 'https://cdn.example.com/v.mp4';
const THUMB = 'https://cdn.example.com/t.jpg';
const DOC = 'https://cdn.example.com/files/Invoice%2042.pdf';
const BUTTONS = {
	type: 'button',
	body: { text: 'Pick' },
	action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
};
const CONTACTS = [{ name: { formatted_name: 'Alice Lee', first_name: 'Alice' } }];
const VIBER_VIDEO = { link: VID, thumbnail: THUMB, fileSize: 1024, duration: 12 };
const VIBER_BUTTON = { buttonText: 'Open', buttonUrl: 'https://shop.example.com/o' };

/** For every message type of every channel: the input and the exact Content CAMS gets. */
const CASES: Record<string, Record<string, [ContentInput, unknown]>> = {
	whatsapp: {
		text: [
			{ text: 'Hello https://example.com', previewUrl: true },
			{ text: 'Hello https://example.com', previewUrl: true },
		],
		image: [
			{ link: IMG, caption: 'Receipt' },
			{ link: IMG, caption: 'Receipt' },
		],
		video: [{ link: VID }, { link: VID }],
		audio: [
			{ link: 'https://cdn.example.com/a.ogg', caption: 'ignored' },
			{ link: 'https://cdn.example.com/a.ogg' },
		],
		document: [{ link: DOC }, { link: DOC, fileName: 'Invoice 42.pdf' }],
		sticker: [
			{ link: 'https://cdn.example.com/s.webp' },
			{ link: 'https://cdn.example.com/s.webp' },
		],
		location: [
			{
				latitude: '1.2834',
				longitude: 103.8607,
				locationName: 'Marina Bay',
				locationAddress: '10 Bayfront Ave',
			},
			{ latitude: 1.2834, longitude: 103.8607, name: 'Marina Bay', address: '10 Bayfront Ave' },
		],
		contacts: [{ contacts: CONTACTS }, CONTACTS],
		interactive: [{ interactive: BUTTONS }, BUTTONS],
		reaction: [
			{ reactionMessageId: 'wamid.123', emoji: '👍' },
			{ messageId: 'wamid.123', emoji: '👍' },
		],
	},
	viber: {
		text: [{ text: 'Hi' }, { text: 'Hi' }],
		image: [{ link: IMG }, { link: IMG }],
		video: [VIBER_VIDEO, VIBER_VIDEO],
		document: [
			{ link: DOC, fileName: 'report.PDF' },
			{ link: DOC, fileName: 'report.PDF', fileType: 'pdf' },
		],
		text_image: [
			{ text: 'Sale', link: IMG },
			{ text: 'Sale', link: IMG },
		],
		text_button: [
			{ text: 'Sale', ...VIBER_BUTTON },
			{ text: 'Sale', caption: 'Open', action: 'https://shop.example.com/o' },
		],
		text_image_button: [
			{ text: 'Sale', link: IMG, ...VIBER_BUTTON },
			{ text: 'Sale', link: IMG, caption: 'Open', action: 'https://shop.example.com/o' },
		],
		text_video: [
			{ text: 'Watch', ...VIBER_VIDEO, fileSize: '2048' },
			{ text: 'Watch', ...VIBER_VIDEO, fileSize: 2048 },
		],
		text_video_button: [
			{ text: 'Watch', ...VIBER_VIDEO, ...VIBER_BUTTON },
			{ text: 'Watch', ...VIBER_VIDEO, caption: 'Open', action: 'https://shop.example.com/o' },
		],
	},
	messenger: {
		text: [{ text: 'Hi' }, { text: 'Hi' }],
		image: [{ link: IMG, caption: 'not sent' }, { link: IMG }],
		video: [{ link: VID }, { link: VID }],
		audio: [{ link: 'https://cdn.example.com/a.mp3' }, { link: 'https://cdn.example.com/a.mp3' }],
		document: [{ link: DOC }, { link: DOC }],
		interactive: [
			{ interactive: { attachment: { type: 'template' } } },
			{ attachment: { type: 'template' } },
		],
	},
	instagram: {
		text: [{ text: 'Hi' }, { text: 'Hi' }],
		image: [{ link: IMG }, { link: IMG }],
		video: [{ link: VID }, { link: VID }],
		audio: [{ link: 'https://cdn.example.com/a.mp3' }, { link: 'https://cdn.example.com/a.mp3' }],
	},
};

function contentError(run: () => unknown): ContentError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ContentError);
		return error as ContentError;
	}
	throw new Error('expected a ContentError');
}

describe('buildContent: every message type of every channel', () => {
	it('has a case for exactly the types each channel offers', () => {
		for (const [channel, types] of Object.entries(MESSAGE_TYPES)) {
			expect(Object.keys(CASES[channel]).sort()).toEqual([...types].sort());
		}
		expect(Object.keys(CASES).sort()).toEqual(Object.keys(MESSAGE_TYPES).sort());
	});

	for (const [channel, cases] of Object.entries(CASES)) {
		for (const [messageType, [input, expected]] of Object.entries(cases)) {
			it(`${channel} ${messageType}`, () => {
				const content = buildContent(channel, messageType, input);
				expect(content).toStrictEqual(expected);
				expect(JSON.parse(JSON.stringify(content))).toStrictEqual(expected);
			});
		}
	}
});

describe('buildContent: rules', () => {
	it('omits the link preview unless it is on', () => {
		expect(buildContent('whatsapp', 'text', { text: 'Hi', previewUrl: false })).toStrictEqual({
			text: 'Hi',
		});
	});

	it('leaves the link out while the file still has to be uploaded, and checks the rest', () => {
		expect(
			buildContent('whatsapp', 'document', { mediaFromBinary: true, fileName: 'a.pdf' }),
		).toStrictEqual({ fileName: 'a.pdf' });
		expect(
			contentError(() =>
				buildContent('viber', 'video', { mediaFromBinary: true, thumbnail: THUMB, duration: 3 }),
			).message,
		).toMatch(/File Size/);
	});

	it.each([
		['whatsapp', 'carousel', /WhatsApp cannot send "carousel"/],
		['instagram', 'document', /Instagram cannot send "document"/],
		['viber', 'audio', /Viber cannot send "audio"/],
		['messenger', 'location', /Messenger cannot send "location"/],
		['telegram', 'text', /cannot send free-form messages/],
	])('rejects %s %s', (channel, type, message) => {
		const error = contentError(() => checkMessageType(channel, type));
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(/Choose|Set "Channel Type"/);
	});

	it.each<[string, string, ContentInput, RegExp]>([
		['whatsapp', 'text', { text: '  ' }, /^Text is empty/],
		[
			'whatsapp',
			'text',
			{ text: 'x'.repeat(4097) },
			/Text is too long \(4097 characters, at most 4096\)/,
		],
		[
			'whatsapp',
			'image',
			{ link: 'ftp://example.com/a.jpg' },
			/Media Link "ftp:\/\/example.com\/a.jpg" is not an http\(s\) link/,
		],
		['whatsapp', 'image', { link: '' }, /Media Link is empty/],
		['whatsapp', 'image', { link: IMG, caption: 'c'.repeat(1025) }, /Caption is too long/],
		['whatsapp', 'document', { link: 'https://cdn.example.com/' }, /File Name is empty/],
		['whatsapp', 'location', { latitude: 91, longitude: 0 }, /Latitude "91" is not valid/],
		['whatsapp', 'location', { latitude: 1, longitude: 'east' }, /Longitude "east" is not valid/],
		['whatsapp', 'location', { longitude: 1 }, /Latitude "" is not valid/],
		['whatsapp', 'reaction', { reactionMessageId: 'wamid.1' }, /Emoji is empty/],
		['whatsapp', 'reaction', { emoji: '👍' }, /Message ID to React To is empty/],
		['whatsapp', 'contacts', { contacts: [] }, /Contacts must be a JSON array/],
		[
			'whatsapp',
			'interactive',
			{ interactive: { type: 'button' } },
			/needs a "type" and an "action"/,
		],
		['messenger', 'interactive', { interactive: [] }, /must be a JSON object/],
		[
			'viber',
			'video',
			{ link: VID, thumbnail: THUMB, fileSize: 10 },
			/Duration \(Seconds\) must be a positive number/,
		],
		['viber', 'video', { link: VID, fileSize: 10, duration: 1 }, /Thumbnail Link is empty/],
		['viber', 'document', { link: DOC, fileName: 'README' }, /has no extension/],
		['viber', 'text_button', { text: 'Hi', buttonText: 'Go' }, /Button Link is empty/],
		[
			'viber',
			'text_video_button',
			{ text: 'Hi', ...VIBER_VIDEO, buttonUrl: 'https://x.example' },
			/Button Text is empty/,
		],
		['instagram', 'text', {}, /Text is empty/],
	])('%s %s: %p is rejected', (channel, type, input, message) => {
		const error = contentError(() => buildContent(channel, type, input));
		expect(error.message).toMatch(message);
		expect(error.description.length).toBeGreaterThan(10);
	});
});
