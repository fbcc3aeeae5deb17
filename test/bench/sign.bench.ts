/**
 * Signing cost, ours against the official SDK's, side by side in one run (a ratio, not absolute
 * times). The same SendChatappMessage request (query and form body) is signed 20,000 times by:
 * - ours: the credential's `authenticate`, exactly as n8n calls it before every request;
 * - the SDK: the steps `@alicloud/openapi-client` 0.4.15 `doRequest` runs for a V3 signature
 *   (timestamp, nonce, form body, payload hash, `getAuthorization`), without its HTTP layer.
 * Both outputs are checked byte for byte first (same date and nonce), so the race is fair.
 *
 *   npx ts-node --transpile-only test/bench/sign.bench.ts
 */
import { performance } from 'node:perf_hooks';

import OpenApiUtil from '@alicloud/openapi-util';
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
const ROUNDS = 5;
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

/** The SDK's V3 signing steps of `doRequest`, on the same request. */
function sdkSign(fixed?: { date: string; nonce: string }): Record<string, string> {
	const headers: Record<string, string> = {
		host: HOST,
		...HEADERS,
		'x-acs-date': fixed?.date ?? OpenApiUtil.getTimestamp(),
		'x-acs-signature-nonce': fixed?.nonce ?? TeaUtil.getNonce(),
	};
	const form = OpenApiUtil.toForm({ ...BODY });
	const hashed = OpenApiUtil.hexEncode(OpenApiUtil.hash(TeaUtil.toBytes(form), ALGORITHM));
	headers['content-type'] = 'application/x-www-form-urlencoded';
	headers['x-acs-content-sha256'] = hashed;
	headers['x-acs-credentials-provider'] = 'static_ak';
	const request = { pathname: '/', method: 'POST', query: { ...QUERY }, headers } as never;
	headers.Authorization = OpenApiUtil.getAuthorization(
		request,
		ALGORITHM,
		hashed,
		KEYS.accessKeyId,
		KEYS.accessKeySecret,
	);
	return headers;
}

/** Same date and nonce: both must produce the same Authorization, or the race means nothing. */
function assertSameSignature(): void {
	const fixed = { date: '2026-12-02T01:02:03Z', nonce: '0123456789abcdef0123456789abcdef' };
	const ours = buildSignedRequest(
		{ ...ourRequest(), headers: { ...HEADERS } },
		ENDPOINT,
		KEYS,
		fixed,
	);
	const sdk = sdkSign(fixed);
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

function timeSdk(): number {
	const started = performance.now();
	for (let i = 0; i < REQUESTS; i++) sdkSign();
	return ((performance.now() - started) * 1000) / REQUESTS;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchSign(): Promise<SignBenchResult> {
	assertSameSignature();
	await timeOurs(); // warm-up
	timeSdk();
	const ours: number[] = [];
	const sdk: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		// Alternate, so a busy moment of the machine hits both sides alike.
		ours.push(await timeOurs());
		sdk.push(timeSdk());
	}
	const ourMicros = Number(median(ours).toFixed(2));
	const sdkMicros = Number(median(sdk).toFixed(2));
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
