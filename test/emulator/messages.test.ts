/** SendChatappMessage / SendChatappMassMessage validation, the 24-hour window and duplicate counting. */
import { call } from './helpers';
import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from './index';

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
const FROM = SEED_NUMBERS.connected;
const ORDER = { orderId: 'A1', name: 'Bob', date: '2 May', trackingId: 'T-1' };
const template = (extra: Record<string, unknown> = {}) => ({
	ChannelType: 'whatsapp',
	Type: 'template',
	From: FROM,
	To: '6580000001',
	CustSpaceId: WA,
	TemplateCode: SEED_TEMPLATES.orderShipped.code,
	Language: 'en_US',
	TemplateParams: ORDER,
	...extra,
});
const text = (
	to: string,
	content: unknown = { text: 'Hello' },
	extra: Record<string, unknown> = {},
) => ({
	ChannelType: 'whatsapp',
	Type: 'message',
	MessageType: 'text',
	From: FROM,
	To: to,
	CustSpaceId: WA,
	Content: typeof content === 'string' ? content : JSON.stringify(content),
	...extra,
});

let emu: CamsEmulator;
beforeAll(async () => {
	emu = await startEmulator({ enforceQps: false });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

async function expectCode(
	params: Record<string, unknown>,
	status: number,
	code: string,
	message?: RegExp,
	action = 'SendChatappMessage',
) {
	const response = await call(emu, action, params);
	expect({ status: response.status, code: response.json.Code }).toEqual({ status, code });
	if (message) expect(response.json.Message).toMatch(message);
	return response;
}

describe('SendChatappMessage', () => {
	it('sends a template and returns a MessageId', async () => {
		const response = await expectCode(template(), 200, 'OK');
		expect(response.json).toMatchObject({
			Message: 'SUCCESS',
			AccessDeniedDetail: 'None',
			MessageId: expect.stringMatching(/^[0-9a-f]{24}$/),
		});
		expect(emu.sends()).toEqual([
			expect.objectContaining({
				from: FROM,
				to: '6580000001',
				templateCode: SEED_TEMPLATES.orderShipped.code,
				templateParams: ORDER,
			}),
		]);
		await expectCode(
			template({ TemplateCode: undefined, TemplateName: 'order_shipped', Language: 'es' }),
			200,
			'OK',
		);
	});

	it('validates required fields, channel type and numbers', async () => {
		const { ChannelType: _c, ...noChannel } = template();
		await expectCode(
			noChannel,
			400,
			'MissingChannelType',
			/^ChannelType is mandatory for this action\.$/,
		);
		await expectCode(
			template({ ChannelType: 'sms' }),
			200,
			'InvalidParameter.ChannelTypeNotSupport',
		);
		await expectCode(template({ Type: 'text' }), 200, 'InvalidParameter.MessageInvalid');
		await expectCode(template({ From: `+${FROM}` }), 200, 'InvalidParameter.FromOnlyNumeric');
		await expectCode(template({ To: '+65 8000 0001' }), 200, 'InvalidParameter.ToOnlyNumeric');
		await expectCode(template({ To: '12345' }), 200, 'InvalidParameter.PhoneNumberError');
		await expectCode(template({ From: '6500000000' }), 400, 'ERR-OPERATION-MAAP-0065');
		await expectCode(template({ From: SEED_NUMBERS.pending }), 400, 'ERR-FB-001', /not registered/);
		await expectCode(template({ CustSpaceId: 'cams-nobody' }), 400, 'Unknown.ResourceOwnerId');
		expect(emu.sends()).toHaveLength(0);
	});

	it('needs an approved template and a value for every $(var)', async () => {
		await expectCode(
			template({ TemplateCode: undefined }),
			200,
			'InvalidParameter.TemplateCodeNotEmpty',
		);
		await expectCode(template({ Language: undefined }), 200, 'InvalidParameter.LanguageNotEmpty');
		await expectCode(
			template({ TemplateCode: 'ffffffffffffffffffffffffffffffff' }),
			400,
			'DetailError.TemplateNotExist',
		);
		await expectCode(template({ Language: 'fr' }), 400, 'DetailError.TemplateNotExist');
		await expectCode(
			template({ TemplateCode: SEED_TEMPLATES.flashDeal.code }),
			400,
			'DetailError.TemplateNotExist',
			/auditing/,
		);
		await expectCode(
			template({ TemplateCode: SEED_TEMPLATES.summerSale.code }),
			400,
			'DetailError.TemplateNotExist',
			/fail/,
		);
		const { trackingId: _t, ...missingUrlVar } = ORDER;
		await expectCode(
			template({ TemplateParams: missingUrlVar }),
			200,
			'InvalidParameter',
			/\$\(trackingId\)/,
		);
		await expectCode(
			template({ TemplateParams: { ...ORDER, orderId: '' } }),
			200,
			'InvalidParameter',
			/\$\(orderId\)/,
		);
		await expectCode(
			template({ TemplateParams: '{not json' }),
			200,
			'InvalidParameter',
			/not valid JSON/,
		);
		await expectCode(
			template({ TemplateParams: { ...ORDER, name: 'Bob {{1}}' } }),
			200,
			'InvalidParameter.MessageInvalid',
		);
		const welcome = {
			TemplateCode: SEED_TEMPLATES.welcomeOffer.code,
			TemplateParams: { headerImage: 'not-a-url', name: 'Bob', discount: '5%' },
		};
		await expectCode(template(welcome), 200, 'InvalidParameter', /headerImage/);
		await expectCode(
			template({
				...welcome,
				TemplateParams: { ...welcome.TemplateParams, headerImage: 'https://cdn.example.com/a.png' },
			}),
			200,
			'OK',
		);
		await expectCode(
			template({ TemplateCode: SEED_TEMPLATES.holidayHours.code, TemplateParams: undefined }),
			200,
			'OK',
		);
		await expectCode(template({ Payload: 'not-an-array' }), 200, 'InvalidParameter', /Payload/);
	});

	it('validates free-form Content per MessageType and channel', async () => {
		emu.inbound({ from: '6580000002', to: FROM });
		await expectCode(
			text('6580000002', { text: 'ok' }, { MessageType: undefined }),
			200,
			'InvalidParameter.MessageTypeNotEmpty',
		);
		await expectCode(
			text('6580000002', { text: 'ok' }, { MessageType: 'text_button' }),
			200,
			'InvalidParameter.MessageTypeNotSupport',
		);
		await expectCode(text('6580000002', '', {}), 200, 'InvalidParameter.ContentNotEmpty');
		await expectCode(
			text('6580000002', 'plain words'),
			200,
			'InvalidParameter.ContentError',
			/not JSON/,
		);
		await expectCode(
			text('6580000002', { body: 'no text key' }),
			200,
			'InvalidParameter.ContentError',
			/"text"/,
		);
		await expectCode(
			text('6580000002', { caption: 'x' }, { MessageType: 'image' }),
			200,
			'InvalidParameter.ContentError',
			/"link"/,
		);
		await expectCode(
			text('6580000002', { link: 'ftp://x/y.pdf', fileName: 'y.pdf' }, { MessageType: 'document' }),
			200,
			'InvalidParameter.ContentError',
		);
		await expectCode(
			text('6580000002', { text: 'Hi {{1}}' }),
			200,
			'InvalidParameter.MessageInvalid',
		);
		await expectCode(
			text('6580000002', { text: 'x', caption: 'y' }),
			200,
			'InvalidParameter.ContentError',
			/caption/,
		);
		await expectCode(
			text(
				'6580000002',
				{ link: 'https://cdn.example.com/a.jpg', caption: 'A' },
				{ MessageType: 'image' },
			),
			200,
			'OK',
		);
		const viber = {
			ChannelType: 'viber',
			From: SEED_NUMBERS.viberServiceId,
			CustSpaceId: SEED_CHANNELS.viber.custSpaceId,
		};
		await expectCode(text('6580000005', { text: 'Viber hi' }, viber), 200, 'OK');
		await expectCode(
			text('6580000005', { text: 'x' }, { ...viber, MessageType: 'sticker' }),
			200,
			'InvalidParameter.MessageTypeNotSupport',
		);
		const messenger = {
			ChannelType: 'messenger',
			From: SEED_NUMBERS.messengerPageId,
			CustSpaceId: SEED_CHANNELS.messenger.custSpaceId,
		};
		await expectCode(text('psid-123456', { text: 'Page hi' }, messenger), 200, 'OK');
	});

	it('allows free-form WhatsApp messages only in the 24-hour window after an inbound message', async () => {
		await expectCode(
			text('6580000003'),
			200,
			'InvalidParameter.OutOfSession',
			/24-hour customer service window/,
		);
		emu.inbound({ from: '6580000003', to: FROM, text: 'Hi shop' });
		await expectCode(text('6580000003'), 200, 'OK');
		await expectCode(text('6580000004'), 200, 'InvalidParameter.OutOfSession');
		emu.setTime({ advanceMs: 25 * 3600_000 });
		await expectCode(text('6580000003'), 200, 'InvalidParameter.OutOfSession');
		await expectCode(template({ To: '6580000003' }), 200, 'OK');
	});

	it('counts duplicates: same From, To, template/Content and TaskId accepted twice', async () => {
		await call(emu, 'SendChatappMessage', template({ TaskId: 'order-1' }));
		await call(emu, 'SendChatappMessage', template({ TaskId: 'order-1' }));
		await call(emu, 'SendChatappMessage', template({ TaskId: 'order-2' }));
		await call(emu, 'SendChatappMessage', template({ TaskId: 'order-1', To: '6580000009' }));
		await call(
			emu,
			'SendChatappMessage',
			template({ TaskId: 'order-1', TemplateCode: undefined, TemplateName: 'order_shipped' }),
		);
		const stats = emu.stats();
		expect([stats.sends, stats.duplicates, stats.accepted.SendChatappMessage]).toEqual([5, 2, 5]);
		expect(emu.sends().map((s) => s.duplicate)).toEqual([false, true, false, false, true]);
	});
});

describe('SendChatappMassMessage', () => {
	const mass = (senderList: unknown, extra: Record<string, unknown> = {}) => ({
		ChannelType: 'whatsapp',
		From: FROM,
		CustSpaceId: WA,
		TemplateCode: SEED_TEMPLATES.orderShipped.code,
		Language: 'en_US',
		TaskId: 'mass-1',
		SenderList: typeof senderList === 'string' ? senderList : JSON.stringify(senderList),
		...extra,
	});
	const recipients = (n: number) =>
		Array.from({ length: n }, (_, i) => ({
			To: `658${String(i).padStart(7, '0')}`,
			TemplateParams: ORDER,
		}));

	it('sends to every recipient and returns a GroupMessageId', async () => {
		const response = await expectCode(
			mass(recipients(3)),
			200,
			'OK',
			undefined,
			'SendChatappMassMessage',
		);
		expect(response.json.GroupMessageId).toMatch(/^[0-9a-f]{24}$/);
		expect(emu.sends().map((s) => [s.to, s.groupMessageId, s.taskId])).toEqual(
			recipients(3).map((r) => [r.To, response.json.GroupMessageId, 'mass-1']),
		);
		await call(emu, 'SendChatappMassMessage', mass(recipients(2)));
		expect(emu.stats().duplicates).toBe(2);
	});

	it('validates the list and each recipient', async () => {
		await expectCode(
			mass(recipients(1001)),
			200,
			'InvalidParameter',
			/at most 1000/,
			'SendChatappMassMessage',
		);
		await expectCode(
			mass('[{"To":'),
			200,
			'InvalidParameter',
			/not valid JSON/,
			'SendChatappMassMessage',
		);
		await expectCode(mass([]), 200, 'InvalidParameter', /non-empty/, 'SendChatappMassMessage');
		await expectCode(
			mass([...recipients(1), { To: '+6580000000', TemplateParams: ORDER }]),
			200,
			'InvalidParameter.ToOnlyNumeric',
			/SenderList\[1\]\.To/,
			'SendChatappMassMessage',
		);
		await expectCode(
			mass([{ To: '6580000000', TemplateParams: { name: 'x' } }]),
			200,
			'InvalidParameter',
			/SenderList\[0\]\.TemplateParams.*\$\(orderId\)/,
			'SendChatappMassMessage',
		);
		const { Language: _l, ...noLanguage } = mass(recipients(1));
		await expectCode(noLanguage, 400, 'MissingLanguage', undefined, 'SendChatappMassMessage');
		expect(emu.sends()).toHaveLength(0);
		expect((await call(emu, 'SendChatappMassMessage', mass(recipients(1000)))).json.Code).toBe(
			'OK',
		);
		expect(emu.sends()).toHaveLength(1000);
	});
});
