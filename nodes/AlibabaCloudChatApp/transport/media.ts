import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

/** A stuck download must not hold the execution forever; inbound media is at most ~100 MB. */
export const MEDIA_DOWNLOAD_TIMEOUT_MS = 60_000;

export interface MediaLocation {
	url: string;
	fileName?: string | null;
	mimeType?: string | null;
}

/**
 * Downloads an inbound media file into n8n binary data. The `url` in an inbound message is a
 * pre-signed OSS link (valid for 7 days), so no credential is sent with it.
 */
export async function downloadInboundMedia(
	this: IWebhookFunctions | IExecuteFunctions,
	media: MediaLocation,
): Promise<IBinaryData> {
	const body: unknown = await this.helpers.httpRequest({
		method: 'GET',
		url: media.url,
		encoding: 'arraybuffer',
		json: false,
		timeout: MEDIA_DOWNLOAD_TIMEOUT_MS,
	});
	const data = Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer);
	return await this.helpers.prepareBinaryData(
		data,
		media.fileName ?? undefined,
		media.mimeType ?? undefined,
	);
}
