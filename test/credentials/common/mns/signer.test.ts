/**
 * Our MNS signer against the official SDK (`@alicloud/mns@1.2.0`, a test oracle only): the SDK's
 * own `buildHeaders` with its clock pinned, for every queue operation a consumer makes, with and
 * without an STS token, with and without a query string. Then whole requests as they reach a
 * recording server: request-target, body bytes and every signed header must be identical.
 */
import {
	mnsContentMd5,
	mnsSignature,
	mnsStringToSign,
	signMnsRequest,
	type MnsKeys,
} from '../../../../credentials/common/mns/signer';
import {
	resourceOf,
	signMnsHttpRequest,
	type MnsHttpRequest,
} from '../../../../credentials/common/mns/request';
import { receiptHandlesXml } from '../../../../nodes/AlibabaCloudChatApp/queue/protocol';
import { startRecordingServer, type RecordingServer } from '../../../helpers/recordingServer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MnsClient = require('@alicloud/mns') as new (
	accountId: string,
	options: Record<string, unknown>,
) => {
	buildHeaders(method: string, body: string, resource: string): Record<string, string>;
	batchReceiveMessage(queue: string, count: number, wait: number): Promise<unknown>;
	batchDeleteMessage(queue: string, handles: string[]): Promise<unknown>;
	changeMessageVisibility(queue: string, handle: string, seconds: number): Promise<unknown>;
	receiveMessage(queue: string, wait: number): Promise<unknown>;
	deleteMessage(queue: string, handle: string): Promise<unknown>;
};

const DATE = 'Tue, 02 Dec 2025 03:04:05 GMT';
const PERMANENT: MnsKeys = {
	accessKeyId: 'LTAI5tPermanentKey01',
	accessKeySecret: 'PermanentSecret0123456789abcdef',
};
const STS: MnsKeys = {
	accessKeyId: 'STS.NTestTempAccessKeyId01',
	accessKeySecret: 'TestTempAccessKeySecret0123456789',
	securityToken: 'CAISexampleSecurityToken+/==withSymbols',
};
const QUEUE = 'Alicom-Queue-1234567890123456-ChatAppStatus';
const OWN_QUEUE = 'my-chatapp-events';
const HANDLE = 'MbZj6wDWli+QEauMZc8ZRv37sIW2iJKq3M9Mx/KSbkJ0';
const HANDLE2 = '1-ODU4OTkzNDU5My0xNDM1MTk3NjAwLTItNg==';

interface Case {
	name: string;
	method: string;
	resource: string;
	body: string;
}

const CASES: Case[] = [
	{
		name: 'batch receive',
		method: 'GET',
		resource: `/queues/${QUEUE}/messages?numOfMessages=16&waitseconds=30`,
		body: '',
	},
	{
		name: 'batch receive, 1 s',
		method: 'GET',
		resource: `/queues/${OWN_QUEUE}/messages?numOfMessages=1&waitseconds=1`,
		body: '',
	},
	{
		name: 'receive, long poll',
		method: 'GET',
		resource: `/queues/${QUEUE}/messages?waitseconds=10`,
		body: '',
	},
	{ name: 'receive, no query', method: 'GET', resource: `/queues/${QUEUE}/messages`, body: '' },
	{ name: 'queue attributes', method: 'GET', resource: `/queues/${OWN_QUEUE}`, body: '' },
	{
		name: 'delete, raw handle',
		method: 'DELETE',
		resource: `/queues/${QUEUE}/messages?ReceiptHandle=${HANDLE}`,
		body: '',
	},
	{
		name: 'batch delete, one handle',
		method: 'DELETE',
		resource: `/queues/${QUEUE}/messages`,
		body: receiptHandlesXml([HANDLE]),
	},
	{
		name: 'batch delete, two handles',
		method: 'DELETE',
		resource: `/queues/${OWN_QUEUE}/messages`,
		body: receiptHandlesXml([HANDLE, HANDLE2]),
	},
	{
		name: 'change visibility, raw handle',
		method: 'PUT',
		resource: `/queues/${QUEUE}/messages?receiptHandle=${HANDLE}&visibilityTimeout=60`,
		body: '',
	},
	{
		name: 'change visibility, encoded handle',
		method: 'PUT',
		resource: `/queues/${QUEUE}/messages?receiptHandle=${encodeURIComponent(HANDLE2)}&visibilityTimeout=43200`,
		body: '',
	},
	{
		name: 'send message',
		method: 'POST',
		resource: `/queues/${OWN_QUEUE}/messages`,
		body: '<?xml version="1.0" encoding="UTF-8"?><Message xmlns="http://mns.aliyuncs.com/doc/v1/"><MessageBody>eyJhIjoxfQ==</MessageBody></Message>',
	},
	{
		name: 'send message, unicode body',
		method: 'POST',
		resource: `/queues/${OWN_QUEUE}/messages`,
		body: '<Message><MessageBody>héllo 你好 👋</MessageBody></Message>',
	},
];

function sdk(keys: MnsKeys, endpoint = 'http://127.0.0.1:1') {
	return new MnsClient('1234567890123456', { ...keys, endpoint });
}

beforeAll(() => {
	// The SDK stamps `new Date().toGMTString()`; pin it so both sides sign the same Date.
	jest
		.spyOn(Date.prototype as unknown as { toGMTString(): string }, 'toGMTString')
		.mockReturnValue(DATE);
});
afterAll(() => jest.restoreAllMocks());

describe('MNS signer vs @alicloud/mns buildHeaders', () => {
	const table = CASES.flatMap((c) => [
		{ ...c, keysName: 'permanent key', keys: PERMANENT },
		{ ...c, keysName: 'STS token', keys: STS },
	]);
	it('covers at least 20 requests, with and without STS and query', () => {
		expect(table.length).toBeGreaterThanOrEqual(20);
		expect(table.some((c) => c.keys.securityToken && c.resource.includes('?'))).toBe(true);
		expect(table.some((c) => c.keys.securityToken && !c.resource.includes('?'))).toBe(true);
		expect(table.some((c) => !c.keys.securityToken && c.resource.includes('?'))).toBe(true);
		expect(table.some((c) => !c.keys.securityToken && !c.resource.includes('?'))).toBe(true);
	});

	it.each(table)('$name with $keysName', ({ method, resource, body, keys }) => {
		const expected = sdk(keys).buildHeaders(method, body, resource);
		const ours = signMnsRequest({ method, resource, body, keys, date: DATE });
		for (const name of [
			'date',
			'x-mns-date',
			'x-mns-version',
			'content-type',
			'content-md5',
			'authorization',
			'security-token',
		]) {
			expect([name, ours[name]]).toEqual([name, expected[name]]);
		}
		expect(Object.keys(ours).sort()).toEqual(
			Object.keys(expected)
				.filter((name) => !['host', 'content-length'].includes(name))
				.sort(),
		);
	});
});

describe('documented and fixed-input vectors', () => {
	it('reproduces the example of the "Sign requests" page', () => {
		const signature = mnsSignature({
			method: 'GET',
			resource: '/MyQueue',
			headers: { Date: 'Thu, 09 Jul 2015 03:01:34 GMT', 'x-mns-version': '2015-06-06' },
			accessKeySecret: 'TestAccessSecret',
		});
		expect(signature).toBe('uwx3yeWoILzgmvesW0BQSgfM7b8=');
	});

	it('signs x-mns-* headers sorted and lower-cased, and not the security token', () => {
		const text = mnsStringToSign({
			method: 'get',
			resource: '/q',
			headers: { 'X-MNS-Version': 'v', 'x-mns-date': 'd', 'security-token': 't', Date: 'D' },
		});
		expect(text).toBe('GET\n\n\nD\nx-mns-date:d\nx-mns-version:v\n/q');
	});

	it('computes Content-MD5 as Base64 of the hex digest, as the SDKs do', () => {
		expect(mnsContentMd5('')).toBe('ZDQxZDhjZDk4ZjAwYjIwNGU5ODAwOTk4ZWNmODQyN2U=');
	});

	it('takes the request-target off an absolute URL without re-encoding it', () => {
		expect(resourceOf(`http://127.0.0.1:8/queues/q/messages?receiptHandle=${HANDLE}&x=1`)).toBe(
			`/queues/q/messages?receiptHandle=${HANDLE}&x=1`,
		);
		expect(resourceOf('https://host')).toBe('/');
	});
});

describe('whole requests on the wire, SDK vs ours', () => {
	let server: RecordingServer;
	beforeAll(async () => {
		server = await startRecordingServer(() => ({ status: 200, body: '' }));
	});
	afterAll(async () => await server.close());

	async function ours(keys: MnsKeys, method: string, resource: string, body?: string) {
		const request: MnsHttpRequest = { url: `${server.url}${resource}`, method, body };
		const signed = signMnsHttpRequest(request, keys, DATE);
		const response = await fetch(signed.url, {
			method,
			headers: signed.headers as Record<string, string>,
			body: body ?? undefined,
		});
		await response.arrayBuffer();
		return server.last();
	}

	interface Operation {
		name: string;
		call: (client: ReturnType<typeof sdk>) => Promise<unknown>;
		method: string;
		resource: string;
		body?: string;
	}
	const operations: Operation[] = [
		{
			name: 'batch receive',
			call: (c) => c.batchReceiveMessage(QUEUE, 16, 20),
			method: 'GET',
			resource: `/queues/${QUEUE}/messages?numOfMessages=16&waitseconds=20`,
		},
		{
			name: 'batch delete',
			call: (c) => c.batchDeleteMessage(QUEUE, [HANDLE, HANDLE2]),
			method: 'DELETE',
			resource: `/queues/${QUEUE}/messages`,
			body: receiptHandlesXml([HANDLE, HANDLE2]),
		},
		{
			name: 'change visibility',
			call: (c) => c.changeMessageVisibility(QUEUE, HANDLE, 30),
			method: 'PUT',
			resource: `/queues/${QUEUE}/messages?receiptHandle=${HANDLE}&visibilityTimeout=30`,
		},
		{
			name: 'delete',
			call: (c) => c.deleteMessage(QUEUE, HANDLE),
			method: 'DELETE',
			resource: `/queues/${QUEUE}/messages?ReceiptHandle=${HANDLE}`,
		},
	];

	it.each(
		operations.flatMap((op) => [
			{ ...op, keysName: 'STS token', keys: STS },
			{ ...op, keysName: 'permanent key', keys: PERMANENT },
		]),
	)('$name with $keysName', async ({ call, method, resource, body, keys }) => {
		await call(sdk(keys, server.url)).catch(() => undefined);
		const expected = server.last();
		const actual = await ours(keys, method, resource, body);
		expect(actual.url).toBe(expected.url);
		expect(actual.method).toBe(expected.method);
		expect(actual.body.toString('utf8')).toBe(expected.body.toString('utf8'));
		for (const name of [
			'authorization',
			'date',
			'x-mns-date',
			'x-mns-version',
			'content-type',
			'content-md5',
			'security-token',
		]) {
			expect([name, actual.headers[name]]).toEqual([name, expected.headers[name]]);
		}
	});
});
