/**
 * Our ACS3 signer against the official SDK (`@alicloud/cams20200606@1.4.2`, openapi-client 0.4.15).
 *
 * The SDK sends each case to a local recording server with a fixed date and nonce; we build the
 * same logical request the way our transport does (`toWireParams` + `placeParams`, the
 * credential's `x-acs-version`, the transport's `x-acs-action`) and sign it with
 * `buildSignedRequest` using the same date and nonce. Authorization, every signed header, the
 * body bytes and the decoded query must be identical.
 */
import { createHash, createHmac } from 'node:crypto';

import { CAMS_API_VERSION } from '../../../../credentials/common/acs/endpoints';
import {
	buildSignedRequest,
	type SignedWireRequest,
} from '../../../../credentials/common/acs/request';
import {
	ACS3_ALGORITHM,
	acsTimestamp,
	canonicalRequest,
	hmacSha256Hex,
	isSignedHeader,
	makeNonce,
	sha256Hex,
	signAcs3,
} from '../../../../credentials/common/acs/signer';
import { placeParams, toWireParams } from '../../../../nodes/AlibabaCloudChatApp/transport';
import { formDecodePairs, verifyAcs3 } from '../../../helpers/acs3Verify';
import { SIGNING_CASES, SPECIAL, UNICODE, PUNCTUATION } from '../../../helpers/camsSigningCases';
import type { RecordedRequest, RecordingServer } from '../../../helpers/recordingServer';
import { startRecordingServer } from '../../../helpers/recordingServer';
import { installSdkClock, sdkCall } from '../../../helpers/sdkOracle';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenApiUtil = require('@alicloud/openapi-util').default as {
	getAuthorization(
		request: {
			pathname: string;
			method: string;
			query: Record<string, string>;
			headers: Record<string, string>;
		},
		algorithm: string,
		payload: string,
		accessKeyId: string,
		accessKeySecret: string,
	): string;
};

const DATE = '2026-11-25T09:42:03Z';

const KEY_SETS = [
	{
		label: 'AccessKey',
		keys: {
			accessKeyId: 'LTAI5tTestAccessKeyId01',
			accessKeySecret: 'TestSecret/+=0123456789abcdef',
		},
	},
	{
		label: 'STS token',
		keys: {
			accessKeyId: 'STS.NUjT9ExampleTemporaryKey',
			accessKeySecret: 'StsSecret+/=Example',
			securityToken: 'CAIS+wF1q6Ft5B2yfSjIr5bPLt/=token with/slash+plus==',
		},
	},
];

const nonceFor = (text: string) => createHash('md5').update(text).digest('hex');

function ourRequest(
	action: string,
	params: Record<string, unknown>,
	endpoint: string,
	keys: (typeof KEY_SETS)[number]['keys'],
	nonce: string,
) {
	const { qs, body } = placeParams(action, toWireParams(params));
	return buildSignedRequest(
		{
			method: 'POST',
			url: '/',
			headers: { 'x-acs-version': CAMS_API_VERSION, 'x-acs-action': action },
			qs,
			body,
		},
		endpoint,
		keys,
		{ date: DATE, nonce },
	);
}

function signedHeaderNames(authorization: string): string[] {
	const match = /SignedHeaders=([^,]+)/.exec(authorization);
	if (!match) throw new Error(`No SignedHeaders in ${authorization}`);
	return match[1].split(';');
}

function queryOf(url: string): Array<[string, string]> {
	const q = url.indexOf('?');
	return q === -1 ? [] : formDecodePairs(url.slice(q + 1));
}

/** Asserts that our signed request and the SDK's recorded one are the same request. */
function expectSameAsSdk(ours: SignedWireRequest, sdk: RecordedRequest) {
	const url = new URL(ours.url);
	expect(ours.method).toBe(sdk.method);
	expect(url.pathname).toBe(sdk.url.split('?')[0]);
	expect(ours.headers.Authorization).toBe(sdk.headers.authorization);

	const names = signedHeaderNames(sdk.headers.authorization);
	const ourSigned = Object.keys(ours.headers)
		.filter((name) => isSignedHeader(name.toLowerCase()))
		.sort();
	expect(ourSigned).toEqual(names);
	for (const name of names) expect([name, ours.headers[name]]).toEqual([name, sdk.headers[name]]);

	const ourBody = ours.body === undefined ? Buffer.alloc(0) : Buffer.from(ours.body);
	expect(ourBody.toString('utf8')).toBe(sdk.body.toString('utf8'));
	expect(ourBody.equals(sdk.body)).toBe(true);

	expect(queryOf(ours.url)).toEqual(queryOf(sdk.url));
}

describe('buildSignedRequest matches the official SDK on the wire', () => {
	let server: RecordingServer;

	beforeAll(async () => {
		server = await startRecordingServer();
		installSdkClock();
	});
	afterAll(async () => {
		jest.restoreAllMocks();
		await server.close();
	});

	it('covers at least 30 distinct requests and the operations of signing.md section 5', () => {
		expect(SIGNING_CASES.length).toBeGreaterThanOrEqual(30);
		const actions = new Set(SIGNING_CASES.map((c) => c.action));
		for (const action of [
			'SendChatappMessage',
			'SendChatappMassMessage',
			'CreateChatappTemplate',
			'ModifyChatappTemplate',
			'ListChatappTemplate',
			'GetChatappTemplateDetail',
			'DeleteChatappTemplate',
			'QueryChatappPhoneNumbers',
			'UpdatePhoneWebhook',
			'GetChatappUploadAuthorization',
		]) {
			expect(actions).toContain(action);
		}
	});

	describe.each(KEY_SETS)('$label', ({ label, keys }) => {
		it.each(SIGNING_CASES)('$name', async ({ name, action, params }) => {
			const nonce = nonceFor(`${label}/${name}`);
			const sdk = await sdkCall(server, action, params, { keys, date: DATE, nonce });
			// The SDK request is the reference; make sure it is the kind the case means to test.
			expect(sdk.headers['x-acs-action']).toBe(action);
			expect(sdk.headers['x-acs-date']).toBe(DATE);
			expect(sdk.headers['x-acs-signature-nonce']).toBe(nonce);
			expect(sdk.headers['x-acs-credentials-provider']).toBe(
				keys.securityToken ? 'static_sts' : 'static_ak',
			);
			if (keys.securityToken) expect(sdk.headers['x-acs-security-token']).toBe(keys.securityToken);

			const ours = ourRequest(action, params, server.url, keys, nonce);
			expectSameAsSdk(ours, sdk);
			// And the independent verifier accepts what the SDK sent.
			expect(verifyAcs3(sdk, keys.accessKeySecret)).toMatchObject({ ok: true });
		});
	});

	it('puts special characters, spaces, unicode and emoji on the wire in both query and body', async () => {
		const params = {
			CustSpaceId: 'cs-1',
			ChannelType: 'whatsapp',
			Type: 'message',
			MessageType: 'text',
			From: '1',
			To: '2',
			Content: SPECIAL,
			Tag: `${PUNCTUATION} ${UNICODE}`,
		};
		const nonce = nonceFor('special');
		const sdk = await sdkCall(server, 'SendChatappMessage', params, {
			keys: KEY_SETS[0].keys,
			date: DATE,
			nonce,
		});
		expect(queryOf(sdk.url)).toEqual([['Content', SPECIAL]]);
		expect(new Map(formDecodePairs(sdk.body.toString('utf8'))).get('Tag')).toBe(
			`${PUNCTUATION} ${UNICODE}`,
		);
		expectSameAsSdk(
			ourRequest('SendChatappMessage', params, server.url, KEY_SETS[0].keys, nonce),
			sdk,
		);
	});

	it('signs the endpoint host with its port, as the SDK does', async () => {
		const nonce = nonceFor('host');
		const sdk = await sdkCall(
			server,
			'QueryChatappPhoneNumbers',
			{ CustSpaceId: 'cs-1' },
			{ keys: KEY_SETS[0].keys, date: DATE, nonce },
		);
		expect(sdk.headers.host).toBe(server.host);
		const ours = ourRequest(
			'QueryChatappPhoneNumbers',
			{ CustSpaceId: 'cs-1' },
			server.url,
			KEY_SETS[0].keys,
			nonce,
		);
		expect(ours.headers.host).toBe(`127.0.0.1:${server.port}`);
		expectSameAsSdk(ours, sdk);
	});

	it('produces a different Authorization than the SDK when anything signed differs (the comparison is sensitive)', async () => {
		const nonce = nonceFor('sensitivity');
		const params = { CustSpaceId: 'cs-1', Name: 'a b' };
		const sdk = await sdkCall(server, 'ListChatappTemplate', params, {
			keys: KEY_SETS[0].keys,
			date: DATE,
			nonce,
		});
		const variants = [
			ourRequest(
				'ListChatappTemplate',
				{ ...params, Name: 'a  b' },
				server.url,
				KEY_SETS[0].keys,
				nonce,
			),
			ourRequest(
				'ListChatappTemplate',
				params,
				server.url,
				KEY_SETS[0].keys,
				`${nonce.slice(0, -1)}0`,
			),
			ourRequest(
				'ListChatappTemplate',
				params,
				server.url,
				{ ...KEY_SETS[0].keys, accessKeySecret: 'other' },
				nonce,
			),
			ourRequest('GetChatappTemplateDetail', params, server.url, KEY_SETS[0].keys, nonce),
			ourRequest('ListChatappTemplate', params, 'http://127.0.0.1:1', KEY_SETS[0].keys, nonce),
		];
		for (const variant of variants)
			expect(variant.headers.Authorization).not.toBe(sdk.headers.authorization);
	});
});

/* ------------------------------------------------------------------------------------------------
 * Function-level oracle: signAcs3 against openapi-util.getAuthorization on random inputs
 * ---------------------------------------------------------------------------------------------- */

/** Deterministic PRNG (mulberry32) so failures are reproducible. */
function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ALPHABET = [...`${SPECIAL}${UNICODE}${PUNCTUATION}ABCxyz019-_.%#\r\u00a0\u2028`];

function randomString(random: () => number, max = 24): string {
	const length = Math.floor(random() * max);
	let out = '';
	for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
	return out;
}

describe('signAcs3 matches openapi-util.getAuthorization', () => {
	it('on 300 random requests (query values, header names and values, bodies, STS)', () => {
		const random = prng(20200606);
		for (let i = 0; i < 300; i++) {
			const query: Array<[string, string]> = [];
			const keyCount = Math.floor(random() * 6);
			for (let k = 0; k < keyCount; k++)
				query.push([
					`Key${String.fromCharCode(65 + Math.floor(random() * 26))}${k}`,
					randomString(random),
				]);
			const body = random() < 0.5 ? '' : randomString(random, 80);
			const keys = {
				accessKeyId: `AK${i}`,
				accessKeySecret: randomString(random, 30) || 'secret',
				securityToken: random() < 0.3 ? `tok ${randomString(random, 10)}`.trim() : undefined,
			};
			const headers: Record<string, string> = {
				'x-acs-action': `Action${i}`,
				'x-acs-version': CAMS_API_VERSION,
			};
			if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
			if (random() < 0.3) headers['x-acs-extra'] = `  padded ${i}  `;
			// Mixed-case names take the signer's other canonicalisation path.
			if (random() < 0.3) headers['X-Acs-Mixed'] = `mixed ${i}`;
			const input = {
				method: 'POST',
				host: `127.0.0.1:${1000 + i}`,
				path: '/',
				query,
				headers,
				body,
				keys,
				date: DATE,
				nonce: nonceFor(String(i)),
			};
			const signed = signAcs3(input);

			const sdkHeaders: Record<string, string> = {};
			for (const [name, value] of Object.entries(signed))
				if (name !== 'Authorization') sdkHeaders[name] = value;
			const expected = OpenApiUtil.getAuthorization(
				{ pathname: '/', method: 'POST', query: Object.fromEntries(query), headers: sdkHeaders },
				ACS3_ALGORITHM,
				sha256Hex(body),
				keys.accessKeyId,
				keys.accessKeySecret,
			);
			expect([i, signed.Authorization]).toEqual([i, expected]);
		}
	});
});

/* ------------------------------------------------------------------------------------------------
 * Published vector and unit behaviour
 * ---------------------------------------------------------------------------------------------- */

/** An empty POST / signed with the signer's own date and nonce. */
const signEmptyRequest = () =>
	signAcs3({
		method: 'POST',
		host: 'h',
		path: '/',
		query: [],
		headers: {},
		body: '',
		keys: { accessKeyId: 'a', accessKeySecret: 'b' },
	});

describe('ACS3 canonical request', () => {
	it("reproduces Alibaba's published V3 example (RunInstances, YourAccessKeySecret)", () => {
		// help.aliyun.com "V3版本请求体&签名机制": POST /, ImageId+RegionId, empty body. The doc gives the
		// hashed canonical request and the signature; both must match.
		const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
		expect(sha256Hex('')).toBe(emptyHash);
		const { canonical, signedHeaders } = canonicalRequest(
			'POST',
			'/',
			[
				['RegionId', 'cn-shanghai'],
				['ImageId', 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd'],
			],
			{
				host: 'ecs.cn-shanghai.aliyuncs.com',
				'x-acs-action': 'RunInstances',
				'x-acs-content-sha256': emptyHash,
				'x-acs-date': '2023-10-26T10:22:32Z',
				'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
				'x-acs-version': '2014-05-26',
			},
			emptyHash,
		);
		expect(signedHeaders).toBe(
			'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
		);
		const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonical)}`;
		expect(stringToSign).toBe(
			'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
		);
		expect(createHmac('sha256', 'YourAccessKeySecret').update(stringToSign).digest('hex')).toBe(
			'06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
		);
	});

	it('ends the header block with a newline, so a blank line precedes SignedHeaders', () => {
		const { canonical } = canonicalRequest(
			'post',
			'/',
			[],
			{ host: 'h', 'X-Acs-B': ' 2 ', 'x-acs-a': '1', accept: 'x' },
			'p',
		);
		expect(canonical).toBe('POST\n/\n\nhost:h\nx-acs-a:1\nx-acs-b:2\n\nhost;x-acs-a;x-acs-b\np');
	});

	it('signs host, content-type and x-acs-* only', () => {
		expect(['host', 'content-type', 'x-acs-anything'].every(isSignedHeader)).toBe(true);
		expect(
			['accept', 'user-agent', 'authorization', 'content-length', 'x-acsfoo', 'date'].some(
				isSignedHeader,
			),
		).toBe(false);
	});

	it('uses the bare secret as the HMAC key (no "&") and lower-case hex', () => {
		const keys = { accessKeyId: 'id', accessKeySecret: 's' };
		const headers = signAcs3({
			method: 'POST',
			host: 'h',
			path: '/',
			query: [],
			headers: {},
			body: '',
			keys,
			date: DATE,
			nonce: 'n',
		});
		const { canonical } = canonicalRequest(
			'POST',
			'/',
			[],
			{ ...headers, Authorization: 'ignored' },
			sha256Hex(''),
		);
		const expected = createHmac('sha256', 's')
			.update(`ACS3-HMAC-SHA256\n${sha256Hex(canonical)}`)
			.digest('hex');
		expect(headers.Authorization).toBe(
			`ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce,Signature=${expected}`,
		);
	});

	it('adds the STS headers (signed) only with a token, and never returns the secret', () => {
		const secret = 'Sup3rSecret/+=';
		const base = {
			method: 'POST',
			host: 'h',
			path: '/',
			query: [] as Array<[string, string]>,
			headers: {},
			body: 'a=1',
			date: DATE,
			nonce: 'n',
		};
		const plain = signAcs3({ ...base, keys: { accessKeyId: 'id', accessKeySecret: secret } });
		expect(plain['x-acs-security-token']).toBeUndefined();
		expect(plain['x-acs-accesskey-id']).toBeUndefined();
		expect(plain['x-acs-credentials-provider']).toBe('static_ak');
		const sts = signAcs3({
			...base,
			keys: { accessKeyId: 'id', accessKeySecret: secret, securityToken: 'tok' },
		});
		expect(sts).toMatchObject({
			'x-acs-security-token': 'tok',
			'x-acs-accesskey-id': 'id',
			'x-acs-credentials-provider': 'static_sts',
		});
		expect(signedHeaderNames(sts.Authorization)).toEqual(
			expect.arrayContaining(['x-acs-accesskey-id', 'x-acs-security-token']),
		);
		for (const headers of [plain, sts]) expect(JSON.stringify(headers)).not.toContain(secret);
	});

	it('generates SDK-shaped timestamps and nonces when none are given', () => {
		expect(acsTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
		expect(acsTimestamp()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const nonces = new Set(Array.from({ length: 1000 }, makeNonce));
		expect(nonces.size).toBe(1000);
		for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
		const headers = signEmptyRequest();
		expect(headers['x-acs-date']).toMatch(/Z$/);
		expect(headers['x-acs-signature-nonce']).toMatch(/^[0-9a-f]{32}$/);
	});

	it('stamps the current second and never repeats a nonce across pool refills', () => {
		const before = acsTimestamp();
		const sign = signEmptyRequest;
		const stamped = sign()['x-acs-date'];
		expect([before, acsTimestamp()]).toContain(stamped);
		// 2,000 nonces cross several refills of the random pool (256 nonces each).
		const nonces = new Set(Array.from({ length: 2000 }, () => sign()['x-acs-signature-nonce']));
		expect(nonces.size).toBe(2000);
	});

	it('computes HMAC-SHA256 exactly as createHmac does, for short, block-sized, long and unicode keys', () => {
		const keys = [
			'b',
			'k'.repeat(63),
			'k'.repeat(64),
			'k'.repeat(65),
			'x'.repeat(200),
			'clé秘密🔑',
		];
		for (const key of keys) {
			for (const message of ['', 'ACS3-HMAC-SHA256\n' + 'ab'.repeat(32), 'é€😀'.repeat(40)]) {
				expect(hmacSha256Hex(key, message)).toBe(
					createHmac('sha256', key).update(message).digest('hex'),
				);
			}
		}
		// Twice with the same key: the cached pads are not altered by use.
		expect(hmacSha256Hex('b', 'm')).toBe(hmacSha256Hex('b', 'm'));
		expect(hmacSha256Hex('b', 'm')).toBe(createHmac('sha256', 'b').update('m').digest('hex'));
	});

	it('hashes Buffer bodies as bytes, the same as the equal string', () => {
		const args = {
			method: 'POST',
			host: 'h',
			path: '/',
			query: [] as Array<[string, string]>,
			headers: {},
			keys: { accessKeyId: 'a', accessKeySecret: 'b' },
			date: DATE,
			nonce: 'n',
		};
		const text = 'Text=%E4%B8%AD%F0%9F%98%80';
		expect(signAcs3({ ...args, body: Buffer.from(text) })).toEqual(
			signAcs3({ ...args, body: text }),
		);
	});
});

describe('buildSignedRequest', () => {
	const keys = { accessKeyId: 'id', accessKeySecret: 'secret' };

	it('encodes the query into the URL with RFC 3986 and signs exactly that URL', () => {
		const signed = buildSignedRequest(
			{ url: '/', qs: { B: "it's (a) *test*!", A: 'x y+z~' } },
			'https://cams.ap-southeast-1.aliyuncs.com',
			keys,
			{ date: DATE, nonce: 'n' },
		);
		expect(signed.url).toBe(
			'https://cams.ap-southeast-1.aliyuncs.com/?B=it%27s%20%28a%29%20%2Atest%2A%21&A=x%20y%2Bz~',
		);
		expect(signed.headers.host).toBe('cams.ap-southeast-1.aliyuncs.com');
		expect(
			verifyAcs3(
				{
					method: 'POST',
					url: signed.url.slice(signed.url.indexOf('/', 8)),
					headers: lower(signed.headers),
					body: Buffer.alloc(0),
				},
				'secret',
			),
		).toMatchObject({ ok: true });
	});

	it('keeps a query already in the URL and drops undefined/null values', () => {
		const signed = buildSignedRequest(
			{ url: '/?Pre=1', qs: { A: undefined, B: null, C: 0, D: false } },
			'http://127.0.0.1:8080',
			keys,
			{ date: DATE, nonce: 'n' },
		);
		expect(signed.url).toBe('http://127.0.0.1:8080/?Pre=1&C=0&D=false');
	});

	it('serialises an object body in its own key order and adds the form content-type', () => {
		const signed = buildSignedRequest(
			{ url: '/', body: { Z: 'last?', A: { k: 'v' }, N: 5, U: undefined } },
			'http://h',
			keys,
			{ date: DATE, nonce: 'n' },
		);
		expect(signed.body).toBe('Z=last%3F&A=%7B%22k%22%3A%22v%22%7D&N=5');
		expect(signed.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(signed.headers['x-acs-content-sha256']).toBe(sha256Hex(signed.body as string));
	});

	it('sends no content-type and hashes the empty string without a body', () => {
		const signed = buildSignedRequest({ url: '/' }, 'http://h', keys, { date: DATE, nonce: 'n' });
		expect(signed.body).toBeUndefined();
		expect(signed.headers['content-type']).toBeUndefined();
		expect(signed.headers['x-acs-content-sha256']).toBe(sha256Hex(''));
	});

	it('lower-cases header names and never lets a caller override host', () => {
		const signed = buildSignedRequest(
			{ url: '/', headers: { 'X-Acs-Action': 'A', Host: 'evil.example.com' } },
			'http://good.example.com:81',
			keys,
			{ date: DATE, nonce: 'n' },
		);
		expect(signed.headers['x-acs-action']).toBe('A');
		expect(signed.headers.host).toBe('good.example.com:81');
		expect(Object.keys(signed.headers)).not.toContain('Host');
	});
});

function lower(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
