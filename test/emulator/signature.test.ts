/** Gateway authentication: every signed byte counts, and each failure gets the gateway's code. */
import http from 'node:http';

import OpenApiUtil from '@alicloud/openapi-util';

import { acsTimestamp, signAcs3 } from '../../credentials/common/acs/signer';
import { call, MAIN_KEYS, rawRequest, sendSigned, signCall, STS_KEYS } from './helpers';
import { CAMS_ACTIONS } from './actions/catalog';
import {
	EMULATED_ACTIONS,
	EMULATOR_KEYS,
	SEED_CHANNELS,
	SEED_NUMBERS,
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
	TemplateName: 'holiday_hours',
	Language: 'en_US',
	TaskId: 'sig-1',
};
const STRING_TO_SIGN =
	/^Specified signature does not match our calculation\. server StringToSign is \[ACS3-HMAC-SHA256\n[0-9a-f]{64}\]$/;

let emu: CamsEmulator;
beforeAll(async () => {
	emu = await startEmulator({ enforceQps: false });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const minutes = (n: number) => acsTimestamp(new Date(Date.now() + n * 60_000));

describe('ACS3-HMAC-SHA256 verification', () => {
	it('accepts a request signed by our signer, body in the form and Content in the query', async () => {
		const response = await call(emu, 'SendChatappMessage', SEND);
		expect(response).toMatchObject({
			status: 200,
			json: { Code: 'OK', Message: 'SUCCESS', AccessDeniedDetail: 'None' },
		});
		expect(response.json.MessageId).toMatch(/^[0-9a-f]{24}$/);
		expect(response.headers['x-acs-request-id']).toBe(response.json.RequestId);
	});

	it('rejects any altered signed byte with SignatureDoesNotMatch', async () => {
		const signed = signCall(emu, 'ListChatappTemplate', {
			CustSpaceId: WA,
			Name: 'order',
			Page: { Index: 1, Size: 5 },
		});
		const body = signCall(emu, 'SendChatappMessage', SEND);
		const bodyBytes = Buffer.from(body.body as string);
		bodyBytes[bodyBytes.length - 1] ^= 1;
		const variants: Array<[string, Promise<{ status: number; json: Record<string, unknown> }>]> = [
			['body byte', sendSigned(body, { body: bodyBytes })],
			['query value', sendSigned(signed, { url: signed.url.replace('Name=order', 'Name=ordes') })],
			['x-acs-action', sendSigned(signed, { headers: { 'x-acs-action': 'QueryChatappBindWaba' } })],
			[
				'x-acs-date',
				sendSigned(signed, {
					headers: {
						'x-acs-date': signed.headers['x-acs-date'].replace(/\d(?=Z$)/, (d) =>
							String((Number(d) + 1) % 10),
						),
					},
				}),
			],
			[
				'nonce',
				sendSigned(signed, {
					headers: { 'x-acs-signature-nonce': `${signed.headers['x-acs-signature-nonce']}0` },
				}),
			],
			[
				'content-type',
				sendSigned(body, {
					headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
				}),
			],
			['host', sendSigned(signed, { headers: { host: `localhost:${emu.port}` } })],
			['content hash', sendSigned(signed, { headers: { 'x-acs-content-sha256': '0'.repeat(64) } })],
			['method', rawRequest(signed.url, { method: 'GET', headers: signed.headers })],
		];
		for (const [what, pending] of variants) {
			const response = await pending;
			expect({ what, status: response.status, code: response.json.Code }).toEqual({
				what,
				status: 400,
				code: 'SignatureDoesNotMatch',
			});
			expect(response.json.Message).toMatch(STRING_TO_SIGN);
			expect(Object.keys(response.json).sort()).toEqual([
				'Code',
				'HostId',
				'Message',
				'Recommend',
				'RequestId',
			]);
		}
		expect(emu.stats().accepted).toEqual({});
		expect(emu.stats().sends).toBe(0);
	});

	it('answers the gateway codes for keys, timestamps, nonces and structure', async () => {
		const cases: Array<
			[string, Promise<{ status: number; json: Record<string, unknown> }>, number, string]
		> = [
			[
				'wrong secret',
				call(
					emu,
					'QueryChatappBindWaba',
					{ CustSpaceId: WA },
					{ keys: { ...MAIN_KEYS, accessKeySecret: 'nope' } },
				),
				400,
				'SignatureDoesNotMatch',
			],
			[
				'unknown key',
				call(
					emu,
					'QueryChatappBindWaba',
					{},
					{ keys: { accessKeyId: 'LTAI5tUnknown', accessKeySecret: 'x' } },
				),
				404,
				'InvalidAccessKeyId.NotFound',
			],
			[
				'disabled key',
				call(emu, 'QueryChatappBindWaba', {}, { keys: { ...EMULATOR_KEYS.inactive } }),
				400,
				'InvalidAccessKeyId.Inactive',
			],
			[
				'stale date',
				call(emu, 'QueryChatappBindWaba', {}, { date: minutes(-16) }),
				400,
				'InvalidTimeStamp.Expired',
			],
			[
				'future date',
				call(emu, 'QueryChatappBindWaba', {}, { date: minutes(16) }),
				400,
				'InvalidTimeStamp.Expired',
			],
			[
				'millis in date',
				call(emu, 'QueryChatappBindWaba', {}, { date: new Date().toISOString() }),
				400,
				'InvalidTimeStamp.Format',
			],
			[
				'wrong version',
				call(emu, 'QueryChatappBindWaba', {}, { version: '2019-01-01' }),
				400,
				'InvalidVersion',
			],
			['unknown action', call(emu, 'SendChatappMesage', SEND), 404, 'InvalidAction.NotFound'],
			[
				'STS without token',
				call(emu, 'QueryChatappBindWaba', {}, { keys: { ...STS_KEYS, securityToken: undefined } }),
				400,
				'MissingSecurityToken',
			],
			[
				'STS wrong token',
				call(
					emu,
					'QueryChatappBindWaba',
					{},
					{ keys: { ...STS_KEYS, securityToken: 'CAIS.other' } },
				),
				400,
				'InvalidSecurityToken.MismatchWithAccessKey',
			],
			[
				'token on a permanent key',
				call(
					emu,
					'QueryChatappBindWaba',
					{},
					{ keys: { ...MAIN_KEYS, securityToken: EMULATOR_KEYS.sts.securityToken } },
				),
				400,
				'InvalidSecurityToken.MismatchWithAccessKey',
			],
		];
		for (const [what, pending, status, code] of cases) {
			const response = await pending;
			expect({ what, status: response.status, code: response.json.Code }).toEqual({
				what,
				status,
				code,
			});
		}
		const within = await call(
			emu,
			'QueryChatappBindWaba',
			{ CustSpaceId: WA },
			{ date: minutes(-14) },
		);
		expect(within.json.Code).toBe('OK');
		const notFound = await call(emu, 'Nope', {});
		expect(notFound.json.Message).toBe(
			'Specified api is not found, please check your url and method.',
		);
		const notEmulated = [...CAMS_ACTIONS].find(
			(action) => !EMULATED_ACTIONS.includes(action),
		) as string;
		expect((await call(emu, notEmulated, {})).json).toMatchObject({
			Code: 'NotImplemented',
			Message: `The action ${notEmulated} exists in CAMS but is not emulated.`,
		});
	});

	it('rejects a reused nonce for 15 minutes', async () => {
		const first = await call(
			emu,
			'QueryChatappBindWaba',
			{ CustSpaceId: WA },
			{ nonce: 'fixed-nonce-1' },
		);
		const again = await call(
			emu,
			'QueryChatappBindWaba',
			{ CustSpaceId: WA },
			{ nonce: 'fixed-nonce-1' },
		);
		expect([first.json.Code, again.status, again.json.Code]).toEqual([
			'OK',
			400,
			'SignatureNonceUsed',
		]);
		const tampered = await sendSigned(
			signCall(emu, 'QueryChatappBindWaba', { CustSpaceId: WA }, { nonce: 'fixed-nonce-2' }),
			{ headers: { 'x-acs-action': 'ListInstance' } },
		);
		expect(tampered.json.Code).toBe('SignatureDoesNotMatch');
		expect(
			(await call(emu, 'QueryChatappBindWaba', { CustSpaceId: WA }, { nonce: 'fixed-nonce-2' }))
				.json.Code,
		).toBe('OK');
		emu.setTime({ advanceMs: 16 * 60_000 });
		const later = await call(
			emu,
			'QueryChatappBindWaba',
			{ CustSpaceId: WA },
			{ nonce: 'fixed-nonce-1', date: acsTimestamp(new Date(emu.now())) },
		);
		expect(later.json.Code).toBe('OK');
	});

	it('answers IncompleteSignature for a malformed Authorization or unsigned / missing signed headers', async () => {
		const signed = signCall(emu, 'QueryChatappBindWaba', { CustSpaceId: WA });
		const auth = signed.headers.Authorization;
		const { 'x-acs-signature-nonce': _nonce, ...withoutNonce } = signed.headers;
		const cases = [
			sendSigned(signed, {
				headers: { Authorization: auth.replace('ACS3-HMAC-SHA256 ', 'ACS3-HMAC-SHA1 ') },
			}),
			sendSigned(signed, { headers: { Authorization: auth.replace(/,Signature=.*/, '') } }),
			sendSigned(signed, {
				headers: { Authorization: auth.replace('SignedHeaders=host;', 'SignedHeaders=') },
			}),
			sendSigned(signed, {
				headers: { Authorization: auth.replace('host;x-acs-action', 'x-acs-action;host') },
			}),
			sendSigned(signed, { headers: { 'x-acs-extra': 'unsigned' } }),
			rawRequest(signed.url, { headers: withoutNonce }),
		];
		for (const pending of cases) {
			const response = await pending;
			expect([response.status, response.json.Code]).toEqual([400, 'IncompleteSignature']);
		}
		const duplicated = await new Promise<{ status: number; json: Record<string, unknown> }>(
			(resolve, reject) => {
				const rawHeaders = Object.entries(signed.headers).flat();
				rawHeaders.push('Authorization', auth);
				const request = http.request(
					signed.url,
					{
						method: 'POST',
						headers: rawHeaders as unknown as http.OutgoingHttpHeaders,
						agent: false,
					},
					(res) => {
						let text = '';
						res.on('data', (chunk: Buffer) => (text += chunk.toString()));
						res.on('end', () =>
							resolve({
								status: res.statusCode ?? 0,
								json: JSON.parse(text) as Record<string, unknown>,
							}),
						);
					},
				);
				request.on('error', reject);
				request.end();
			},
		);
		expect(duplicated.json.Code).toBe('IncompleteSignature');
	});

	it('accepts a chunked body and "+" as a space in the form body', async () => {
		const body = `ChannelType=whatsapp&CustSpaceId=${WA}&From=${SEED_NUMBERS.connected}&Language=en_US&TaskId=plus+task&TemplateName=holiday_hours&To=6580000009&Type=template`;
		const headers = signAcs3({
			method: 'POST',
			host: `127.0.0.1:${emu.port}`,
			path: '/',
			query: [],
			body,
			keys: MAIN_KEYS,
			headers: {
				'x-acs-action': 'SendChatappMessage',
				'x-acs-version': '2020-06-06',
				'content-type': 'application/x-www-form-urlencoded',
			},
		});
		const response = await new Promise<Record<string, unknown>>((resolve, reject) => {
			const request = http.request(
				`${emu.url}/`,
				{ method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' }, agent: false },
				(res) => {
					let text = '';
					res.on('data', (chunk: Buffer) => (text += chunk.toString()));
					res.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
				},
			);
			request.on('error', reject);
			request.write(body.slice(0, 20));
			setTimeout(() => request.end(body.slice(20)), 20);
		});
		expect(response.Code).toBe('OK');
		expect(emu.sends()[0].taskId).toBe('plus task');
	});
});

describe('V1 HMAC-SHA1 verification', () => {
	function v1Params(extra: Record<string, string>, format = 'json'): Record<string, string> {
		return {
			Action: 'QueryChatappPhoneNumbers',
			Format: format,
			Version: '2020-06-06',
			Timestamp: acsTimestamp(),
			SignatureNonce: `n${Math.random()}`,
			SignatureMethod: 'HMAC-SHA1',
			SignatureVersion: '1.0',
			AccessKeyId: EMULATOR_KEYS.accessKeyId,
			CustSpaceId: WA,
			...extra,
		};
	}
	const sign = (
		params: Record<string, string>,
		secret: string = EMULATOR_KEYS.accessKeySecret,
	): Record<string, string> => ({
		...params,
		Signature: OpenApiUtil.getRPCSignature(params, 'POST', secret),
	});
	const send = (params: Record<string, string>, bodyParams: Record<string, string> = {}) =>
		rawRequest(`${emu.url}/?${new URLSearchParams(params).toString()}`, {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(bodyParams).toString(),
		});

	it('accepts query + body params signed together, and rejects tampering', async () => {
		const all = sign(v1Params({ Status: 'CONNECTED' }));
		const { Status, ...query } = all;
		expect((await send(query, { Status })).json).toMatchObject({
			Code: 'OK',
			PhoneNumbers: [{ PhoneNumber: SEED_NUMBERS.connected }],
		});
		const tampered = await send({ ...sign(v1Params({})), CustSpaceId: 'cams-other' });
		expect(tampered.status).toBe(400);
		expect(tampered.json.Code).toBe('SignatureDoesNotMatch');
		expect(tampered.json.Message).toMatch(
			/^Specified signature is not matched with our calculation\. server string to sign is:POST&%2F&AccessKeyId%3D/,
		);
		expect((await send(sign(v1Params({}), 'wrong'))).json.Code).toBe('SignatureDoesNotMatch');
	});

	it('checks Timestamp, nonce, STS token and answers XML without Format=JSON', async () => {
		expect((await send(sign(v1Params({ Timestamp: '2020-01-01T00:00:00Z' })))).json.Code).toBe(
			'InvalidTimeStamp.Expired',
		);
		const once = sign(v1Params({}));
		await send(once);
		expect((await send(once)).json.Code).toBe('SignatureNonceUsed');
		const sts = sign(
			v1Params({
				AccessKeyId: EMULATOR_KEYS.sts.accessKeyId,
				SecurityToken: EMULATOR_KEYS.sts.securityToken,
			}),
			EMULATOR_KEYS.sts.accessKeySecret,
		);
		expect((await send(sts)).json.Code).toBe('OK');
		const xml = await send(sign(v1Params({}, 'XML')));
		expect(xml.headers['content-type']).toMatch(/^text\/xml/);
		expect(xml.text).toMatch(
			/^<\?xml.*<QueryChatappPhoneNumbersResponse><RequestId>[^<]+<\/RequestId><Code>OK<\/Code>/,
		);
	});
});
