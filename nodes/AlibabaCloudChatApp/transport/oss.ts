import { randomUUID } from 'node:crypto';

import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { executionCache } from '../helpers/executionCache';
import { camsRequest } from './request';
import { objectKey, objectUrl, signOssPut, type OssKeys } from './ossSignature';
import { waitBeforeRetry } from './retry';

/** Where and with which temporary keys a channel may upload media. */
export interface UploadAuthorization extends OssKeys {
	bucket: string;
	dir: string;
	endpoint: string;
	/** Epoch ms after which the keys no longer work. */
	expiresAt: number;
}

export interface MediaFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

export interface UploadedMedia {
	/** The object's URL; private objects need `presignedUrl` to be fetched by others. */
	link: string;
	presignedUrl?: string;
	/** Object key, the `FilePath` of GeneratePresignedUrl. */
	filePath: string;
	fileName: string;
	mimeType: string;
	size: number;
}

/** Keys are reused until this long before they expire (GetChatappUploadAuthorization allows 5 calls/s). */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;
const DEFAULT_VALIDITY_S = 900;
/** A PUT to a fresh object key is idempotent, so server errors and dropped connections are retried. */
const MAX_UPLOAD_ATTEMPTS = 3;

const authorizations = executionCache<UploadAuthorization>(
	(auth) => auth.expiresAt - EXPIRY_MARGIN_MS > Date.now(),
);

function expiryOf(expire: unknown, now: number): number {
	const seconds = Number(expire);
	if (!Number.isFinite(seconds) || seconds <= 0) return now + DEFAULT_VALIDITY_S * 1000;
	// A duration ("3600") or, defensively, an epoch time in seconds.
	return seconds > 1e9 ? seconds * 1000 : now + seconds * 1000;
}

async function fetchAuthorization(
	context: IExecuteFunctions,
	custSpaceId: string,
	itemIndex: number,
): Promise<UploadAuthorization> {
	const response = await camsRequest.call(
		context,
		'GetChatappUploadAuthorization',
		{ CustSpaceId: custSpaceId },
		{ itemIndex },
	);
	const data = (response.Data ?? {}) as IDataObject;
	const auth = {
		accessKeyId: String(data.AccessKeyId ?? ''),
		accessKeySecret: String(data.AccessKeySecret ?? ''),
		securityToken: data.SecurityToken ? String(data.SecurityToken) : undefined,
		bucket: String(data.BucketName ?? ''),
		dir: String(data.Dir ?? ''),
		endpoint: String(data.EndPoint ?? ''),
		expiresAt: expiryOf(data.Expire, Date.now()),
	};
	if (!auth.accessKeyId || !auth.accessKeySecret || !auth.bucket || !auth.endpoint) {
		// The error is shown and stored with the execution: never with the temporary secret or token.
		const shown = {
			...response,
			Data: {
				...data,
				AccessKeySecret: data.AccessKeySecret && '***',
				SecurityToken: data.SecurityToken && '***',
			},
		};
		throw new NodeApiError(context.getNode(), shown as JsonObject, {
			message: 'GetChatappUploadAuthorization returned no upload keys',
			description: `The answer lacks the OSS keys, bucket or endpoint needed to upload. Check that media upload is available for channel ${custSpaceId}.`,
			itemIndex,
		});
	}
	return auth;
}

/** Temporary OSS keys for the channel, fetched once and shared by every item while they are valid. */
export async function getUploadAuthorization(
	this: IExecuteFunctions,
	custSpaceId: string,
	itemIndex: number,
): Promise<UploadAuthorization> {
	return await authorizations(
		this,
		custSpaceId,
		async () => await fetchAuthorization(this, custSpaceId, itemIndex),
	);
}

function xmlField(body: unknown, name: string): string | undefined {
	return new RegExp(`<${name}>([^<]*)</${name}>`).exec(typeof body === 'string' ? body : '')?.[1];
}

function ossError(
	context: IExecuteFunctions,
	statusCode: number,
	body: unknown,
	itemIndex: number,
): NodeApiError {
	const code = xmlField(body, 'Code') ?? `HTTP ${statusCode}`;
	const message = xmlField(body, 'Message');
	const requestId = xmlField(body, 'RequestId');
	const hint = /SignatureDoesNotMatch|InvalidAccessKeyId|SecurityToken|AccessDenied/.test(code)
		? 'OSS rejected the temporary upload keys from GetChatappUploadAuthorization (expired, or not allowed to write here). Run the node again; if it persists, check the channel in the CAMS console'
		: /EntityTooLarge/.test(code)
			? 'The file is larger than OSS accepts for this upload. Send a smaller file.'
			: 'OSS did not store the file.';
	return new NodeApiError(
		context.getNode(),
		{ code, message: message ?? '', requestId: requestId ?? '' } as JsonObject,
		{
			message: `Media upload failed: ${code}${message ? ` - ${message}` : ''}`,
			description: `${hint}${requestId ? ` (OSS RequestId ${requestId})` : ''}`,
			httpCode: String(statusCode),
			itemIndex,
		},
	);
}

/** PUTs one object with an OSS V1 header signature made from the temporary keys; returns its URL. */
export async function putOssObject(
	this: IExecuteFunctions,
	auth: UploadAuthorization,
	key: string,
	file: MediaFile,
	itemIndex: number,
): Promise<string> {
	const url = objectUrl(auth.endpoint, auth.bucket, key);
	for (let attempt = 1; ; attempt++) {
		const headers = signOssPut({
			keys: auth,
			bucket: auth.bucket,
			key,
			body: file.data,
			contentType: file.mimeType,
			date: new Date().toUTCString(),
		});
		let response: { statusCode: number; body: unknown };
		try {
			response = await this.helpers.httpRequest({
				method: 'PUT',
				url,
				headers,
				body: file.data,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			});
		} catch (error) {
			if (attempt < MAX_UPLOAD_ATTEMPTS) {
				await waitBeforeRetry(attempt);
				continue;
			}
			throw new NodeApiError(this.getNode(), { message: (error as Error).message } as JsonObject, {
				message: `Media upload failed: ${(error as Error).message}`,
				description: `The OSS endpoint ${auth.endpoint} could not be reached from the n8n host.`,
				itemIndex,
			});
		}
		if (response.statusCode >= 200 && response.statusCode < 300) return url;
		if (
			(response.statusCode >= 500 || response.statusCode === 429) &&
			attempt < MAX_UPLOAD_ATTEMPTS
		) {
			await waitBeforeRetry(attempt);
			continue;
		}
		throw ossError(this, response.statusCode, response.body, itemIndex);
	}
}

/** A temporary public URL for an uploaded object (GeneratePresignedUrl). */
export async function generatePresignedUrl(
	this: IExecuteFunctions,
	filePath: string,
	itemIndex: number,
): Promise<string> {
	const response = await camsRequest.call(
		this,
		'GeneratePresignedUrl',
		{ FilePath: filePath },
		{ itemIndex, idempotent: true },
	);
	const url = ((response.Data ?? {}) as IDataObject).Url;
	if (typeof url !== 'string' || url === '') {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'GeneratePresignedUrl returned no URL',
			description: `CAMS did not return a link for ${filePath}. Turn off "Presigned URL" to use the object link instead.`,
			itemIndex,
		});
	}
	return url;
}

/**
 * Uploads a file for a channel: GetChatappUploadAuthorization (cached), a signed OSS PUT under the
 * channel's upload directory, then GeneratePresignedUrl when `presign` is set.
 */
export async function uploadMedia(
	this: IExecuteFunctions,
	custSpaceId: string,
	file: MediaFile,
	options: { presign: boolean },
	itemIndex: number,
): Promise<UploadedMedia> {
	const auth = await getUploadAuthorization.call(this, custSpaceId, itemIndex);
	const key = objectKey(auth.dir, randomUUID(), file.fileName);
	const link = await putOssObject.call(this, auth, key, file, itemIndex);
	const presignedUrl = options.presign
		? await generatePresignedUrl.call(this, key, itemIndex)
		: undefined;
	return {
		link,
		presignedUrl,
		filePath: key,
		fileName: file.fileName,
		mimeType: file.mimeType,
		size: file.data.length,
	};
}
