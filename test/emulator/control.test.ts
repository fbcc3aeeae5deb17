/** The HTTP control API under /__control/*, and `npm run emulator` (cli.ts). */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { call, rawRequest, startReceiver } from './helpers';
import {
	EMULATOR_KEYS,
	SEED_CHANNELS,
	SEED_NUMBERS,
	startEmulator,
	type CamsEmulator,
} from './index';

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
type Json = Record<string, unknown>;

let emu: CamsEmulator;
beforeAll(async () => {
	emu = await startEmulator({
		statusDelays: { sent: 5, delivered: 5, read: 5 },
		batchWindowMs: 10,
	});
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const control = async (name: string, body?: unknown) => {
	const response = await rawRequest(`${emu.url}/__control/${name}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return response.json as Json & Json[];
};

describe('control API over HTTP', () => {
	it('describes itself and records decoded calls', async () => {
		const index = await control('');
		expect(index).toMatchObject({
			url: emu.url,
			keys: { accessKeyId: EMULATOR_KEYS.accessKeyId },
			actions: expect.arrayContaining(['SendChatappMessage', 'ListInstance']),
		});
		await call(emu, 'ListChatappTemplate', {
			CustSpaceId: WA,
			Page: { Index: 2, Size: 3 },
			Name: 'a b+c',
		});
		await call(
			emu,
			'QueryChatappBindWaba',
			{ CustSpaceId: WA },
			{ keys: { accessKeyId: EMULATOR_KEYS.accessKeyId, accessKeySecret: 'bad' } },
		);
		const calls = (await control('calls')) as unknown as Json[];
		expect(calls).toEqual([
			expect.objectContaining({
				action: 'ListChatappTemplate',
				signatureMethod: 'ACS3-HMAC-SHA256',
				outcome: 'accepted',
				code: 'OK',
				params: { CustSpaceId: WA, Page: '{"Index":2,"Size":3}', Name: 'a b+c' },
			}),
			expect.objectContaining({
				action: 'QueryChatappBindWaba',
				outcome: 'rejected',
				code: 'SignatureDoesNotMatch',
				httpStatus: 400,
			}),
		]);
		expect(await control('stats')).toMatchObject({
			calls: 2,
			accepted: { ListChatappTemplate: 1 },
			rejected: { QueryChatappBindWaba: 1 },
		});
	});

	it('sets webhooks, injects inbound messages, lists pushes and settles', async () => {
		const receiver = await startReceiver();
		try {
			await control('webhooks', {
				senders: {
					[SEED_NUMBERS.connected]: {
						upCallbackUrl: `${receiver.url}/up`,
						statusCallbackUrl: `${receiver.url}/st`,
					},
				},
			});
			const event = await control('inbound', {
				from: '6580000020',
				to: SEED_NUMBERS.connected,
				type: 'LOCATION',
			});
			expect(event).toMatchObject({
				Type: 'LOCATION',
				From: '6580000020',
				Message: expect.stringContaining('latitude'),
			});
			expect(
				(
					await call(emu, 'SendChatappMessage', {
						ChannelType: 'whatsapp',
						Type: 'message',
						MessageType: 'text',
						From: SEED_NUMBERS.connected,
						To: '6580000020',
						CustSpaceId: WA,
						Content: '{"text":"hi"}',
					})
				).json.Code,
			).toBe('OK');
			await control('settle', { timeoutMs: 5000 });
			const pushes = (await control('pushes')) as unknown as Json[];
			expect(pushes.map((p) => [p.kind, p.delivered])).toEqual([
				['ChatAppInbound', true],
				['ChatAppStatus', true],
			]);
			expect(receiver.received.map((p) => p.path)).toEqual(['/up', '/st']);
			expect(await control('webhooks')).toMatchObject({
				senders: { [SEED_NUMBERS.connected]: { upCallbackUrl: `${receiver.url}/up` } },
			});
		} finally {
			await receiver.close();
		}
	});

	it('changes faults, config and time, and resets everything', async () => {
		expect(await control('faults', { throttleBurst: 1 })).toMatchObject({ throttleBurst: 1 });
		expect((await call(emu, 'ListInstance')).json.Code).toBe('Throttling.User');
		expect(
			await control('config', { qps: { ListInstance: 1 }, latency: { fixedMs: 1 } }),
		).toMatchObject({ qps: { ListInstance: 1 }, latency: { fixedMs: 1, jitterMs: 0 } });
		const time = await control('time', { advanceMs: 3600_000 });
		expect(Math.abs((time.now as number) - Date.now() - 3600_000)).toBeLessThan(1000);
		expect(
			(
				await control('templates/status', {
					code: (await control('templates'))[0].code,
					language: 'en_US',
					status: 'fail',
					reason: 'x',
				})
			).auditStatus,
		).toBe('fail');
		await control('reset', {});
		expect(await control('faults')).toMatchObject({ throttleBurst: 0, refuse: false });
		expect(await control('config')).toMatchObject({ qps: {}, latency: { fixedMs: 0 } });
		expect(Math.abs(((await control('time')).now as number) - Date.now())).toBeLessThan(1000);
		expect(await control('calls')).toEqual([]);
		expect((await rawRequest(`${emu.url}/__control/nope`, { method: 'GET' })).status).toBe(404);
	});
});

describe('npm run emulator', () => {
	it('starts on PORT, prints the URL and the test AccessKey, and stops on SIGINT', async () => {
		const root = path.resolve(__dirname, '../..');
		const child = spawn(
			process.execPath,
			[require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'test/emulator/cli.ts'],
			{
				cwd: root,
				env: { ...process.env, PORT: '0', EMULATOR_LOG: '0' },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		try {
			let output = '';
			child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
			const deadline = Date.now() + 25_000;
			while (!output.includes('Press Ctrl-C') && Date.now() < deadline && child.exitCode === null)
				await new Promise((r) => setTimeout(r, 50));
			expect(output).toContain(EMULATOR_KEYS.accessKeyId);
			expect(output).toContain(EMULATOR_KEYS.accessKeySecret);
			const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
			expect(url).toBeDefined();
			expect((await rawRequest(`${url}/__control/time`, { method: 'GET' })).status).toBe(200);
			const exited = new Promise<number | null>((resolve) =>
				child.once('exit', (code) => resolve(code)),
			);
			child.kill('SIGINT');
			expect(await exited).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}, 40_000);
});
