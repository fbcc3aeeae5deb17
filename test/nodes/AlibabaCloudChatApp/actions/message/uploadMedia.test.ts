/**
 * Upload Media: GetChatappUploadAuthorization → signed OSS PUT → GeneratePresignedUrl, against the
 * emulator (which verifies the OSS V1 signature and STS token), and OSS failures against a stub.
 */
import type { INodeParameters } from 'n8n-workflow';

import { EMULATOR_KEYS, OSS_BUCKET, startEmulator, type CamsEmulator } from '../../../../emulator';
import { byId, runChatApp, runChatAppError } from '../../../../helpers/chatApp';
import { startRecordingServer, type RecordedRequest } from '../../../../helpers/recordingServer';
import { binaryItem, SEED } from './sendHarness';

const CHANNEL = SEED.whatsapp.channelId;
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function uploadParameters(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'message',
		operation: 'uploadMedia',
		channelId: byId(CHANNEL),
		binaryPropertyName: 'data',
		...extra,
	};
}

describe('Upload Media on the emulator', () => {
	let emu: CamsEmulator;

	beforeAll(async () => {
		emu = await startEmulator();
	});
	afterAll(async () => {
		await emu.close();
	});
	beforeEach(() => emu.reset());

	it('uploads the binary file and returns the object and a presigned link', async () => {
		const [item] = await runChatApp(emu.url, uploadParameters(), {
			items: [binaryItem(png, 'logo (1).png', 'image/png')],
		});
		const calls = emu
			.calls()
			.map((call) => ({ action: call.action, outcome: call.outcome, params: call.params }));
		const filePath = String(item.json.filePath);
		expect(filePath).toMatch(new RegExp(`^${CHANNEL}/[0-9a-f-]{36}-logo_1_\\.png$`));
		expect(calls).toStrictEqual([
			{
				action: 'GetChatappUploadAuthorization',
				outcome: 'accepted',
				params: { CustSpaceId: CHANNEL },
			},
			{ action: 'GeneratePresignedUrl', outcome: 'accepted', params: { FilePath: filePath } },
		]);
		expect(item.json).toStrictEqual({
			link: `${emu.url}/__oss/${OSS_BUCKET}/${filePath}`,
			presignedUrl: expect.stringMatching(
				new RegExp(
					`^${emu.url}/__oss/${OSS_BUCKET}/${filePath}\\?Expires=\\d+&OSSAccessKeyId=.+&Signature=`,
				),
			),
			filePath,
			fileName: 'logo (1).png',
			mimeType: 'image/png',
			size: png.length,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(emu.state.objects.get(`${OSS_BUCKET}/${filePath}`)).toMatchObject({
			data: png,
			mimeType: 'image/png',
		});
		const download = await fetch(String(item.json.presignedUrl));
		expect(download.status).toBe(200);
		expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
	});

	it('stores under the given file name, skips presigning when it is off, and reuses the upload keys', async () => {
		const items = [
			binaryItem(png, 'a.png', 'image/png', 'file'),
			binaryItem(Buffer.from('second'), 'b.txt', 'text/plain', 'file'),
		];
		const output = await runChatApp(
			emu.url,
			uploadParameters({
				binaryPropertyName: 'file',
				options: { fileName: 'brand logo.png', presignedUrl: false },
			}),
			{ items },
		);
		expect(emu.calls().map((call) => call.action)).toEqual(['GetChatappUploadAuthorization']);
		expect(output.map((item) => item.json.fileName)).toEqual(['brand logo.png', 'brand logo.png']);
		expect(output.map((item) => item.json.mimeType)).toEqual(['image/png', 'text/plain']);
		for (const item of output) {
			expect(item.json).not.toHaveProperty('presignedUrl');
			expect(item.json.filePath).toMatch(/-brand_logo\.png$/);
		}
		expect(new Set(output.map((item) => item.json.filePath)).size).toBe(2);
		expect(emu.state.objects.size).toBe(2);
	});

	it('fails before any request when the binary field is missing or empty', async () => {
		const missing = await runChatAppError(
			emu.url,
			uploadParameters({ binaryPropertyName: 'attachment' }),
			{ items: [{ json: {} }] },
		);
		expect(missing.message).toMatch(/attachment/);
		const empty = await runChatAppError(emu.url, uploadParameters(), {
			items: [binaryItem(Buffer.alloc(0), 'empty.txt', 'text/plain')],
		});
		expect(empty.message).toBe('The file in binary field "data" is empty');
		expect(empty.context?.itemIndex).toBe(0);
		expect(emu.calls()).toHaveLength(0);
	});
});

describe('Upload Media against a stub CAMS + OSS', () => {
	/** Answers CAMS calls as the emulator would, and PUTs with the given OSS answers in turn. */
	async function stub(putAnswers: Array<{ status: number; body?: string }>) {
		const server = await startRecordingServer((request: RecordedRequest) => {
			if (request.method === 'PUT') {
				const answer = putAnswers.shift() ?? { status: 200 };
				return {
					status: answer.status,
					headers: { 'content-type': 'application/xml' },
					body: answer.body ?? '',
				};
			}
			return {
				body: {
					RequestId: 'req-auth',
					Code: 'OK',
					Data: {
						AccessKeyId: EMULATOR_KEYS.oss.accessKeyId,
						AccessKeySecret: EMULATOR_KEYS.oss.accessKeySecret,
						SecurityToken: EMULATOR_KEYS.oss.securityToken,
						BucketName: 'bkt',
						Dir: 'dir/',
						EndPoint: `${server.url}/oss`,
						Expire: 3600,
					},
				},
			};
		});
		return server;
	}
	let server: Awaited<ReturnType<typeof stub>>;
	afterEach(async () => {
		await server.close();
	});

	it('signs the PUT with the temporary keys and retries an OSS server error', async () => {
		server = await stub([{ status: 503, body: '<Error><Code>ServiceUnavailable</Code></Error>' }]);
		const [item] = await runChatApp(
			server.url,
			uploadParameters({ options: { presignedUrl: false } }),
			{ items: [binaryItem(png, 'x.png', 'image/png')] },
		);
		const puts = server.requests.filter((request) => request.method === 'PUT');
		expect(puts).toHaveLength(2);
		const put = puts[1];
		expect(put.url).toMatch(/^\/oss\/bkt\/dir\/[0-9a-f-]{36}-x\.png$/);
		expect(put.body).toEqual(png);
		expect(put.headers).toMatchObject({
			'content-type': 'image/png',
			'content-md5': expect.any(String),
			'x-oss-security-token': EMULATOR_KEYS.oss.securityToken,
			authorization: expect.stringMatching(
				new RegExp(`^OSS ${EMULATOR_KEYS.oss.accessKeyId}:[A-Za-z0-9+/]{27}=$`),
			),
		});
		expect(item.json.link).toBe(`${server.url}${put.url}`);
	});

	it('turns an OSS refusal into an error with the code and a hint', async () => {
		const refusal =
			'<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature does not match.</Message><RequestId>OSS-REQ-1</RequestId></Error>';
		server = await stub([{ status: 403, body: refusal }]);
		const error = await runChatAppError(server.url, uploadParameters(), {
			items: [binaryItem(png, 'x.png', 'image/png')],
		});
		expect(error.message).toBe(
			'Media upload failed: SignatureDoesNotMatch - The request signature does not match.',
		);
		expect(error.description).toMatch(/temporary upload keys.*\(OSS RequestId OSS-REQ-1\)/);
		expect(error.httpCode).toBe('403');
		expect(server.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
		expect(
			server.requests.filter(
				(request) => request.headers['x-acs-action'] === 'GeneratePresignedUrl',
			),
		).toHaveLength(0);
	});
});
