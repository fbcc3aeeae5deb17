/** Gateway behaviour: per-action QPS, latency, and the fault modes. */
import { call, rawRequest, signCall, sendSigned } from './helpers';
import {
	DEFAULT_QPS,
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from './index';

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
const SEND = {
	ChannelType: 'whatsapp',
	Type: 'template',
	From: SEED_NUMBERS.connected,
	To: '6580000001',
	CustSpaceId: WA,
	TemplateCode: SEED_TEMPLATES.holidayHours.code,
	Language: 'en_US',
	TaskId: 'gw-1',
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let emu: CamsEmulator;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const codes = async (pending: Array<Promise<{ json: Record<string, unknown> }>>) =>
	(await Promise.all(pending)).map((r) => r.json.Code);
const count = (list: unknown[], value: unknown) => list.filter((item) => item === value).length;

describe('QPS quotas (sliding 1-second log per action)', () => {
	it('answers Throttling.User above the default quota and admits again after the window', async () => {
		expect(DEFAULT_QPS).toMatchObject({
			SendChatappMessage: 250,
			SendChatappMassMessage: 10,
			ListChatappTemplate: 5,
			CreateChatappTemplate: 50,
		});
		const burst = await Promise.all(
			Array.from({ length: 8 }, () => call(emu, 'ListChatappTemplate', { CustSpaceId: WA })),
		);
		expect(
			count(
				burst.map((r) => r.json.Code),
				'OK',
			),
		).toBe(5);
		const throttled = burst.find((r) => r.json.Code === 'Throttling.User');
		expect(throttled).toMatchObject({
			status: 400,
			json: { Message: 'Request was denied due to user flow control.', HostId: expect.any(String) },
		});
		expect(emu.stats().throttled).toEqual({ ListChatappTemplate: 3 });
		expect(emu.calls({ outcome: 'throttled' })).toHaveLength(3);
		await sleep(1050);
		expect((await call(emu, 'ListChatappTemplate', { CustSpaceId: WA })).json.Code).toBe('OK');
		expect(
			count(await codes(Array.from({ length: 12 }, () => call(emu, 'ListInstance'))), 'OK'),
		).toBe(12);
	});

	it('enforces SendChatappMassMessage at 10 and SendChatappMessage at 250 per second', async () => {
		const mass = { ...SEND, SenderList: [{ To: '6580000002' }], Type: undefined, To: undefined };
		const massCodes = await codes(
			Array.from({ length: 13 }, () => call(emu, 'SendChatappMassMessage', mass)),
		);
		expect([count(massCodes, 'OK'), count(massCodes, 'Throttling.User')]).toEqual([10, 3]);
		const sendCodes = await codes(
			Array.from({ length: 260 }, (_, i) =>
				call(emu, 'SendChatappMessage', { ...SEND, TaskId: `t${i}` }),
			),
		);
		expect(count(sendCodes, 'OK')).toBeGreaterThanOrEqual(250);
		expect(count(sendCodes, 'OK') + count(sendCodes, 'Throttling.User')).toBe(260);
		expect(emu.stats().sends).toBe(10 + count(sendCodes, 'OK'));
	});

	it('takes quotas from options and the control API (null = unlimited)', async () => {
		emu.configure({
			qps: { ListChatappTemplate: 2, QueryChatappBindWaba: null as unknown as number },
		});
		expect(
			count(
				await codes(Array.from({ length: 4 }, () => call(emu, 'ListChatappTemplate', {}))),
				'OK',
			),
		).toBe(2);
		expect(
			count(
				await codes(
					Array.from({ length: 15 }, () => call(emu, 'QueryChatappBindWaba', { CustSpaceId: WA })),
				),
				'OK',
			),
		).toBe(15);
		expect(emu.config().qps).toEqual({ ListChatappTemplate: 2, QueryChatappBindWaba: null });
		const custom = await startEmulator({ qps: { GetChatappOpenStatus: 1 } });
		try {
			expect(
				count(
					await codes([call(custom, 'GetChatappOpenStatus'), call(custom, 'GetChatappOpenStatus')]),
					'OK',
				),
			).toBe(1);
		} finally {
			await custom.close();
		}
	});
});

describe('latency', () => {
	it('applies fixed latency, jitter and a one-off spike before answering', async () => {
		emu.configure({ latency: { fixedMs: 120, jitterMs: 30 } });
		let started = Date.now();
		await call(emu, 'ListInstance');
		const first = Date.now() - started;
		expect(first).toBeGreaterThanOrEqual(115);
		expect(first).toBeLessThan(600);
		emu.configure({ latency: { fixedMs: 0, jitterMs: 0 } });
		await emu.setFaults({ latencySpikeMs: 200, latencySpikeCount: 1 });
		started = Date.now();
		await call(emu, 'ListInstance');
		expect(Date.now() - started).toBeGreaterThanOrEqual(195);
		started = Date.now();
		await call(emu, 'ListInstance');
		expect(Date.now() - started).toBeLessThan(150);
	});
});

describe('faults', () => {
	it('throttles the next n calls, and answers 500 InternalError without applying the action', async () => {
		await emu.setFaults({ throttleBurst: 2, serverErrors: 1 });
		const results = [];
		for (let i = 0; i < 4; i++)
			results.push(await call(emu, 'SendChatappMessage', { ...SEND, TaskId: `f${i}` }));
		expect(results.map((r) => [r.status, r.json.Code])).toEqual([
			[400, 'Throttling.User'],
			[400, 'Throttling.User'],
			[500, 'InternalError'],
			[200, 'OK'],
		]);
		expect(emu.stats().sends).toBe(1);
		await emu.setFaults({ serverErrorRate: 1 });
		expect((await call(emu, 'ListInstance')).json.Code).toBe('InternalError');
		expect(emu.stats().serverErrors).toEqual({ SendChatappMessage: 1, ListInstance: 1 });
	});

	it('resets the connection before the action (not applied) or after it (applied, no answer)', async () => {
		await emu.setFaults({ resetConnections: 1, resetMode: 'before' });
		await expect(call(emu, 'SendChatappMessage', SEND)).rejects.toMatchObject({
			code: expect.stringMatching(/ECONNRESET|socket hang up/),
		});
		expect(emu.stats().sends).toBe(0);
		expect(emu.calls()[0]).toMatchObject({ action: 'SendChatappMessage', outcome: 'reset-before' });
		await emu.setFaults({ resetConnections: 1, resetMode: 'after' });
		await expect(call(emu, 'SendChatappMessage', SEND)).rejects.toThrow();
		expect(emu.stats().sends).toBe(1);
		expect(emu.calls()[1]).toMatchObject({ outcome: 'reset-after', code: 'OK' });
		expect(emu.stats().accepted).toEqual({ SendChatappMessage: 1 });
		expect((await call(emu, 'SendChatappMessage', SEND)).json.Code).toBe('OK');
		expect(emu.stats().duplicates).toBe(1);
	});

	it('refuses connections while `refuse` is set, then listens again on the same port', async () => {
		const port = emu.port;
		await emu.setFaults({ refuse: true });
		await expect(call(emu, 'ListInstance')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
		await emu.setFaults({ refuse: false });
		expect(emu.port).toBe(port);
		expect((await call(emu, 'ListInstance')).json.Code).toBe('OK');
		await emu.setFaults({ refuseMs: 100 });
		await expect(call(emu, 'ListInstance')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
		await sleep(200);
		expect((await call(emu, 'ListInstance')).json.Code).toBe('OK');
	});

	it('rejects other paths and missing actions the gateway way', async () => {
		const signed = signCall(emu, 'ListInstance');
		expect((await sendSigned(signed, { url: `${emu.url}/v1/ListInstance` })).json.Code).toBe(
			'InvalidAction.NotFound',
		);
		expect((await rawRequest(`${emu.url}/`, { body: '' })).json.Code).toBe('MissingParameter');
		expect(
			(
				await rawRequest(`${emu.url}/`, {
					headers: { 'x-acs-action': 'ListInstance', 'x-acs-version': '2020-06-06' },
				})
			).json.Code,
		).toBe('MissingSignature');
	});
});
