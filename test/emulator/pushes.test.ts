/** Pushes like CAMS: ChatAppStatus after sends, ChatAppInbound on injection, ChatAppAudit after review. */
import { call, rawRequest, startReceiver } from './helpers';
import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	UNDELIVERABLE,
	startEmulator,
	type CamsEmulator,
} from './index';

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
const FROM = SEED_NUMBERS.connected;
const ORDER = { orderId: 'A1', name: 'Bob', date: '2 May', trackingId: 'T-1' };
const SEND = {
	ChannelType: 'whatsapp',
	Type: 'template',
	From: FROM,
	To: '6580000001',
	CustSpaceId: WA,
	TemplateCode: SEED_TEMPLATES.orderShipped.code,
	Language: 'en_US',
	TemplateParams: ORDER,
};
type Json = Record<string, unknown>;

let emu: CamsEmulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let answers: Array<{ status: number; body: string }> = [];

beforeAll(async () => {
	emu = await startEmulator({
		enforceQps: false,
		statusDelays: { sent: 10, delivered: 20, read: 30, failed: 10 },
		batchWindowMs: 40,
		pushRetry: { attempts: 3, delaysMs: [30, 60] },
		auditDelayMs: 30,
	});
	receiver = await startReceiver(
		() => answers.shift() ?? { status: 200, body: '{"code":0,"msg":"success"}' },
	);
});
afterAll(async () => {
	await emu.close();
	await receiver.close();
});
beforeEach(async () => {
	emu.reset();
	receiver.received.length = 0;
	answers = [];
	const hooks = await call(emu, 'UpdatePhoneWebhook', {
		CustSpaceId: WA,
		PhoneNumber: FROM,
		StatusCallbackUrl: `${receiver.url}/status`,
		UpCallbackUrl: `${receiver.url}/inbound`,
		HttpFlag: 'Y',
	});
	expect(hooks.json.Code).toBe('OK');
	expect(
		(
			await call(emu, 'UpdateAccountWebhook', {
				CustSpaceId: WA,
				StatusCallbackUrl: `${receiver.url}/audit`,
			})
		).json.Code,
	).toBe('OK');
});

describe('ChatAppStatus', () => {
	it('pushes Sent, Delivered and Read in one batched array with the documented fields', async () => {
		const messageId = (await call(emu, 'SendChatappMessage', SEND)).json.MessageId;
		await emu.settle();
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].path).toBe('/status');
		const events = receiver.events();
		expect(events.map((e) => e.Status)).toEqual(['Sent', 'Delivered', 'Read']);
		expect(events[0]).toEqual({
			MessageId: messageId,
			From: FROM,
			To: '6580000001',
			Timestamp: expect.any(Number),
			Status: 'Sent',
			StatusDescription: 'sent',
			MsgFrameType: 'template',
			Type: 'TEMPLATE',
			TaskId: messageId,
			OriginPhoneNumber: FROM,
			ConversationId: expect.any(String),
			ConversationType: 'utility',
			TemplateCode: SEED_TEMPLATES.orderShipped.code,
			TemplateName: 'order_shipped',
			Language: 'en_US',
		});
		expect(Math.abs((events[0].Timestamp as number) - Date.now())).toBeLessThan(5000);
		expect(emu.pushes({ kind: 'ChatAppStatus' })).toEqual([
			expect.objectContaining({
				delivered: true,
				done: true,
				attempts: [expect.objectContaining({ status: 200, ok: true })],
			}),
		]);
	});

	it('fails numbers with the 999 prefix or in failNumbers with 131026; free-form Type and TaskId', async () => {
		emu.configure({ failNumbers: ['6580000077'] });
		await call(emu, 'SendChatappMessage', { ...SEND, To: '9990000001', TaskId: 'job-9' });
		await call(emu, 'SendChatappMessage', { ...SEND, To: '6580000077' });
		emu.inbound({ from: '6580000002', to: FROM });
		await call(emu, 'SendChatappMessage', {
			ChannelType: 'whatsapp',
			Type: 'message',
			MessageType: 'image',
			From: FROM,
			To: '6580000002',
			CustSpaceId: WA,
			Content: JSON.stringify({ link: 'https://cdn.example.com/a.jpg' }),
		});
		await emu.settle();
		const events = receiver.received
			.filter((p) => p.path === '/status')
			.flatMap((p) => p.body as Json[]);
		const failed = events.filter((e) => e.Status === 'Failed');
		expect(failed.map((e) => [e.To, e.ErrorCode, e.ErrorDescription])).toEqual([
			['9990000001', '131026', UNDELIVERABLE.description],
			['6580000077', '131026', UNDELIVERABLE.description],
		]);
		expect(failed[0].TaskId).toBe('job-9');
		expect(events.filter((e) => e.To === '9990000001')).toHaveLength(1);
		const image = events.filter((e) => e.To === '6580000002');
		expect(image.map((e) => [e.Status, e.MsgFrameType, e.Type, e.ConversationType])).toEqual([
			['Sent', 'message', 'IMAGE', 'service'],
			['Delivered', 'message', 'IMAGE', 'service'],
			['Read', 'message', 'IMAGE', 'service'],
		]);
	});

	it('retries until HTTP 200 with {"code":0}, then stops after the configured attempts', async () => {
		answers = [
			{ status: 500, body: 'oops' },
			{ status: 200, body: '{"message":"Workflow was started"}' },
		];
		await call(emu, 'SendChatappMessage', SEND);
		await emu.settle();
		const [push] = emu.pushes({ kind: 'ChatAppStatus' });
		expect(push.attempts.map((a) => [a.status, a.ok])).toEqual([
			[500, false],
			[200, false],
			[200, true],
		]);
		expect(push.delivered).toBe(true);
		expect(receiver.received.map((p) => (p.body as Json[]).length)).toEqual([3, 3, 3]);
		receiver.received.length = 0;
		answers = Array(3).fill({ status: 200, body: '{"code":1}' });
		await call(emu, 'SendChatappMessage', { ...SEND, To: '6580000005' });
		await emu.settle();
		const last = emu.pushes({ kind: 'ChatAppStatus' })[1];
		expect([last.attempts.length, last.delivered, last.done]).toEqual([3, false, true]);
		expect(emu.stats().pushes).toMatchObject({ total: 2, delivered: 1, failed: 1, attempts: 6 });
	});

	it('pushes per-recipient statuses of a mass send in arrays of at most maxBatchSize events', async () => {
		emu.configure({ statusDelays: { read: null } });
		const senderList = Array.from({ length: 250 }, (_, i) => ({
			To: `6581${String(i).padStart(6, '0')}`,
			TemplateParams: ORDER,
		}));
		const { ChannelType, From, CustSpaceId, TemplateCode, Language } = SEND;
		const response = await call(emu, 'SendChatappMassMessage', {
			ChannelType,
			From,
			CustSpaceId,
			TemplateCode,
			Language,
			SenderList: senderList,
			TaskId: 'campaign-7',
		});
		expect(response.json.Code).toBe('OK');
		await emu.settle();
		const sizes = receiver.received.map((p) => (p.body as Json[]).length);
		expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
		const events = receiver.events();
		expect(events).toHaveLength(500);
		expect(new Set(events.map((e) => e.MessageId)).size).toBe(250);
		expect(events.every((e) => e.TaskId === 'campaign-7' && e.Status !== 'Read')).toBe(true);
	});

	it('records the push as skipped without a callback URL, and updates the message history', async () => {
		emu.setWebhooks({ senders: { [FROM]: { statusCallbackUrl: null } } });
		await call(emu, 'SendChatappMessage', SEND);
		await emu.settle();
		expect(
			emu
				.pushes()
				.every((p) => p.skipped === 'no StatusCallbackUrl configured' && p.attempts.length === 0),
		).toBe(true);
		expect(
			emu
				.pushes()
				.flatMap((p) => p.events)
				.map((e) => e.Status),
		).toEqual(['Sent', 'Delivered', 'Read']);
		expect(receiver.received).toHaveLength(0);
		const history = await call(emu, 'ListChatappMessage', {
			CustSpaceId: WA,
			ChannelType: 'whatsapp',
			BusinessNumber: FROM,
			Page: { Index: 1, Size: 10 },
			EventAction: 'DOWN',
		});
		expect(history.json.Data).toEqual([
			expect.objectContaining({
				UserNumber: '6580000001',
				MessageStatus: 'Read',
				Type: 'template',
				TemplateCode: SEED_TEMPLATES.orderShipped.code,
				Message: expect.stringContaining('Hi Bob, your order A1'),
			}),
		]);
		const phones = await call(emu, 'QueryChatappPhoneNumbers', { CustSpaceId: WA });
		expect((phones.json.PhoneNumbers as Json[])[0]).toMatchObject({
			UpCallbackUrl: `${receiver.url}/inbound`,
		});
		expect((phones.json.PhoneNumbers as Json[])[0].StatusCallbackUrl).toBeUndefined();
	});
});

describe('ChatAppInbound', () => {
	it('pushes every type to the UpCallbackUrl; non-TEXT Message is a JSON string; media is downloadable', async () => {
		const types = [
			'TEXT',
			'IMAGE',
			'VIDEO',
			'AUDIO',
			'DOCUMENT',
			'LOCATION',
			'CONTACTS',
			'REPLY',
			'SYSTEM',
		] as const;
		for (const type of types)
			emu.inbound({
				from: '6580000010',
				to: FROM,
				type,
				text: type === 'TEXT' ? 'hello' : undefined,
				payload: 'yes_payload',
			});
		await emu.settle();
		expect(receiver.received.map((p) => p.path)).toEqual(['/inbound']);
		const events = receiver.events();
		expect(events.map((e) => e.Type)).toEqual([...types]);
		expect(events[0]).toEqual({
			MessageId: expect.stringMatching(/^wamid\./),
			CustSpaceId: WA,
			WabaId: SEED_CHANNELS.whatsapp.wabaId,
			From: '6580000010',
			To: FROM,
			Timestamp: expect.any(Number),
			DisplayName: 'Emulator Shop',
			Name: 'Emulator User',
			Type: 'TEXT',
			Message: 'hello',
			NoticeType: 'inbound',
		});
		const decoded = events.slice(1).map((e) => JSON.parse(e.Message as string) as Json);
		expect(decoded[0]).toMatchObject({
			id: expect.any(String),
			mimeType: 'image/png',
			url: expect.stringContaining('/__media/'),
		});
		expect(decoded[3]).toMatchObject({ mimeType: 'application/pdf', filename: 'document.pdf' });
		expect(decoded[4]).toMatchObject({
			latitude: expect.any(Number),
			longitude: expect.any(Number),
		});
		expect(decoded[6]).toEqual({ text: 'Yes', payload: 'yes_payload' });
		const media = await rawRequest(decoded[3].url as string, { method: 'GET' });
		expect([media.status, media.headers['content-type'], media.text.startsWith('%PDF')]).toEqual([
			200,
			'application/pdf',
			true,
		]);
		expect((await rawRequest(`${emu.url}/__media/unknown`, { method: 'GET' })).status).toBe(404);
	});

	it('can send Message as an object, with custom media bytes', async () => {
		emu.inbound({
			from: '6580000011',
			to: FROM,
			type: 'IMAGE',
			text: 'look',
			messageAsObject: true,
			media: { data: Buffer.from('JPEGDATA'), mimeType: 'image/jpeg' },
		});
		await emu.settle();
		const [event] = receiver.events();
		expect(event.Message).toMatchObject({ caption: 'look', mimeType: 'image/jpeg' });
		expect((await rawRequest((event.Message as Json).url as string, { method: 'GET' })).text).toBe(
			'JPEGDATA',
		);
	});
});

describe('ChatAppAudit', () => {
	it('pushes the review result of a created template to the account StatusCallbackUrl', async () => {
		const created = await call(emu, 'CreateChatappTemplate', {
			CustSpaceId: WA,
			TemplateType: 'WHATSAPP',
			Name: 'audit_me',
			Language: 'en_US',
			Category: 'MARKETING',
			Components: [{ Type: 'BODY', Text: 'Sale!' }],
		});
		await call(emu, 'CreateChatappTemplate', {
			CustSpaceId: WA,
			TemplateType: 'WHATSAPP',
			Name: 'reject_me',
			Language: 'en_US',
			Category: 'MARKETING',
			Components: [{ Type: 'BODY', Text: 'Sale!' }],
		});
		await emu.settle();
		const events = receiver.received
			.filter((p) => p.path === '/audit')
			.flatMap((p) => p.body as Json[]);
		expect(events).toEqual([
			{
				WabaId: SEED_CHANNELS.whatsapp.wabaId,
				TemplateCode: (created.json.Data as Json).TemplateCode,
				Language: 'en_US',
				AuditStatus: 'pass',
				Reason: '',
			},
			expect.objectContaining({
				AuditStatus: 'fail',
				Reason: expect.stringContaining('INVALID_FORMAT'),
			}),
		]);
		emu.setTemplateStatus(SEED_TEMPLATES.flashDeal.code, 'en_US', 'pass');
		await emu.settle();
		expect(receiver.events().at(-1)).toMatchObject({
			TemplateCode: SEED_TEMPLATES.flashDeal.code,
			AuditStatus: 'pass',
		});
	});
});
