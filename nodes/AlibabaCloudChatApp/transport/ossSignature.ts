import { createHash, createHmac } from 'node:crypto';

/** Temporary OSS keys, as GetChatappUploadAuthorization hands them out. */
export interface OssKeys {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
}

export interface OssPutInput {
	keys: OssKeys;
	bucket: string;
	/** Object key without a leading slash, e.g. `cams/media/1c0e…-invoice.pdf`. */
	key: string;
	body: Buffer;
	contentType: string;
	/** RFC 1123 date, e.g. `Tue, 25 Nov 2025 10:57:00 GMT`. */
	date: string;
}

/** Base64 of the MD5 of the body: OSS checks the upload against it. */
export function contentMd5(body: Buffer): string {
	return createHash('md5').update(body).digest('base64');
}

/** `x-oss-*` headers, lower-cased, sorted, one `name:value\n` each. */
export function canonicalizedOssHeaders(headers: Record<string, string>): string {
	return Object.entries(headers)
		.map(([name, value]) => [name.toLowerCase().trim(), String(value).trim()] as const)
		.filter(([name]) => name.startsWith('x-oss-'))
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([name, value]) => `${name}:${value}\n`)
		.join('');
}

/**
 * The OSS V1 string to sign: `VERB\nContent-MD5\nContent-Type\nDate\n` + canonicalized `x-oss-`
 * headers + `/bucket/key`.
 */
export function ossStringToSign(parts: {
	method: string;
	contentMd5: string;
	contentType: string;
	date: string;
	ossHeaders: Record<string, string>;
	bucket: string;
	key: string;
}): string {
	return (
		[parts.method.toUpperCase(), parts.contentMd5, parts.contentType, parts.date, ''].join('\n') +
		canonicalizedOssHeaders(parts.ossHeaders) +
		`/${parts.bucket}/${parts.key}`
	);
}

/** `OSS <AccessKeyId>:<base64(HMAC-SHA1(secret, stringToSign))>`. */
export function ossAuthorization(keys: OssKeys, stringToSign: string): string {
	const signature = createHmac('sha1', keys.accessKeySecret)
		.update(stringToSign, 'utf8')
		.digest('base64');
	return `OSS ${keys.accessKeyId}:${signature}`;
}

/** The headers of a signed OSS PutObject request (V1 header signature, STS token included). */
export function signOssPut(input: OssPutInput): Record<string, string> {
	const ossHeaders: Record<string, string> = {};
	if (input.keys.securityToken) ossHeaders['x-oss-security-token'] = input.keys.securityToken;
	const md5 = contentMd5(input.body);
	const stringToSign = ossStringToSign({
		method: 'PUT',
		contentMd5: md5,
		contentType: input.contentType,
		date: input.date,
		ossHeaders,
		bucket: input.bucket,
		key: input.key,
	});
	return {
		'Content-Type': input.contentType,
		'Content-MD5': md5,
		Date: input.date,
		...ossHeaders,
		Authorization: ossAuthorization(input.keys, stringToSign),
	};
}

function isIpOrLocal(host: string): boolean {
	return host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}

/**
 * The URL of an object. OSS endpoints (`oss-ap-southeast-1.aliyuncs.com`, with or without scheme)
 * get the virtual-hosted form `https://<bucket>.<endpoint>/<key>`; an endpoint with a path, an IP
 * or localhost (an emulator) gets the path form `<endpoint>/<bucket>/<key>`.
 */
export function objectUrl(endpoint: string, bucket: string, key: string): string {
	const base = new URL(
		/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`,
	);
	const encodedKey = key.split('/').map(encodeURIComponent).join('/');
	const path = base.pathname.replace(/\/+$/, '');
	if (path !== '' || isIpOrLocal(base.hostname)) {
		return `${base.origin}${path}/${encodeURIComponent(bucket)}/${encodedKey}`;
	}
	const host = base.host.startsWith(`${bucket}.`) ? base.host : `${bucket}.${base.host}`;
	return `${base.protocol}//${host}/${encodedKey}`;
}

/** A file name reduced to letters, digits, dot, dash and underscore (at most 100 characters). */
export function safeFileName(name: string): string {
	const cleaned = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\w.-]+/g, '_')
		.replace(/_+/g, '_')
		.replace(/^[._]+/, '');
	return cleaned.slice(-100) || 'file';
}

/** `<dir>/<uuid>-<safe file name>`: unique, so a repeated upload never overwrites another. */
export function objectKey(dir: string, uuid: string, fileName: string): string {
	const prefix = dir.replace(/^\/+|\/+$/g, '');
	return `${prefix ? `${prefix}/` : ''}${uuid}-${safeFileName(fileName)}`;
}
