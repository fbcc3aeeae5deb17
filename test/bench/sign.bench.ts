/**
 * Signing cost, ours against the official SDK's, side by side in one run (a ratio, not absolute
 * times). The same SendChatappMessage request (query and form body) is signed 20,000 times by:
 * - ours: the credential's `authenticate`, exactly as n8n calls it before every request;
 * - the SDK: the steps `@alicloud/openapi-client` 0.4.15 `doRequest` runs for a V3 request before
 *   sending it (Tea request, query and headers, timestamp, nonce, form body, payload hash,
 *   credential lookup, `getAuthorization`), without model validation and the HTTP layer.
 * Both outputs are checked byte for byte first (same date and nonce), so the race is fair.
 *
 *   npx ts-node --transpile-only test/bench/sign.bench.ts
 */
import { performance } from 'node:perf_hooks';

import OpenApiUtil from '@alicloud/openapi-util';
import * as $tea from '@alicloud/tea-typescript';
import TeaUtil from '@alicloud/tea-util';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { AlibabaCloudChatAppApi } from '../../credentials/AlibabaCloudChatAppApi.credentials';
import { buildSignedRequest } from '../../credentials/common/acs/request';

export interface SignBenchResult {
	bench: 'sign';
	requests: number;
	ourMicros: number;
	sdkMicros: number;
	ratioVsSdk: number;
}

const REQUESTS = 20_000;
const ROUNDS = 9;
const ENDPOINT = 'https://cams.ap-southeast-1.aliyuncs.com';
const HOST = 'cams.ap-southeast-1.aliyuncs.com';
const ALGORITHM = 'ACS3-HMAC-SHA256';
const KEYS = {
	accessKeyId: 'LTAI5tBenchKeyId0000',
	accessKeySecret: 'BenchSecret0123456789abcdef',
};
const QUERY = { CustSpaceId: 'cams-8c8a1e2f3', Type: 'template', ChannelType: 'whatsapp' };
const BODY = {
	From: '6591234567',
	To: '6598765432',
	TemplateCode: 'order_shipped',
	Language: 'en_US',
	TemplateParams: JSON.stringify({ name: 'Ada Lovelace', order: 'A-1042', eta: '3 June' }),
};
const HEADERS = {
	'x-acs-action': 'SendChatappMessage',
	'x-acs-version': '2020-06-06',
	accept: 'application/json',
};

const credential = new AlibabaCloudChatAppApi();
const credentialData = { ...KEYS, region: 'ap-southeast-1', endpoint: '' };

function ourRequest(): IHttpRequestOptions {
	return { method: 'POST', url: '/', headers: { ...HEADERS }, qs: { ...QUERY }, body: { ...BODY } };
}

/** A resolved credential lookup: the SDK awaits `credential.getCredential()` before signing. */
const sdkCredential = Promise.resolve({ ...KEYS, providerName: 'static_ak' });

/**
 * What `doRequest` of openapi-client 0.4.15 does for one V3 request before it is sent: the Tea
 * request, query and header maps (user agent included), the form body and its hash, the
 * credential lookup and `getAuthorization`. Model validation and HTTP are left out.
 */
async function sdkSign(fixed?: { date: string; nonce: string }): Promise<Record<string, string>> {
	const request = new $tea.Request();
	request.protocol = 'https';
	request.method = 'POST';
	request.pathname = '/';
	request.query = Object.assign({}, OpenApiUtil.query({ ...QUERY }));
	request.headers = Object.assign({
		host: HOST,
		'x-acs-version': HEADERS['x-acs-version'],
		'x-acs-action': HEADERS['x-acs-action'],
		'user-agent': TeaUtil.getUserAgent(''),
		'x-acs-date': fixed?.date ?? OpenApiUtil.getTimestamp(),
		'x-acs-signature-nonce': fixed?.nonce ?? TeaUtil.getNonce(),
		accept: 'application/json',
	});
	const form = OpenApiUtil.toForm(TeaUtil.assertAsMap(OpenApiUtil.parseToMap({ ...BODY })));
	const hashed = OpenApiUtil.hexEncode(OpenApiUtil.hash(TeaUtil.toBytes(form), ALGORITHM));
	request.body = new $tea.BytesReadable(form);
	request.headers['content-type'] = 'application/x-www-form-urlencoded';
	request.headers['x-acs-content-sha256'] = hashed;
	const credential = await sdkCredential;
	request.headers['x-acs-credentials-provider'] = credential.providerName;
	request.headers.Authorization = OpenApiUtil.getAuthorization(
		request,
		ALGORITHM,
		hashed,
		credential.accessKeyId,
		credential.accessKeySecret,
	);
	return request.headers;
}

/** Same date and nonce: both must produce the same Authorization, or the race means nothing. */
async function assertSameSignature(): Promise<void> {
	const fixed = { date: '2026-12-02T01:02:03Z', nonce: '0123456789abcdef0123456789abcdef' };
	const ours = buildSignedRequest(
		{ ...ourRequest(), headers: { ...HEADERS } },
		ENDPOINT,
		KEYS,
		fixed,
	);
	const sdk = await sdkSign(fixed);
	if (ours.headers.Authorization !== sdk.Authorization) {
		throw new Error(
			`sign bench: signatures differ\n${ours.headers.Authorization}\n${sdk.Authorization}`,
		);
	}
}

async function timeOurs(): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < REQUESTS; i++) await credential.authenticate(credentialData, ourRequest());
	return ((performance.now() - started) * 1000) / REQUESTS;
}

async function timeSdk(): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < REQUESTS; i++) await sdkSign();
	return ((performance.now() - started) * 1000) / REQUESTS;
}

/** The fastest round of each: the cost itself, with the least of the machine's other work in it. */
const fastest = (values: number[]) => Math.min(...values);

export async function benchSign(): Promise<SignBenchResult> {
	await assertSameSignature();
	await timeOurs(); // warm-up
	await timeSdk();
	const ours: number[] = [];
	const sdk: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		// Alternate, so a busy moment of the machine hits both sides alike.
		ours.push(await timeOurs());
		sdk.push(await timeSdk());
	}
	const ourMicros = Number(fastest(ours).toFixed(2));
	const sdkMicros = Number(fastest(sdk).toFixed(2));
	const result: SignBenchResult = {
		bench: 'sign',
		requests: REQUESTS,
		ourMicros,
		sdkMicros,
		ratioVsSdk: Number((ourMicros / sdkMicros).toFixed(3)),
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
	return result;
}

if (require.main === module) {
	benchSign().catch((error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	});
}
