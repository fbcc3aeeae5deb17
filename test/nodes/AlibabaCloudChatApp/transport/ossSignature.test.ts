import {
	canonicalizedOssHeaders,
	contentMd5,
	objectKey,
	objectUrl,
	ossAuthorization,
	ossStringToSign,
	safeFileName,
	signOssPut,
} from '../../../../nodes/AlibabaCloudChatApp/transport/ossSignature';

/** The OSS documentation's V1 example (also used by the Go and Elixir OSS clients' tests). */
const DOC_KEYS = {
	accessKeyId: '44CF9590006BF252F707',
	accessKeySecret: 'OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV',
};

describe('OSS V1 signature', () => {
	it('matches the documented example byte for byte', () => {
		const stringToSign = ossStringToSign({
			method: 'PUT',
			contentMd5: 'ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=',
			contentType: 'text/html',
			date: 'Thu, 17 Nov 2005 18:49:58 GMT',
			ossHeaders: {
				'X-OSS-Meta-Author': 'foo@bar.com',
				'X-OSS-Magic': 'abracadabra',
				Host: 'ignored',
			},
			bucket: 'oss-example',
			key: 'nelson',
		});
		expect(stringToSign).toBe(
			'PUT\nODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=\ntext/html\nThu, 17 Nov 2005 18:49:58 GMT\nx-oss-magic:abracadabra\nx-oss-meta-author:foo@bar.com\n/oss-example/nelson',
		);
		expect(ossAuthorization(DOC_KEYS, stringToSign)).toBe(
			'OSS 44CF9590006BF252F707:26NBxoKdsyly4EDv6inkoDft/yA=',
		);
	});

	it('signs a PUT with Content-MD5, Date and the STS token', () => {
		const body = Buffer.from('Check');
		const headers = signOssPut({
			keys: { ...DOC_KEYS, securityToken: 'CAIS.token' },
			bucket: 'media',
			key: 'cams-1/abc-a.txt',
			body,
			contentType: 'text/plain',
			date: 'Tue, 25 Nov 2025 10:57:00 GMT',
		});
		expect(contentMd5(body)).toBe('Bgvy1YeZHY8JChMJsoUpHA==');
		const expected = ossAuthorization(
			DOC_KEYS,
			'PUT\nBgvy1YeZHY8JChMJsoUpHA==\ntext/plain\nTue, 25 Nov 2025 10:57:00 GMT\nx-oss-security-token:CAIS.token\n/media/cams-1/abc-a.txt',
		);
		expect(headers).toStrictEqual({
			'Content-Type': 'text/plain',
			'Content-MD5': 'Bgvy1YeZHY8JChMJsoUpHA==',
			Date: 'Tue, 25 Nov 2025 10:57:00 GMT',
			'x-oss-security-token': 'CAIS.token',
			Authorization: expected,
		});
		expect(canonicalizedOssHeaders({ 'x-oss-b': ' 2 ', 'X-OSS-A': '1', 'content-type': 'x' })).toBe(
			'x-oss-a:1\nx-oss-b:2\n',
		);
	});
});

describe('object keys and URLs', () => {
	it('makes safe, unique keys under the upload directory', () => {
		expect(safeFileName('Résumé final (v2).pdf')).toBe('Resume_final_v2_.pdf');
		expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
		expect(safeFileName('???')).toBe('file');
		expect(objectKey('cams-1/', 'u-1', 'a b.jpg')).toBe('cams-1/u-1-a_b.jpg');
		expect(objectKey('', 'u-1', 'a.jpg')).toBe('u-1-a.jpg');
	});

	it('uses virtual-hosted URLs for OSS endpoints and path URLs for an emulator', () => {
		expect(objectUrl('oss-ap-southeast-1.aliyuncs.com', 'bkt', 'd/k.jpg')).toBe(
			'https://bkt.oss-ap-southeast-1.aliyuncs.com/d/k.jpg',
		);
		expect(objectUrl('https://oss-cn-hangzhou.aliyuncs.com/', 'bkt', 'k')).toBe(
			'https://bkt.oss-cn-hangzhou.aliyuncs.com/k',
		);
		expect(objectUrl('https://bkt.oss-cn-hangzhou.aliyuncs.com', 'bkt', 'k')).toBe(
			'https://bkt.oss-cn-hangzhou.aliyuncs.com/k',
		);
		expect(objectUrl('http://127.0.0.1:8090/__oss', 'bkt', 'd/k.jpg')).toBe(
			'http://127.0.0.1:8090/__oss/bkt/d/k.jpg',
		);
		expect(objectUrl('http://localhost:9000', 'bkt', 'k')).toBe('http://localhost:9000/bkt/k');
	});
});
