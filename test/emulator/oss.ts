/**
 * A fake OSS bucket under `/__oss/<bucket>/<key>` (path style) and the inbound media files under
 * `/__media/<id>`. PUT needs the OSS V1 header signature
 * `Authorization: OSS <AccessKeyId>:base64(HMAC-SHA1(secret, PUT\n<Content-MD5>\n<Content-Type>\n<Date>\n<x-oss-* headers><resource>))`;
 * GET needs a presigned URL (Expires, OSSAccessKeyId, Signature), as GeneratePresignedUrl returns.
 */
import { createHash, createHmac } from 'node:crypto';
import type { ServerResponse } from 'node:http';

import { newRequestId } from './errors';
import { EMULATOR_KEYS, OSS_BUCKET } from './seed';
import type { EmulatorState } from './state';
import { firstHeader, type WireRequest } from './wire';

/** The bucket owner's key, used for presigned GET URLs. */
export const OSS_OWNER = {
	accessKeyId: 'LTAI5tEmulatorOssOwner01',
	accessKeySecret: 'EmulatorOssOwnerSecret0123456789',
};

export const ossSign = (secret: string, stringToSign: string) =>
	createHmac('sha1', secret).update(stringToSign).digest('base64');

/** `x-oss-*` headers, lower-case and sorted, one `name:value\n` each. */
export function canonicalOssHeaders(headers: Record<string, string[]>): string {
	return Object.keys(headers)
		.filter((name) => name.startsWith('x-oss-'))
		.sort()
		.map((name) => `${name}:${headers[name].map((value) => value.trim()).join(',')}\n`)
		.join('');
}

/** A presigned GET URL for an object, valid for `seconds`. */
export function presignedUrl(baseUrl: string, key: string, nowMs: number, seconds = 3600): string {
	const expires = Math.floor(nowMs / 1000) + seconds;
	const signature = ossSign(
		OSS_OWNER.accessKeySecret,
		`GET\n\n\n${expires}\n/${OSS_BUCKET}/${key}`,
	);
	const query = new URLSearchParams({
		Expires: String(expires),
		OSSAccessKeyId: OSS_OWNER.accessKeyId,
		Signature: signature,
	});
	return `${baseUrl}/__oss/${OSS_BUCKET}/${key.split('/').map(encodeURIComponent).join('/')}?${query.toString()}`;
}

function ossError(
	res: ServerResponse,
	status: number,
	code: string,
	message: string,
	extra = '',
): void {
	const escape = (text: string) =>
		text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const requestId = newRequestId();
	res.writeHead(status, { 'content-type': 'application/xml', 'x-oss-request-id': requestId });
	res.end(
		`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escape(message)}</Message><RequestId>${requestId}</RequestId><HostId>${OSS_BUCKET}.oss-emulator</HostId>${extra ? escape(extra) : ''}</Error>`,
	);
}

interface OssDeps {
	state: EmulatorState;
	now: () => number;
	skewMs: number;
}

function putObject(
	wire: WireRequest,
	res: ServerResponse,
	bucket: string,
	key: string,
	deps: OssDeps,
): void {
	const match = /^OSS ([^:\s]+):(\S+)$/.exec(firstHeader(wire, 'authorization') ?? '');
	if (!match)
		return ossError(
			res,
			403,
			'AccessDenied',
			'Authorization header "OSS <AccessKeyId>:<Signature>" is required.',
		);
	const [, accessKeyId, signature] = match;
	const keys = [EMULATOR_KEYS.oss, { ...OSS_OWNER, securityToken: undefined }];
	const key_ = keys.find((entry) => entry.accessKeyId === accessKeyId);
	if (!key_)
		return ossError(
			res,
			403,
			'InvalidAccessKeyId',
			'The OSS Access Key Id you provided does not exist in our records.',
		);
	if (
		key_.securityToken !== undefined &&
		firstHeader(wire, 'x-oss-security-token') !== key_.securityToken
	) {
		return ossError(res, 403, 'InvalidAccessKeyId', 'The security token you provided is invalid.');
	}
	const date = firstHeader(wire, 'date') ?? '';
	const time = Date.parse(date);
	if (Number.isNaN(time))
		return ossError(res, 403, 'AccessDenied', 'A valid Date header is required.');
	if (Math.abs(deps.now() - time) > deps.skewMs)
		return ossError(
			res,
			403,
			'RequestTimeTooSkewed',
			'The difference between the request time and the current time is too large.',
		);
	const md5 = firstHeader(wire, 'content-md5') ?? '';
	const bodyMd5 = createHash('md5').update(wire.body).digest('base64');
	if (md5 && md5 !== bodyMd5)
		return ossError(res, 400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.');
	const contentType = firstHeader(wire, 'content-type') ?? '';
	const stringToSign = `PUT\n${md5}\n${contentType}\n${date}\n${canonicalOssHeaders(wire.headers)}/${bucket}/${key}`;
	if (ossSign(key_.accessKeySecret, stringToSign) !== signature) {
		return ossError(
			res,
			403,
			'SignatureDoesNotMatch',
			'The request signature we calculated does not match the signature you provided.',
			`<StringToSign>${stringToSign}</StringToSign>`,
		);
	}
	if (bucket !== OSS_BUCKET)
		return ossError(res, 404, 'NoSuchBucket', `The specified bucket ${bucket} does not exist.`);
	const allowed = [...deps.state.channels.keys()].some((custSpaceId) =>
		key.startsWith(`${custSpaceId}/`),
	);
	if (!allowed || key.includes('..'))
		return ossError(
			res,
			403,
			'AccessDenied',
			`The temporary credentials may only write under a channel Dir, not to ${key}.`,
		);
	const etag = createHash('md5').update(wire.body).digest('hex').toUpperCase();
	deps.state.objects.set(`${bucket}/${key}`, {
		data: wire.body,
		mimeType: contentType || 'application/octet-stream',
		etag,
	});
	res.writeHead(200, {
		etag: `"${etag}"`,
		'x-oss-request-id': newRequestId(),
		'content-length': 0,
	});
	res.end();
}

function getObject(
	wire: WireRequest,
	res: ServerResponse,
	bucket: string,
	key: string,
	deps: OssDeps,
): void {
	const query = new URLSearchParams(wire.rawQuery);
	const expires = query.get('Expires') ?? '';
	const expected = ossSign(OSS_OWNER.accessKeySecret, `GET\n\n\n${expires}\n/${bucket}/${key}`);
	if (
		query.get('OSSAccessKeyId') !== OSS_OWNER.accessKeyId ||
		query.get('Signature') !== expected
	) {
		return ossError(res, 403, 'AccessDenied', 'The presigned URL signature is not valid.');
	}
	if (Number(expires) * 1000 < deps.now())
		return ossError(res, 403, 'AccessDenied', 'Request has expired.');
	const object = deps.state.objects.get(`${bucket}/${key}`);
	if (!object) return ossError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
	res.writeHead(200, {
		'content-type': object.mimeType,
		etag: `"${object.etag}"`,
		'content-length': object.data.length,
	});
	res.end(object.data);
}

/** Routes `/__oss/<bucket>/<key>` (PUT, GET); returns false when the path is not an OSS path. */
export function handleOss(wire: WireRequest, res: ServerResponse, deps: OssDeps): boolean {
	const match = /^\/__oss\/([^/]+)\/(.+)$/.exec(wire.path);
	if (!match) return false;
	let key: string;
	try {
		key = decodeURIComponent(match[2]);
	} catch {
		ossError(res, 400, 'InvalidObjectName', 'The object name is not correctly encoded.');
		return true;
	}
	if (wire.method === 'PUT') putObject(wire, res, match[1], key, deps);
	else if (wire.method === 'GET') getObject(wire, res, match[1], key, deps);
	else ossError(res, 405, 'MethodNotAllowed', 'Only PUT and GET are emulated.');
	return true;
}

/** `GET /__media/<id>`: inbound media bytes (no signature, like a long presigned link). */
export function handleMedia(wire: WireRequest, res: ServerResponse, state: EmulatorState): boolean {
	const match = /^\/__media\/([A-Za-z0-9_-]+)$/.exec(wire.path);
	if (!match || wire.method !== 'GET') return false;
	const media = state.media.get(match[1]);
	if (!media) {
		res.writeHead(404, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ Code: 'NoSuchMedia', Message: `No media ${match[1]}.` }));
		return true;
	}
	const disposition = media.filename
		? { 'content-disposition': `attachment; filename="${media.filename}"` }
		: {};
	res.writeHead(200, {
		'content-type': media.mimeType,
		'content-length': media.data.length,
		...disposition,
	});
	res.end(media.data);
	return true;
}
