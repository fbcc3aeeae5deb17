/** Media upload: temporary OSS credentials, and presigned links to uploaded objects. */
import { camsError } from '../errors';
import { presignedUrl } from '../oss';
import { EMULATOR_KEYS, OSS_BUCKET } from '../seed';
import { requireChannel, type ActionContext, type ActionTable } from './context';

export const UPLOAD_EXPIRE_SECONDS = 3600;

/**
 * STS credentials for the fake OSS bucket. EndPoint is the emulator's OSS base URL: objects go to
 * `PUT ${EndPoint}/${BucketName}/${Dir}<file name>` (path style).
 */
function uploadAuthorization(ctx: ActionContext) {
	const channel = requireChannel(ctx, ctx.params.CustSpaceId);
	return {
		Data: {
			AccessKeyId: EMULATOR_KEYS.oss.accessKeyId,
			AccessKeySecret: EMULATOR_KEYS.oss.accessKeySecret,
			SecurityToken: EMULATOR_KEYS.oss.securityToken,
			BucketName: OSS_BUCKET,
			Dir: `${channel.custSpaceId}/`,
			EndPoint: `${ctx.baseUrl}/__oss`,
			Expire: UPLOAD_EXPIRE_SECONDS,
		},
	};
}

/** FilePath is the object key (`Dir` + file name), or a URL of the object in the fake bucket. */
function generatePresignedUrl(ctx: ActionContext) {
	let key = ctx.params.FilePath;
	const prefix = `/__oss/${OSS_BUCKET}/`;
	if (/^https?:\/\//.test(key)) {
		const path = new URL(key).pathname;
		if (!path.startsWith(prefix))
			throw camsError('InvalidParameter', `FilePath ${key} is not in the upload bucket.`);
		key = decodeURIComponent(path.slice(prefix.length));
	}
	key = key.replace(/^\/+/, '');
	if (key === '') throw camsError('InvalidParameter', 'FilePath must name an uploaded object.');
	return { Success: true, Data: { Url: presignedUrl(ctx.baseUrl, key, ctx.now()) } };
}

export const mediaActions: ActionTable = {
	GetChatappUploadAuthorization: { required: ['CustSpaceId'], run: uploadAuthorization },
	GeneratePresignedUrl: { required: ['FilePath'], run: generatePresignedUrl },
};
