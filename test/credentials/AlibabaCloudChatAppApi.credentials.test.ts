/**
 * Our credential, driven through n8n-core's real request helper (test/helpers/n8nCore.ts): what a
 * server receives must verify independently (test/helpers/acs3Verify.ts, written from
 * signing.md, none of our signer's code), must be byte-identical to what the official SDK sends
 * for the same request, and must never carry the secret.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { AlibabaCloudChatAppApi } from '../../credentials/AlibabaCloudChatAppApi.credentials';
import { sha256Hex } from '../../credentials/common/acs/signer';
import {
	EMULATOR_KEYS,
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../emulator';
import { formDecodePairs, verifyAcs3 } from '../helpers/acs3Verify';
import { SIGNING_CASES } from '../helpers/camsSigningCases';
import { createExecuteHarness, testCredential, type AuthenticateRecord } from '../helpers/n8nCore';
import { AlibabaCloudChatApp } from '../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { AlibabaCloudChatAppTrigger } from '../../nodes/AlibabaCloudChatApp/AlibabaCloudChatAppTrigger.node';
import { CamsProbe, runProbe } from '../helpers/probeNode';
import {
	startRecordingServer,
	type RecordedRequest,
	type RecordingServer,
} from '../helpers/recordingServer';
import { installSdkClock, sdkCall } from '../helpers/sdkOracle';

const AK = {
	accessKeyId: 'LTAI5tCredentialTest01',
	accessKeySecret: 'Cr3d/Secret+With=Specials&Chars',
};
const STS = {
	accessKeyId: 'STS.NUjT9CredentialTest',
	accessKeySecret: 'StsCr3dSecret/+=',
	securityToken: 'CAIS+wF1q6Ft5B2yfSjIr5bPLt/=credential test token==',
};

const credentialsFor = (
	endpoint: string,
	keys: IDataObject = AK,
	extra: IDataObject = {},
): IDataObject => ({
	...keys,
	region: 'custom',
	endpoint,
	...extra,
});

const SEND_PARAMS = {
	CustSpaceId: 'cs-1',
	ChannelType: 'whatsapp',
	Type: 'message',
	MessageType: 'text',
	From: '6580000000',
	To: '6591234567',
	Content: JSON.stringify({ text: "It's 100% (really)! * ~ + / = & 中文 😀" }),
	Tag: 'a b+c',
};

/** Runs the probe node once through the real ExecuteContext and returns the harness. */
async function probe(
	endpoint: string,
	action: string,
	params: IDataObject,
	credentials: IDataObject = credentialsFor(endpoint),
) {
	return await runProbe(credentials, action, params);
}

function pathAndQuery(url: string): string {
	const parsed = new URL(url);
	return `${parsed.pathname}${parsed.search}`;
}

/** The request our credential returned to n8n-core is exactly what arrived on the socket. */
function expectSentAsSigned(signed: IHttpRequestOptions, received: RecordedRequest) {
	expect(received.method).toBe(signed.method);
	expect(received.url).toBe(pathAndQuery(signed.url));
	const body = signed.body === undefined ? '' : String(signed.body);
	expect(received.body.toString('utf8')).toBe(body);
	for (const [name, value] of Object.entries(signed.headers ?? {})) {
		expect([name, received.headers[name.toLowerCase()]]).toEqual([name, String(value)]);
	}
}

function allText(records: AuthenticateRecord[], received: RecordedRequest[]): string {
	return JSON.stringify([
		records.map(({ outgoing }) => ({
			url: outgoing.url,
			headers: outgoing.headers,
			body: outgoing.body,
			qs: outgoing.qs,
		})),
		received.map((r) => ({ url: r.url, rawHeaders: r.rawHeaders, body: r.body.toString('utf8') })),
	]);
}

describe('credential definition', () => {
	const credential = new AlibabaCloudChatAppApi();
	const property = (name: string) => credential.properties.find((p) => p.name === name);

	it('is the type the transport authenticates with', () => {
		expect(credential.name).toBe('alibabaCloudChatAppApi');
		expect(typeof credential.authenticate).toBe('function');
	});

	it('hides the secret and the STS token', () => {
		expect(property('accessKeySecret')?.typeOptions?.password).toBe(true);
		expect(property('securityToken')?.typeOptions?.password).toBe(true);
		expect(property('accessKeyId')?.typeOptions?.password).toBeUndefined();
	});

	it('offers the custom endpoint and shows the URL field only for it', () => {
		const values = (property('region')?.options ?? []).map((o) => (o as { value: string }).value);
		expect(values).toEqual(expect.arrayContaining(['ap-southeast-1', 'custom']));
		expect(property('endpoint')?.displayOptions).toEqual({ show: { region: ['custom'] } });
	});
});

describe('authenticate through n8n-core (recording server)', () => {
	let server: RecordingServer;

	beforeAll(async () => {
		server = await startRecordingServer();
	});
	beforeEach(() => server.reset());
	afterAll(async () => {
		await server.close();
	});

	it('sends a request that an independent verifier accepts, with query and form body', async () => {
		const { credentialsHelper, output } = await probe(
			server.url,
			'SendChatappMessage',
			SEND_PARAMS,
		);
		expect(output[0][0].json).toMatchObject({ Code: 'OK' });
		expect(server.requests).toHaveLength(1);
		const received = server.last();

		const result = verifyAcs3(received, AK.accessKeySecret);
		expect(result).toMatchObject({ ok: true, accessKeyId: AK.accessKeyId });
		expect(result.signedHeaders).toEqual([
			'content-type',
			'host',
			'x-acs-action',
			'x-acs-content-sha256',
			'x-acs-credentials-provider',
			'x-acs-date',
			'x-acs-signature-nonce',
			'x-acs-version',
		]);
		expect(received.headers).toMatchObject({
			'x-acs-version': '2020-06-06',
			'x-acs-action': 'SendChatappMessage',
			'x-acs-credentials-provider': 'static_ak',
			'content-type': 'application/x-www-form-urlencoded',
			host: server.host,
		});
		expect(received.headers['x-acs-security-token']).toBeUndefined();
		expect(result.query).toEqual([['Content', SEND_PARAMS.Content]]);
		expect(new Map(formDecodePairs(received.body.toString('utf8'))).get('Tag')).toBe('a b+c');

		expect(credentialsHelper.authenticated).toHaveLength(1);
		expectSentAsSigned(credentialsHelper.authenticated[0].outgoing, received);
	});

	it('signs a request without a body over the empty payload and sends no content-type', async () => {
		const { credentialsHelper } = await probe(server.url, 'ListChatappTemplate', {
			CustSpaceId: 'cs-1',
			Name: 'a b',
			Page: { Index: 1, Size: 20 },
		});
		const received = server.last();
		expect(verifyAcs3(received, AK.accessKeySecret)).toMatchObject({ ok: true });
		expect(received.body.length).toBe(0);
		expect(received.headers['content-type']).toBeUndefined();
		expect(received.headers['x-acs-content-sha256']).toBe(sha256Hex(''));
		expect(received.url).toBe(
			'/?CustSpaceId=cs-1&Name=a%20b&Page=%7B%22Index%22%3A1%2C%22Size%22%3A20%7D',
		);
		expectSentAsSigned(credentialsHelper.authenticated[0].outgoing, received);
	});

	it('sends and signs the STS token and AccessKey ID headers', async () => {
		const { credentialsHelper } = await probe(
			server.url,
			'SendChatappMessage',
			SEND_PARAMS,
			credentialsFor(server.url, STS),
		);
		const received = server.last();
		const result = verifyAcs3(received, STS.accessKeySecret);
		expect(result).toMatchObject({ ok: true, accessKeyId: STS.accessKeyId });
		expect(received.headers).toMatchObject({
			'x-acs-security-token': STS.securityToken,
			'x-acs-accesskey-id': STS.accessKeyId,
			'x-acs-credentials-provider': 'static_sts',
		});
		expect(result.signedHeaders).toEqual(
			expect.arrayContaining(['x-acs-accesskey-id', 'x-acs-security-token']),
		);
		expectSentAsSigned(credentialsHelper.authenticated[0].outgoing, received);
	});

	it('treats an empty STS field as a permanent key', async () => {
		await probe(
			server.url,
			'QueryChatappPhoneNumbers',
			{ CustSpaceId: 'cs-1' },
			credentialsFor(server.url, { ...AK, securityToken: '' }),
		);
		const received = server.last();
		expect(received.headers['x-acs-security-token']).toBeUndefined();
		expect(received.headers['x-acs-credentials-provider']).toBe('static_ak');
		expect(verifyAcs3(received, AK.accessKeySecret)).toMatchObject({ ok: true });
	});

	it('treats a blank STS field as a permanent key', async () => {
		await probe(
			server.url,
			'QueryChatappPhoneNumbers',
			{ CustSpaceId: 'cs-1' },
			credentialsFor(server.url, { ...AK, securityToken: ' \n' }),
		);
		const received = server.last();
		expect(received.headers['x-acs-security-token']).toBeUndefined();
		expect(received.headers['x-acs-credentials-provider']).toBe('static_ak');
		expect(verifyAcs3(received, AK.accessKeySecret)).toMatchObject({ ok: true });
	});

	it('trims an STS token pasted with a line break', async () => {
		await probe(
			server.url,
			'QueryChatappPhoneNumbers',
			{ CustSpaceId: 'cs-1' },
			credentialsFor(server.url, { ...STS, securityToken: `${STS.securityToken}\n` }),
		);
		const received = server.last();
		expect(received.headers['x-acs-security-token']).toBe(STS.securityToken);
		expect(verifyAcs3(received, STS.accessKeySecret)).toMatchObject({
			ok: true,
			accessKeyId: STS.accessKeyId,
		});
	});

	it.each([
		['as typed', (url: string) => url],
		['with a trailing slash', (url: string) => `${url}/`],
		['with spaces around it', (url: string) => `  ${url}  `],
		['with an upper-case scheme', (url: string) => url.replace('http', 'HTTP')],
	])('uses a custom endpoint with its port (%s), signing host:port', async (_label, endpoint) => {
		await probe(
			server.url,
			'GetChatappUploadAuthorization',
			{ CustSpaceId: 'cs-1' },
			credentialsFor(endpoint(server.url)),
		);
		const received = server.last();
		expect(received.headers.host).toBe(`127.0.0.1:${server.port}`);
		expect(received.url).toBe('/?CustSpaceId=cs-1');
		expect(verifyAcs3(received, AK.accessKeySecret)).toMatchObject({ ok: true });
	});

	it('trims the AccessKey ID', async () => {
		await probe(
			server.url,
			'QueryChatappPhoneNumbers',
			{ CustSpaceId: 'cs-1' },
			credentialsFor(server.url, { ...AK, accessKeyId: `  ${AK.accessKeyId}\n` }),
		);
		expect(verifyAcs3(server.last(), AK.accessKeySecret)).toMatchObject({
			ok: true,
			accessKeyId: AK.accessKeyId,
		});
	});

	it('uses a fresh nonce and a current timestamp on every request', async () => {
		const params = { CustSpaceId: 'cs-1' };
		const { context } = createExecuteHarness({
			nodeType: new CamsProbe(),
			credentials: credentialsFor(server.url),
		});
		for (let i = 0; i < 3; i++) {
			await context.helpers.httpRequestWithAuthentication.call(context, 'alibabaCloudChatAppApi', {
				method: 'POST',
				url: '/',
				headers: { 'x-acs-action': 'QueryChatappPhoneNumbers' },
				qs: params,
			});
		}
		const nonces = server.requests.map((r) => r.headers['x-acs-signature-nonce']);
		expect(new Set(nonces).size).toBe(3);
		for (const request of server.requests) {
			const skew = Math.abs(Date.parse(request.headers['x-acs-date']) - Date.now());
			expect(skew).toBeLessThan(60_000);
			expect(request.headers['x-acs-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		}
	});

	it.each([
		['no scheme', 'cams.ap-southeast-1.aliyuncs.com'],
		['another scheme', 'ftp://127.0.0.1:21'],
		['a path', 'http://127.0.0.1:8090/api'],
		['a query', 'http://127.0.0.1:8090?x=1'],
		['a fragment', 'http://127.0.0.1:8090#x'],
		[
			'user-info (axios would replace Authorization with Basic auth)',
			'http://user:pass@127.0.0.1:8090',
		],
		['a port out of range', 'http://127.0.0.1:99999'],
		['empty', ''],
		['a bare scheme', 'https://'],
	])('rejects a custom endpoint with %s before sending anything', async (_label, endpoint) => {
		const credential = new AlibabaCloudChatAppApi();
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: '/',
			headers: { 'x-acs-action': 'ListChatappTemplate' },
		};
		const direct = credential.authenticate({ ...AK, region: 'custom', endpoint }, request);
		await expect(direct).rejects.toThrow(UserError);
		await expect(direct).rejects.toThrow(/custom endpoint/);

		const { context } = createExecuteHarness({
			nodeType: new CamsProbe(),
			credentials: credentialsFor(endpoint),
		});
		const viaN8n = context.helpers.httpRequestWithAuthentication.call(
			context,
			'alibabaCloudChatAppApi',
			{ ...request },
		);
		await expect(viaN8n).rejects.toThrow(/custom endpoint/);
		expect(server.requests).toHaveLength(0);
		// The message must not leak the secret either.
		await viaN8n.catch((error: Error) =>
			expect(
				JSON.stringify({ m: error.message, d: (error as { description?: string }).description }),
			).not.toContain(AK.accessKeySecret),
		);
	});

	it.each([
		'http://[::1]:8090',
		'http://localhost',
		'https://cams.ap-southeast-1.aliyuncs.com',
		'http://emulator_host.local:8090',
	])('accepts the custom endpoint %s', async (endpoint) => {
		const signed = await new AlibabaCloudChatAppApi().authenticate(
			{ ...AK, region: 'custom', endpoint },
			{ method: 'POST', url: '/' },
		);
		expect(signed.url).toBe(`${endpoint}/`);
	});

	it('points a region at its regional endpoint (no custom URL needed)', async () => {
		const credential = new AlibabaCloudChatAppApi();
		const signed = await credential.authenticate(
			{ ...AK, region: 'ap-southeast-1', endpoint: 'http://ignored.example.com' },
			{
				method: 'POST',
				url: '/',
				headers: { 'x-acs-action': 'ListChatappTemplate' },
				qs: { CustSpaceId: 'cs 1' },
			},
		);
		expect(signed.url).toBe('https://cams.ap-southeast-1.aliyuncs.com/?CustSpaceId=cs%201');
		expect(signed.baseURL).toBeUndefined();
		expect(signed.qs).toBeUndefined();
		expect(signed.headers).toMatchObject({
			host: 'cams.ap-southeast-1.aliyuncs.com',
			'x-acs-version': '2020-06-06',
		});
	});

	it('never puts the secret in a returned header, URL or body, nor on the wire', async () => {
		const records: AuthenticateRecord[] = [];
		for (const keys of [AK, STS]) {
			for (const { action, params } of SIGNING_CASES.slice(0, 8)) {
				const { credentialsHelper } = await probe(
					server.url,
					action,
					params as IDataObject,
					credentialsFor(server.url, keys),
				);
				records.push(...credentialsHelper.authenticated);
			}
		}
		const text = allText(records, server.requests);
		for (const secret of [AK.accessKeySecret, STS.accessKeySecret]) {
			expect(text).not.toContain(secret);
			expect(text).not.toContain(encodeURIComponent(secret));
		}
		expect(records).toHaveLength(16);
	});
});

describe('n8n-core sends exactly what the official SDK sends', () => {
	let server: RecordingServer;

	beforeAll(async () => {
		server = await startRecordingServer();
		installSdkClock();
	});
	afterAll(async () => {
		jest.restoreAllMocks();
		await server.close();
	});

	describe.each([
		{ label: 'AccessKey', keys: AK },
		{ label: 'STS token', keys: STS },
	])('$label', ({ keys }) => {
		it.each(SIGNING_CASES)('$name', async ({ action, params }) => {
			await probe(server.url, action, params as IDataObject, credentialsFor(server.url, keys));
			const n8n = server.last();
			expect(verifyAcs3(n8n, keys.accessKeySecret)).toMatchObject({ ok: true });
			// Replay with the SDK using n8n's date and nonce: every signed byte must agree.
			const sdk = await sdkCall(server, action, params, {
				keys,
				date: n8n.headers['x-acs-date'],
				nonce: n8n.headers['x-acs-signature-nonce'],
			});
			expect(n8n.headers.authorization).toBe(sdk.headers.authorization);
			const signed = /SignedHeaders=([^,]+)/.exec(sdk.headers.authorization)![1].split(';');
			for (const name of signed)
				expect([name, n8n.headers[name]]).toEqual([name, sdk.headers[name]]);
			expect(n8n.body.toString('utf8')).toBe(sdk.body.toString('utf8'));
			expect(n8n.body.equals(sdk.body)).toBe(true);
			const query = (r: RecordedRequest) =>
				formDecodePairs(r.url.includes('?') ? r.url.slice(r.url.indexOf('?') + 1) : '');
			expect(query(n8n)).toEqual(query(sdk));
			expect(n8n.method).toBe(sdk.method);
		});
	});
});

describe('credential test ("Test" button) as n8n 2.8.4 runs it', () => {
	let server: RecordingServer;
	let reply: Parameters<typeof startRecordingServer>[0];

	beforeAll(async () => {
		server = await startRecordingServer((request) => (reply ? reply(request) : {}));
	});
	beforeEach(() => {
		server.reset();
		reply = undefined;
	});
	afterAll(async () => {
		await server.close();
	});

	it('has no declarative test; every node listing the credential names the node-side test', () => {
		expect((new AlibabaCloudChatAppApi() as { test?: unknown }).test).toBeUndefined();
		for (const nodeType of [new AlibabaCloudChatApp(), new AlibabaCloudChatAppTrigger()]) {
			const [entry] = nodeType.description.credentials ?? [];
			expect(entry.testedBy).toBe('alibabaCloudChatAppApiTest');
			expect(typeof nodeType.methods.credentialTest?.alibabaCloudChatAppApiTest).toBe('function');
		}
	});

	it('sends a signed ListInstance and reports success only for Code OK', async () => {
		const outcome = await testCredential({ credentials: credentialsFor(server.url) });
		expect(outcome).toMatchObject({ status: 'OK' });
		const received = server.last();
		expect(verifyAcs3(received, AK.accessKeySecret)).toMatchObject({ ok: true });
		expect(received.headers['x-acs-action']).toBe('ListInstance');
	});

	it.each([
		[
			'HTTP 200 with a CAMS code other than OK',
			200,
			{ Code: 'Forbidden.RAM', Message: 'no' },
			/^Forbidden\.RAM: no\. The RAM user/,
		],
		[
			'HTTP 200 without a CAMS code (not a CAMS gateway)',
			200,
			{ hello: 'world' },
			/^HTTP 200\. Check that the Region/,
		],
		[
			'HTTP 500 with an HTML page from a custom endpoint',
			500,
			'<html><body>Internal Server Error</body></html>',
			/^HTTP 500: Internal Server Error\. Check that the Region/,
		],
		[
			'HTTP 403 with a CAMS code at HTTP 400+',
			403,
			{ Code: 'Forbidden', Message: 'denied' },
			/^Forbidden \(HTTP 403\): denied\./,
		],
	])('fails on %s', async (_label, status, body, message) => {
		reply = () => ({ status, body });
		const outcome = await testCredential({ credentials: credentialsFor(server.url) });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(message);
	});

	it('reports a bad custom endpoint without sending', async () => {
		const outcome = await testCredential({ credentials: credentialsFor('not a url') });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(/custom endpoint/);
		expect(server.requests).toHaveLength(0);
	});

	it('reports an endpoint that refuses connections', async () => {
		const closed = await startRecordingServer();
		const url = closed.url;
		await closed.close();
		const outcome = await testCredential({ credentials: credentialsFor(url) });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(/could not be reached .*ECONNREFUSED/);
	});
});

describe('against the CAMS emulator', () => {
	let emu: CamsEmulator;
	const WA = SEED_CHANNELS.whatsapp.custSpaceId;

	beforeAll(async () => {
		emu = await startEmulator({ enforceQps: false });
	});
	beforeEach(() => emu.reset());
	afterAll(async () => {
		await emu.close();
	});

	const emulatorCredentials = (keys: IDataObject = EMULATOR_KEYS) =>
		credentialsFor(emu.url, {
			accessKeyId: keys.accessKeyId,
			accessKeySecret: keys.accessKeySecret,
			securityToken: keys.securityToken ?? '',
		});

	it.each([
		['a permanent AccessKey', EMULATOR_KEYS as unknown as IDataObject],
		['STS credentials', EMULATOR_KEYS.sts as unknown as IDataObject],
	])('accepts SendChatappMessage and ListChatappTemplate signed with %s', async (_label, keys) => {
		const send = await probe(
			emu.url,
			'SendChatappMessage',
			{
				ChannelType: 'whatsapp',
				Type: 'template',
				From: SEED_NUMBERS.connected,
				To: '6580000001',
				CustSpaceId: WA,
				TemplateCode: SEED_TEMPLATES.orderShipped.code,
				Language: 'en_US',
				TemplateParams: {
					orderId: 'A-1 (x)',
					name: "Zoë O'Brien 😀",
					date: '2 May',
					trackingId: 'T/1+2=3',
				},
			},
			emulatorCredentials(keys),
		);
		expect(send.output[0][0].json).toMatchObject({ Code: 'OK' });

		const list = await probe(
			emu.url,
			'ListChatappTemplate',
			{ CustSpaceId: WA, Name: 'order shipped', Page: { Index: 1, Size: 10 } },
			emulatorCredentials(keys),
		);
		expect(list.output[0][0].json).toMatchObject({ Code: 'OK' });

		const calls = emu.calls();
		expect(calls.map((c) => [c.action, c.signatureMethod, c.outcome, c.accessKeyId])).toEqual([
			['SendChatappMessage', 'ACS3-HMAC-SHA256', 'accepted', keys.accessKeyId],
			['ListChatappTemplate', 'ACS3-HMAC-SHA256', 'accepted', keys.accessKeyId],
		]);
	});

	it('passes the credential test with the emulator keys, permanent or STS', async () => {
		expect(await testCredential({ credentials: emulatorCredentials() })).toMatchObject({
			status: 'OK',
		});
		const sts = EMULATOR_KEYS.sts as unknown as IDataObject;
		expect(await testCredential({ credentials: emulatorCredentials(sts) })).toMatchObject({
			status: 'OK',
		});
		expect(emu.calls().map((call) => [call.action, call.outcome])).toEqual([
			['ListInstance', 'accepted'],
			['ListInstance', 'accepted'],
		]);
	});

	const sts = () => EMULATOR_KEYS.sts as unknown as IDataObject;
	it.each<[string, () => IDataObject, (emu: CamsEmulator) => unknown, RegExp]>([
		[
			'a wrong key',
			() => ({ ...emulatorCredentials(), accessKeyId: 'LTAI5tNoSuchKey' }),
			() => undefined,
			/^InvalidAccessKeyId\.NotFound \(HTTP 404\).*RAM console/,
		],
		[
			'a wrong secret',
			() => ({ ...emulatorCredentials(), accessKeySecret: 'wrong-secret' }),
			() => undefined,
			/^SignatureDoesNotMatch \(HTTP 400\).*Copy the secret again/s,
		],
		[
			'clock skew',
			() => emulatorCredentials(),
			(e) => e.setTime({ offsetMs: 20 * 60_000 }),
			/^InvalidTimeStamp\.Expired \(HTTP 400\).*clock/,
		],
		[
			'a missing STS token',
			() => ({ ...emulatorCredentials(sts()), securityToken: '' }),
			() => undefined,
			/^MissingSecurityToken \(HTTP 400\).*STS Security Token/,
		],
		[
			'a wrong STS token',
			() => ({ ...emulatorCredentials(sts()), securityToken: 'CAIS-not-this-one' }),
			() => undefined,
			/^InvalidSecurityToken\.\w+ \(HTTP 400\).*STS token/,
		],
		[
			'an unknown action (404)',
			() => emulatorCredentials(),
			(e) => e.setFaults({ unknownActions: ['ListInstance'] }),
			/^InvalidAction\.NotFound \(HTTP 404\).*points at CAMS/,
		],
		[
			'an HTTP 500 from the custom endpoint',
			() => emulatorCredentials(),
			(e) => e.setFaults({ serverErrors: 1 }),
			/^InternalError \(HTTP 500\)/,
		],
	])('fails with its code for %s', async (_label, credentials, arrange, message) => {
		await arrange(emu);
		const outcome = await testCredential({ credentials: credentials() });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(message);
		expect(outcome.message).not.toContain(EMULATOR_KEYS.accessKeySecret);
		expect(emu.calls()).toHaveLength(1);
	});

	it('is rejected with SignatureDoesNotMatch for a wrong secret on a send', async () => {
		await expect(
			probe(
				emu.url,
				'SendChatappMessage',
				{ ...SEND_PARAMS, CustSpaceId: WA, From: SEED_NUMBERS.connected },
				{ ...emulatorCredentials(), accessKeySecret: 'wrong-secret' },
			),
		).rejects.toThrow(/SignatureDoesNotMatch/);
		expect(emu.calls()[0]).toMatchObject({ code: 'SignatureDoesNotMatch' });
	});
});
