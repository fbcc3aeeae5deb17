/** The official SDK (@alicloud/cams20200606 + openapi-client) pointed at the emulator is accepted. */
import * as $Cams from '@alicloud/cams20200606';

import {
	EMULATOR_KEYS,
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from './index';
import { sdk, sdkCallApi } from './helpers';

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
const FROM = SEED_NUMBERS.connected;
const ORDER_PARAMS = { orderId: 'A1', name: 'Bob', date: '2 May', trackingId: 'T-1' };

let emu: CamsEmulator;

beforeAll(async () => {
	emu = await startEmulator({ enforceQps: false });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());
afterEach(() => emu.reset());

const newTemplate = (name: string) =>
	new $Cams.CreateChatappTemplateRequest({
		custSpaceId: WA,
		templateType: 'WHATSAPP',
		name,
		language: 'en_US',
		category: 'UTILITY',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Hello $(name)' },
			{ type: 'BODY', text: 'Your code for order $(order) is ready. Ünïcødé ✓ & <ok> *!~' },
			{ type: 'FOOTER', text: 'Emulator' },
			{
				type: 'BUTTONS',
				buttons: [
					{
						type: 'URL',
						text: 'Open',
						url: 'https://shop.example.com/o/$(order)',
						urlType: 'dynamic',
					},
				],
			},
		],
		example: { name: 'Bob', order: 'A1' },
	});

/** Every emulated action that exists in npm 1.4.2, with valid parameters, answers Code OK. */
async function everySdkAction(client: $Cams.default): Promise<string[]> {
	const codes: string[] = [];
	const ok = (body?: { code?: string }) => codes.push(body?.code ?? 'none');
	ok(
		(
			await client.listChatappTemplate(
				new $Cams.ListChatappTemplateRequest({ custSpaceId: WA, page: { index: 2, size: 10 } }),
			)
		).body,
	);
	ok(
		(
			await client.getChatappTemplateDetail(
				new $Cams.GetChatappTemplateDetailRequest({
					custSpaceId: WA,
					templateCode: SEED_TEMPLATES.orderShipped.code,
					language: 'en_US',
				}),
			)
		).body,
	);
	const created = await client.createChatappTemplate(newTemplate('sdk_created'));
	ok(created.body);
	ok(
		(
			await client.modifyChatappTemplate(
				new $Cams.ModifyChatappTemplateRequest({
					custSpaceId: WA,
					templateCode: SEED_TEMPLATES.summerSale.code,
					language: 'en_US',
					templateType: 'WHATSAPP',
					components: [{ type: 'BODY', text: 'Summer offer for $(name).' }],
					example: { name: 'Bob' },
				}),
			)
		).body,
	);
	ok(
		(
			await client.deleteChatappTemplate(
				new $Cams.DeleteChatappTemplateRequest({
					custSpaceId: WA,
					templateCode: created.body?.data?.templateCode,
					language: 'en_US',
				}),
			)
		).body,
	);
	ok(
		(await client.queryChatappBindWaba(new $Cams.QueryChatappBindWabaRequest({ custSpaceId: WA })))
			.body,
	);
	ok(
		(
			await client.queryChatappPhoneNumbers(
				new $Cams.QueryChatappPhoneNumbersRequest({ custSpaceId: WA }),
			)
		).body,
	);
	ok(
		(
			await client.updatePhoneWebhook(
				new $Cams.UpdatePhoneWebhookRequest({
					custSpaceId: WA,
					phoneNumber: FROM,
					statusCallbackUrl: 'http://127.0.0.1:1/status',
					upCallbackUrl: 'http://127.0.0.1:1/up',
					httpFlag: 'Y',
					queueFlag: 'N',
				}),
			)
		).body,
	);
	ok(
		(
			await client.updateAccountWebhook(
				new $Cams.UpdateAccountWebhookRequest({
					custSpaceId: WA,
					statusCallbackUrl: 'http://127.0.0.1:1/audit',
					httpFlag: 'Y',
				}),
			)
		).body,
	);
	ok(
		(
			await client.getChatappUploadAuthorization(
				new $Cams.GetChatappUploadAuthorizationRequest({ custSpaceId: WA }),
			)
		).body,
	);
	ok(
		(
			await client.sendChatappMessage(
				new $Cams.SendChatappMessageRequest({
					channelType: 'whatsapp',
					type: 'template',
					from: FROM,
					to: '6580000001',
					custSpaceId: WA,
					templateCode: SEED_TEMPLATES.orderShipped.code,
					language: 'en_US',
					templateParams: ORDER_PARAMS,
					payload: ['a', 'b'],
					taskId: 'sdk-task',
				}),
			)
		).body,
	);
	emu.inbound({ from: '6580000002', to: FROM, text: 'hi' });
	ok(
		(
			await client.sendChatappMessage(
				new $Cams.SendChatappMessageRequest({
					channelType: 'whatsapp',
					type: 'message',
					messageType: 'text',
					from: FROM,
					to: '6580000002',
					custSpaceId: WA,
					content: JSON.stringify({ text: "Hello (again)! It's 100% * ~ + & = ? / 中文 😀" }),
				}),
			)
		).body,
	);
	ok(
		(
			await client.sendChatappMassMessage(
				new $Cams.SendChatappMassMessageRequest({
					channelType: 'whatsapp',
					from: FROM,
					custSpaceId: WA,
					templateCode: SEED_TEMPLATES.orderShipped.code,
					language: 'en_US',
					taskId: 'mass-1',
					senderList: [
						{ to: '6580000003', templateParams: ORDER_PARAMS },
						{ to: '6580000004', templateParams: ORDER_PARAMS, payload: ['x'] },
					],
				}),
			)
		).body,
	);
	return codes;
}

describe('official SDK against the emulator', () => {
	it('is accepted (ACS3-HMAC-SHA256) for every emulated action of npm 1.4.2', async () => {
		const codes = await everySdkAction(sdk(emu));
		expect(codes).toEqual(Array(13).fill('OK'));
		expect(
			emu
				.calls()
				.every((c) => c.signatureMethod === 'ACS3-HMAC-SHA256' && c.outcome === 'accepted'),
		).toBe(true);
		expect(emu.stats().sends).toBe(4);
	});

	it('is accepted with signatureAlgorithm v2 (V1 HMAC-SHA1), also with STS', async () => {
		const codes = await everySdkAction(sdk(emu, { signatureAlgorithm: 'v2' }));
		expect(codes).toEqual(Array(13).fill('OK'));
		const sts = sdk(emu, { ...EMULATOR_KEYS.sts, signatureAlgorithm: 'v2' });
		const list = await sts.listChatappTemplate(
			new $Cams.ListChatappTemplateRequest({ custSpaceId: WA }),
		);
		expect(list.body?.code).toBe('OK');
		expect(
			emu.calls().every((c) => c.signatureMethod === 'HMAC-SHA1' && c.outcome === 'accepted'),
		).toBe(true);
	});

	it('is accepted with an STS config (x-acs-security-token)', async () => {
		const client = sdk(emu, { ...EMULATOR_KEYS.sts });
		const body = (
			await client.queryChatappPhoneNumbers(
				new $Cams.QueryChatappPhoneNumbersRequest({ custSpaceId: WA }),
			)
		).body!;
		expect(body.code).toBe('OK');
		expect(body.phoneNumbers?.map((n) => n.phoneNumber)).toEqual([
			SEED_NUMBERS.connected,
			SEED_NUMBERS.pending,
		]);
		expect(emu.calls()[0].accessKeyId).toBe(EMULATOR_KEYS.sts.accessKeyId);
		const wrong = sdk(emu, { ...EMULATOR_KEYS.sts, securityToken: 'CAIS.someone-elses-token' });
		await expect(
			wrong.queryChatappBindWaba(new $Cams.QueryChatappBindWabaRequest({ custSpaceId: WA })),
		).rejects.toMatchObject({
			code: 'InvalidSecurityToken.MismatchWithAccessKey',
			statusCode: 400,
		});
	});

	it('parses the emulated models: detail components, list paging, upload authorization', async () => {
		const client = sdk(emu);
		const detail = (
			await client.getChatappTemplateDetail(
				new $Cams.GetChatappTemplateDetailRequest({
					custSpaceId: WA,
					templateName: 'order_shipped',
					language: 'en_US',
				}),
			)
		).body?.data;
		expect(detail?.components?.map((c) => c.type)).toEqual(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']);
		expect(detail?.components?.[3].buttons?.[0]).toMatchObject({
			type: 'URL',
			urlType: 'dynamic',
			url: 'https://shop.example.com/track/$(trackingId)',
		});
		const pages = await Promise.all(
			[1, 2, 3].map((index) =>
				client.listChatappTemplate(
					new $Cams.ListChatappTemplateRequest({ custSpaceId: WA, page: { index, size: 10 } }),
				),
			),
		);
		expect(pages.map((p) => p.body?.listTemplate?.length)).toEqual([
			10,
			10,
			SEED_TEMPLATES.whatsappCount - 20,
		]);
		expect(pages[0].body?.total).toBe(SEED_TEMPLATES.whatsappCount);
		const upload = (
			await client.getChatappUploadAuthorization(
				new $Cams.GetChatappUploadAuthorizationRequest({ custSpaceId: WA }),
			)
		).body?.data;
		expect(upload).toMatchObject({
			accessKeyId: EMULATOR_KEYS.oss.accessKeyId,
			endPoint: `${emu.url}/__oss`,
			dir: `${WA}/`,
			expire: 3600,
		});
	});

	it('is accepted through the generic callApi for the actions missing from npm 1.4.2', async () => {
		const client = sdk(emu);
		const bodies = [
			await sdkCallApi(client, 'ListInstance', { PageIndex: '1', PageSize: '1' }),
			await sdkCallApi(client, 'QueryInstance', { InstanceId: SEED_CHANNELS.viber.instanceId }),
			await sdkCallApi(client, 'GetChatappOpenStatus'),
			await sdkCallApi(client, 'GeneratePresignedUrl', { FilePath: `${WA}/a.jpg` }),
			await sdkCallApi(client, 'ListChatappMessage', {
				CustSpaceId: WA,
				ChannelType: 'whatsapp',
				BusinessNumber: FROM,
				Page: '{"Index":1,"Size":5}',
			}),
		];
		expect(bodies.map((b) => b.Code)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
		expect(bodies[0]).toMatchObject({
			TotalCount: 3,
			Data: [expect.objectContaining({ CustSpaceId: WA })],
		});
		expect(bodies[1]).toMatchObject({
			Data: { CustSpaceId: SEED_CHANNELS.viber.custSpaceId, ChannelType: 'VIBER' },
		});
		expect(bodies[2]).toMatchObject({ OpenStatus: true });
	});
});
