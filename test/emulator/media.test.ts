/** Media upload: GetChatappUploadAuthorization -> OSS PUT (V1 OSS signature) -> GeneratePresignedUrl -> GET. */
import { createHash, createHmac } from 'node:crypto';

import { call, rawRequest } from './helpers';
import { SEED_CHANNELS, startEmulator, type CamsEmulator } from './index';

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
type Upload = {
	AccessKeyId: string;
	AccessKeySecret: string;
	SecurityToken: string;
	BucketName: string;
	Dir: string;
	EndPoint: string;
	Expire: number;
};

let emu: CamsEmulator;
beforeAll(async () => {
	emu = await startEmulator({ enforceQps: false });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function ossPut(
	auth: Upload,
	key: string,
	data: Buffer,
	change: { secret?: string; token?: string | null; date?: string; md5?: string } = {},
) {
	const date = change.date ?? new Date().toUTCString();
	const md5 = change.md5 ?? createHash('md5').update(data).digest('base64');
	const headers: Record<string, string> = { date, 'content-type': 'image/png', 'content-md5': md5 };
	if (change.token !== null) headers['x-oss-security-token'] = change.token ?? auth.SecurityToken;
	const ossHeaders = headers['x-oss-security-token']
		? `x-oss-security-token:${headers['x-oss-security-token']}\n`
		: '';
	const stringToSign = `PUT\n${md5}\nimage/png\n${date}\n${ossHeaders}/${auth.BucketName}/${key}`;
	const signature = createHmac('sha1', change.secret ?? auth.AccessKeySecret)
		.update(stringToSign)
		.digest('base64');
	headers.authorization = `OSS ${auth.AccessKeyId}:${signature}`;
	return rawRequest(`${auth.EndPoint}/${auth.BucketName}/${key}`, {
		method: 'PUT',
		headers,
		body: data,
	});
}

describe('media upload', () => {
	it('uploads with the temporary credentials and serves the object through a presigned URL', async () => {
		const auth = (await call(emu, 'GetChatappUploadAuthorization', { CustSpaceId: WA })).json
			.Data as Upload;
		expect(auth).toMatchObject({
			BucketName: 'cams-emu-media',
			Dir: `${WA}/`,
			EndPoint: `${emu.url}/__oss`,
			Expire: 3600,
		});
		const data = Buffer.from('PNG bytes of a receipt');
		const put = await ossPut(auth, `${auth.Dir}receipt.png`, data);
		expect([put.status, put.headers.etag]).toEqual([
			200,
			`"${createHash('md5').update(data).digest('hex').toUpperCase()}"`,
		]);
		const presigned = await call(emu, 'GeneratePresignedUrl', {
			FilePath: `${auth.Dir}receipt.png`,
		});
		const url = (presigned.json.Data as { Url: string }).Url;
		expect(url).toMatch(
			/\/__oss\/cams-emu-media\/cams-emu-whatsapp\/receipt\.png\?Expires=\d+&OSSAccessKeyId=.+&Signature=/,
		);
		const got = await rawRequest(url, { method: 'GET' });
		expect([got.status, got.headers['content-type'], got.text]).toEqual([
			200,
			'image/png',
			data.toString(),
		]);
		expect(
			(await rawRequest(url.replace('Signature=', 'Signature=x'), { method: 'GET' })).status,
		).toBe(403);
		const missing = await call(emu, 'GeneratePresignedUrl', { FilePath: `${auth.Dir}nothing.png` });
		expect(
			(await rawRequest((missing.json.Data as { Url: string }).Url, { method: 'GET' })).text,
		).toContain('<Code>NoSuchKey</Code>');
		emu.setTime({ advanceMs: 2 * 3600_000 });
		expect((await rawRequest(url, { method: 'GET' })).text).toContain('Request has expired');
	});

	it('verifies the OSS signature, STS token, Content-MD5, date and directory', async () => {
		const auth = (await call(emu, 'GetChatappUploadAuthorization', { CustSpaceId: WA })).json
			.Data as Upload;
		const data = Buffer.from('x');
		const key = `${auth.Dir}a.png`;
		const cases: Array<[Promise<{ status: number; text: string }>, number, string]> = [
			[ossPut(auth, key, data, { secret: 'wrong' }), 403, 'SignatureDoesNotMatch'],
			[ossPut(auth, key, data, { token: null }), 403, 'InvalidAccessKeyId'],
			[ossPut(auth, key, data, { token: 'CAIS.other' }), 403, 'InvalidAccessKeyId'],
			[
				ossPut(auth, key, data, { md5: createHash('md5').update('y').digest('base64') }),
				400,
				'InvalidDigest',
			],
			[
				ossPut(auth, key, data, { date: new Date(Date.now() - 20 * 60_000).toUTCString() }),
				403,
				'RequestTimeTooSkewed',
			],
			[ossPut(auth, 'elsewhere/a.png', data), 403, 'AccessDenied'],
		];
		for (const [pending, status, code] of cases) {
			const response = await pending;
			expect([response.status, /<Code>([^<]+)<\/Code>/.exec(response.text)?.[1]]).toEqual([
				status,
				code,
			]);
		}
		expect(emu.state.objects.size).toBe(0);
		expect((await call(emu, 'GetChatappUploadAuthorization', {})).json.Code).toBe(
			'MissingCustSpaceId',
		);
	});
});
