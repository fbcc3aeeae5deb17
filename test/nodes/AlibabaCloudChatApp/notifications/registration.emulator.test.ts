/**
 * The trigger against the CAMS emulator: "Configure Callback in CAMS" (checkExists / create /
 * delete in n8n-core's real HookContext, signed by our credential over real HTTP), and the
 * emulator's own pushes (after a send, a template create, an inbound message) travelling over
 * HTTP into webhook() through a loopback server that answers what n8n would answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	accountRestoration,
	phoneRestoration,
	previousUrls,
	type RegistrationRecord,
	type RegistrationTarget,
} from '../../../../nodes/AlibabaCloudChatApp/triggers/registration';
import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../../../emulator';
import { byId, credentialsFor } from '../../../helpers/chatApp';
import { runProbe } from '../../../helpers/probeNode';
import {
	NODE_ID,
	post,
	PRODUCTION_URL,
	runLifecycle,
	TEST_URL,
	WEBHOOK_ID,
} from './webhookHarness';

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
const NUMBER = SEED_NUMBERS.connected;
const FOREIGN = 'https://crm.example.com/cams/inbound';

let emu: CamsEmulator;
const credentials = () => credentialsFor(emu.url);

beforeAll(async () => {
	emu = await startEmulator({
		enforceQps: false,
		auditDelayMs: 30,
		statusDelays: { sent: 10, delivered: 20, read: 30, failed: 10 },
	});
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function registering(events: string[], extra: INodeParameters = {}): INodeParameters {
	return {
		events,
		configureCallback: true,
		channelId: byId(WA),
		phoneNumber: byId(NUMBER),
		...extra,
	};
}

const phone = () => emu.webhooks().senders[NUMBER];
const account = () => emu.webhooks().accounts[WA];
const writes = () =>
	emu
		.calls()
		.filter((call) => call.action?.startsWith('Update'))
		.map((call) => call.params);

describe('registration lifecycle', () => {
	it('does nothing in CAMS, and needs no credential, when "Configure Callback in CAMS" is off', async () => {
		const staticData: IDataObject = {};
		for (const method of ['checkExists', 'create', 'delete'] as const) {
			expect(
				await runLifecycle(method, { parameters: { events: ['inboundMessage'] }, staticData }),
			).toBe(true);
		}
		expect(emu.calls()).toEqual([]);
	});

	it('refuses to activate with an unusable Path Secret', async () => {
		await expect(
			runLifecycle('checkExists', { parameters: { pathSecret: 'short' }, staticData: {} }),
		).rejects.toThrow('The Path Secret cannot be used');
	});

	it('registers a fresh number and channel, sees it registered, and switches push off again on delete', async () => {
		const staticData: IDataObject = {};
		const options = {
			// The channel URL cannot be read, so taking it needs Take Over (see registration.channel).
			parameters: registering(['inboundMessage', 'messageStatus', 'templateReview'], {
				takeOverCallback: true,
			}),
			credentials: credentials(),
			staticData,
		};
		expect(await runLifecycle('checkExists', options)).toBe(false);
		expect(await runLifecycle('create', options)).toBe(true);
		expect(phone()).toMatchObject({
			upCallbackUrl: PRODUCTION_URL,
			statusCallbackUrl: PRODUCTION_URL,
			httpFlag: 'Y',
		});
		expect(account()).toMatchObject({ statusCallbackUrl: PRODUCTION_URL, httpFlag: 'Y' });
		expect(await runLifecycle('checkExists', options)).toBe(true);

		expect(await runLifecycle('delete', options)).toBe(true);
		// Nothing was set before; CAMS gets HTTP push switched off (our transport cannot send an empty URL).
		expect(phone()).toMatchObject({ httpFlag: 'N' });
		expect(account()).toMatchObject({ httpFlag: 'N' });
		expect(staticData['node:Alibaba Cloud Chat App Trigger']).toEqual({
			callbackRegistrations: {},
		});
		expect(await runLifecycle('checkExists', options)).toBe(false);
	});

	it('writes only the callbacks the chosen events need, and leaves the others as they were', async () => {
		emu.setWebhooks({ senders: { [NUMBER]: { statusCallbackUrl: FOREIGN } } });
		const options = {
			parameters: registering(['inboundMessage']),
			credentials: credentials(),
			staticData: {},
		};
		await runLifecycle('create', options);
		expect(phone()).toMatchObject({ upCallbackUrl: PRODUCTION_URL, statusCallbackUrl: FOREIGN });
		expect(account().statusCallbackUrl).toBeUndefined();
		await runLifecycle('delete', options);
		// The status URL still serves another system, so HTTP push stays on.
		expect(phone()).toMatchObject({ statusCallbackUrl: FOREIGN, httpFlag: 'Y' });
	});

	it('stops activation when another URL receives the number’s events, and shows it', async () => {
		emu.setWebhooks({ senders: { [NUMBER]: { upCallbackUrl: FOREIGN } } });
		const options = {
			parameters: registering(['inboundMessage', 'messageStatus']),
			credentials: credentials(),
			staticData: {},
		};
		expect(await runLifecycle('checkExists', options)).toBe(false);
		const error = await runLifecycle('create', options).catch(
			(caught: Error & { description?: string }) => caught,
		);
		expect(error).toMatchObject({
			name: 'NodeOperationError',
			message: `Business number ${NUMBER} already pushes to ${FOREIGN}`,
		});
		expect((error as { description: string }).description).toContain(
			`UpCallbackUrl of the number (inbound messages): ${FOREIGN}`,
		);
		expect((error as { description: string }).description).toContain('Take Over Existing Callback');
		expect(phone().upCallbackUrl).toBe(FOREIGN);
		expect(writes()).toEqual([]);
	});

	it('takes the callback over when asked, and gives it back on delete', async () => {
		emu.setWebhooks({
			senders: { [NUMBER]: { upCallbackUrl: FOREIGN, statusCallbackUrl: FOREIGN } },
		});
		const staticData: IDataObject = {};
		const options = {
			parameters: registering(['inboundMessage', 'messageStatus'], { takeOverCallback: true }),
			credentials: credentials(),
			staticData,
		};
		await runLifecycle('create', options);
		expect(phone()).toMatchObject({
			upCallbackUrl: PRODUCTION_URL,
			statusCallbackUrl: PRODUCTION_URL,
			httpFlag: 'Y',
		});
		await runLifecycle('delete', options);
		expect(phone()).toMatchObject({
			upCallbackUrl: FOREIGN,
			statusCallbackUrl: FOREIGN,
			httpFlag: 'Y',
		});
	});

	it('keeps the original URL to restore when it registers again over its own URL', async () => {
		emu.setWebhooks({ senders: { [NUMBER]: { upCallbackUrl: FOREIGN } } });
		const staticData: IDataObject = {};
		const options = {
			parameters: registering(['inboundMessage'], { takeOverCallback: true }),
			credentials: credentials(),
			staticData,
		};
		await runLifecycle('create', options);
		await runLifecycle('create', options);
		await runLifecycle('delete', options);
		expect(phone().upCallbackUrl).toBe(FOREIGN);
	});

	it('a test listen changes nothing in CAMS and leaves the production registration as it was', async () => {
		const staticData: IDataObject = {};
		const parameters = registering(['inboundMessage', 'templateReview'], {
			takeOverCallback: true,
		});
		const production = { parameters, credentials: credentials(), staticData };
		await runLifecycle('create', production);
		const before = emu.webhooks();
		const calls = emu.calls().length;
		// One listen: n8n carries its fresh static data from create() to delete().
		const test = { ...production, isTest: true, testStaticData: {} };
		expect(await runLifecycle('checkExists', test)).toBe(true);
		expect(await runLifecycle('create', test)).toBe(true);
		expect(await runLifecycle('delete', test)).toBe(true);
		expect(emu.webhooks()).toEqual(before);
		expect(emu.calls()).toHaveLength(calls);
		expect(test.testStaticData).toEqual({});
		expect(await runLifecycle('checkExists', production)).toBe(true);
	});

	it('does not undo a callback that someone else replaced after activation', async () => {
		const options = {
			parameters: registering(['inboundMessage']),
			credentials: credentials(),
			staticData: {},
		};
		await runLifecycle('create', options);
		emu.setWebhooks({ senders: { [NUMBER]: { upCallbackUrl: FOREIGN } } });
		const before = writes().length;
		await runLifecycle('delete', options);
		expect(phone()).toMatchObject({ upCallbackUrl: FOREIGN, httpFlag: 'Y' });
		expect(writes()).toHaveLength(before);
	});

	it('explains a business number that is not in the channel, and a missing channel', async () => {
		const options = {
			parameters: registering(['inboundMessage'], { phoneNumber: byId('6500000000') }),
			credentials: credentials(),
			staticData: {},
		};
		await expect(runLifecycle('checkExists', options)).rejects.toMatchObject({
			message: `Business number 6500000000 is not in channel ${WA}`,
			description: expect.stringContaining(NUMBER),
		});
		const noChannel = {
			...options,
			parameters: registering(['inboundMessage'], { channelId: byId('') }),
		};
		await expect(runLifecycle('checkExists', noChannel)).rejects.toThrow(
			'Choose the Channel and the Business Number to configure',
		);
	});

	it('surfaces CAMS errors instead of hiding them', async () => {
		const options = {
			parameters: registering(['inboundMessage'], { channelId: byId('cams-unknown') }),
			credentials: credentials(),
			staticData: {},
		};
		await expect(runLifecycle('create', options)).rejects.toMatchObject({
			name: 'NodeApiError',
			message: expect.stringContaining('QueryChatappPhoneNumbers failed'),
		});
	});
});

describe('restoration planning', () => {
	const record = (
		kinds: RegistrationRecord['kinds'],
		previous: RegistrationRecord['previous'],
	): RegistrationRecord => ({
		url: PRODUCTION_URL,
		channelId: WA,
		phoneNumber: NUMBER,
		kinds,
		previous,
	});

	it('puts previous URLs back, keeps push on while another URL remains, and off otherwise', () => {
		expect(
			phoneRestoration(record(['inbound', 'status'], { inbound: FOREIGN, status: '' }), {
				inbound: PRODUCTION_URL,
				status: PRODUCTION_URL,
			}),
		).toEqual({
			inbound: FOREIGN,
			status: undefined,
			httpFlag: 'Y',
		});
		expect(
			phoneRestoration(record(['inbound'], { inbound: '' }), {
				inbound: PRODUCTION_URL,
				status: '',
			}),
		).toEqual({ inbound: undefined, status: undefined, httpFlag: 'N' });
		expect(
			phoneRestoration(record(['inbound'], { inbound: '' }), { inbound: FOREIGN, status: '' }),
		).toBeUndefined();
		expect(accountRestoration(record(['account'], { account: '' }))).toEqual({ httpFlag: 'N' });
		expect(accountRestoration(record(['account'], { account: FOREIGN }))).toEqual({
			url: FOREIGN,
			httpFlag: 'Y',
		});
		expect(accountRestoration(record(['inbound'], {}))).toBeUndefined();
	});

	it('does not restore a stale test URL in production', () => {
		const target: RegistrationTarget = {
			url: PRODUCTION_URL,
			channelId: WA,
			phoneNumber: NUMBER,
			kinds: ['inbound'],
			takeOver: false,
		};
		expect(previousUrls(target, { inbound: TEST_URL, status: '' }, {})).toEqual({ inbound: '' });
	});
});

describe('pushes from the emulator reach webhook()', () => {
	let server: Server;
	let base: string;
	let received: INodeExecutionData[][];
	let answers: Array<{ status: number; body: unknown }>;
	let parameters: INodeParameters;
	const staticData: IDataObject = {};

	beforeAll(async () => {
		// Forwards each POST, as n8n would: the raw bytes as `rawBody`, then answers with webhook()'s result.
		server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				post({ rawBody: Buffer.concat(chunks), path: req.url, parameters, staticData })
					.then((result) => {
						answers.push({ status: result.status, body: result.body });
						if (result.executionStarted) received.push(result.items);
						return { status: result.status, body: result.body };
					})
					// n8n answers 500 when webhook() throws; the test then sees it in `answers`.
					.catch((error: Error) => ({ status: 500, body: { message: error.message } }))
					.then(({ status, body }) => {
						if (status === 500) answers.push({ status, body });
						res.writeHead(status, { 'content-type': 'application/json' });
						res.end(JSON.stringify(body));
					});
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	beforeEach(async () => {
		received = [];
		answers = [];
		for (const key of Object.keys(staticData)) delete staticData[key];
		parameters = registering(['inboundMessage', 'messageStatus', 'templateReview'], {
			takeOverCallback: true,
		});
		await runLifecycle('create', {
			parameters,
			credentials: credentials(),
			staticData,
			webhookBaseUrl: base,
		});
		expect(phone().upCallbackUrl).toBe(`${base}/webhook/${WEBHOOK_ID}/${NODE_ID}`);
	});

	const callCams = async (action: string, params: IDataObject) =>
		(await runProbe(credentials(), action, params)).output[0][0].json;
	const items = () => received.flat().map((item) => item.json);

	it('an injected inbound message, then a reply with its statuses, become items; CAMS sees every push acknowledged', async () => {
		emu.inbound({ from: '6580000001', to: NUMBER, text: 'Where is my order?' });
		emu.inbound({ from: '6580000001', to: NUMBER, type: 'IMAGE', text: 'this one' });
		await emu.settle();
		const sent = await callCams('SendChatappMessage', {
			ChannelType: 'whatsapp',
			Type: 'message',
			MessageType: 'text',
			From: NUMBER,
			To: '6580000001',
			CustSpaceId: WA,
			Content: JSON.stringify({ text: 'On its way' }),
		});
		await emu.settle();
		expect(items().filter((item) => item.event === 'inboundMessage')).toEqual([
			expect.objectContaining({
				text: 'Where is my order?',
				customer: '6580000001',
				businessNumber: NUMBER,
				channelId: WA,
				channelType: 'whatsapp',
			}),
			expect.objectContaining({
				messageType: 'IMAGE',
				text: 'this one',
				media: expect.objectContaining({
					mimeType: 'image/png',
					url: expect.stringContaining('/__media/'),
				}),
			}),
		]);
		expect(
			items()
				.filter((item) => item.event === 'messageStatus')
				.map((item) => [item.messageId, item.status]),
		).toEqual([
			[sent.MessageId, 'Sent'],
			[sent.MessageId, 'Delivered'],
			[sent.MessageId, 'Read'],
		]);
		expect(answers.every((answer) => answer.status === 200)).toBe(true);
		expect(emu.pushes().every((push) => push.delivered && push.attempts.length === 1)).toBe(true);
	});

	it('a failed template send becomes a Failed status with its error code', async () => {
		await callCams('SendChatappMessage', {
			ChannelType: 'whatsapp',
			Type: 'template',
			From: NUMBER,
			To: '9990000001',
			CustSpaceId: WA,
			TemplateCode: SEED_TEMPLATES.orderShipped.code,
			Language: 'en_US',
			TemplateParams: JSON.stringify({
				orderId: 'A1',
				name: 'Bob',
				date: '2 May',
				trackingId: 'T-1',
			}),
		});
		await emu.settle();
		expect(items()).toEqual([
			expect.objectContaining({
				event: 'messageStatus',
				status: 'Failed',
				errorCode: '131026',
				templateCode: SEED_TEMPLATES.orderShipped.code,
				frameType: 'template',
				messageType: 'TEMPLATE',
			}),
		]);
	});

	it('a created template’s review result becomes a Template Review item', async () => {
		const created = await callCams('CreateChatappTemplate', {
			CustSpaceId: WA,
			TemplateType: 'WHATSAPP',
			Name: 'trigger_test',
			Language: 'en_US',
			Category: 'UTILITY',
			Components: JSON.stringify([{ Type: 'BODY', Text: 'Hi $(name), your order is ready.' }]),
			Example: JSON.stringify({ name: 'Bob' }),
		});
		await emu.settle();
		const templateCode =
			(created.Data as IDataObject | undefined)?.TemplateCode ?? created.TemplateCode;
		expect(items()).toEqual([
			expect.objectContaining({
				event: 'templateReview',
				receiptType: 'ChatAppAudit',
				templateCode,
				language: 'en_US',
				auditStatus: 'pass',
			}),
		]);
	});

	it('a push CAMS repeats (no acknowledgement the first time) is delivered once', async () => {
		const event = emu.inbound({ from: '6580000001', to: NUMBER, text: 'again' });
		await emu.settle();
		// The same bytes again, as after a lost acknowledgement.
		const again = await post({
			rawBody: Buffer.from(JSON.stringify([event])),
			parameters,
			staticData,
		});
		expect([again.status, again.executionStarted]).toEqual([200, false]);
		expect(items().map((item) => item.text)).toEqual(['again']);
	});
});
