import type {
	IBinaryData,
	IExecuteFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * WhatsApp's largest media type, documents, is capped at 100 MB (images 5 MB, audio and video
 * 16 MB): https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types
 */
export const DEFAULT_MEDIA_MAX_MB = 100;
/** A stuck download must not hold the execution forever. */
export const DEFAULT_MEDIA_TIMEOUT_SECONDS = 60;

export interface MediaPolicy {
	/** Whether plain http:// links are fetched (custom endpoints such as a local emulator). */
	allowHttp: boolean;
	maxBytes: number;
	timeoutMs: number;
}

export const DEFAULT_MEDIA_POLICY: MediaPolicy = {
	allowHttp: false,
	maxBytes: DEFAULT_MEDIA_MAX_MB * 1024 * 1024,
	timeoutMs: DEFAULT_MEDIA_TIMEOUT_SECONDS * 1000,
};

/** The media options both triggers offer (triggers/events.description.ts). */
export interface MediaOptions {
	downloadMedia?: boolean;
	allowHttpMedia?: boolean;
	maxMediaSizeMb?: number;
	mediaTimeoutSeconds?: number;
}

/** How inbound media is downloaded, from a trigger's options; undefined when Download Media is off. */
export function mediaDownloadPolicy(options: MediaOptions): MediaPolicy | undefined {
	if (options.downloadMedia !== true) return undefined;
	const positive = (value: number | undefined) =>
		typeof value === 'number' && value > 0 ? value : undefined;
	const maxMb = positive(options.maxMediaSizeMb);
	const seconds = positive(options.mediaTimeoutSeconds);
	return {
		allowHttp: options.allowHttpMedia === true,
		maxBytes: maxMb ? Math.floor(maxMb * 1024 * 1024) : DEFAULT_MEDIA_POLICY.maxBytes,
		timeoutMs: seconds ? seconds * 1000 : DEFAULT_MEDIA_POLICY.timeoutMs,
	};
}

export interface MediaLocation {
	url: string;
	fileName?: string | null;
	mimeType?: string | null;
}

/** The webhook trigger, the queue trigger and actions download media. */
export type MediaContext = IWebhookFunctions | ITriggerFunctions | IExecuteFunctions;

function refuse(context: MediaContext, message: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message);
}

/** The URL comes from the push body, so only https (or http when allowed) is ever fetched. */
function checkedUrl(context: MediaContext, url: string, policy: MediaPolicy): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw refuse(context, 'Media link refused: it is not a valid URL');
	}
	if (parsed.protocol === 'https:') return parsed.href;
	if (parsed.protocol === 'http:' && policy.allowHttp) return parsed.href;
	throw refuse(
		context,
		`Media link refused: only https:// links are downloaded, not ${parsed.protocol}// (turn on "Allow HTTP Media Links" for a custom endpoint)`,
	);
}

function tooLarge(context: MediaContext, policy: MediaPolicy): NodeOperationError {
	const mb = Math.round((policy.maxBytes / 1024 / 1024) * 100) / 100;
	return refuse(context, `Media file is larger than the limit of ${mb} MB ("Max Media Size")`);
}

interface StreamedResponse {
	body: AsyncIterable<Buffer> & { destroy(error?: Error): void };
	headers: Record<string, string | undefined>;
}

/**
 * Downloads an inbound media file into n8n binary data. The `url` in an inbound message is a
 * pre-signed OSS link (valid for 7 days), so no credential is sent with it. Redirects are not
 * followed, so an https link cannot lead to a plain http one.
 */
export async function downloadInboundMedia(
	this: MediaContext,
	media: MediaLocation,
	policy: MediaPolicy = DEFAULT_MEDIA_POLICY,
): Promise<IBinaryData> {
	const url = checkedUrl(this, media.url, policy);
	const deadline = AbortSignal.timeout(policy.timeoutMs);
	const slow = () => refuse(this, `Media download took longer than ${policy.timeoutMs / 1000} s`);
	let response: StreamedResponse;
	try {
		response = (await this.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'stream',
			json: false,
			returnFullResponse: true,
			disableFollowRedirect: true,
			timeout: policy.timeoutMs,
			abortSignal: deadline,
		})) as StreamedResponse;
	} catch (error) {
		throw deadline.aborted ? slow() : error;
	}
	const timedOut = () => response.body.destroy(slow());
	deadline.addEventListener('abort', timedOut, { once: true });
	try {
		if (Number(response.headers['content-length'] ?? 0) > policy.maxBytes) {
			throw tooLarge(this, policy);
		}
		const chunks: Buffer[] = [];
		let size = 0;
		try {
			for await (const chunk of response.body) {
				size += chunk.length;
				if (size > policy.maxBytes) throw tooLarge(this, policy);
				chunks.push(chunk);
			}
		} catch (error) {
			// The HTTP client may end the stream with its own "canceled" before our listener runs.
			throw deadline.aborted ? slow() : error;
		}
		return await this.helpers.prepareBinaryData(
			Buffer.concat(chunks),
			media.fileName ?? undefined,
			media.mimeType ?? undefined,
		);
	} finally {
		deadline.removeEventListener('abort', timedOut);
		response.body.destroy();
	}
}
