import type { IWebhookFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ChatAppEvent, InboundMedia } from '../notifications/types';
import { downloadInboundMedia } from '../transport/media';

/** Parallel downloads per push: enough to be quick, few enough not to hammer OSS or n8n's memory. */
const MEDIA_CONCURRENCY = 4;

export function toItems(events: ChatAppEvent[]): INodeExecutionData[] {
	return events.map((event) => ({ json: event }));
}

async function withMedia(
	context: IWebhookFunctions,
	event: ChatAppEvent,
): Promise<INodeExecutionData> {
	const media = event.media as InboundMedia | null | undefined;
	if (!media?.url) return { json: event };
	try {
		const data = await downloadInboundMedia.call(context, { ...media, url: media.url });
		return { json: event, binary: { data } };
	} catch (error) {
		// One expired or unreachable link must not cost the other events: the item says what failed.
		return { json: { ...event, mediaError: (error as Error).message } };
	}
}

/** Items whose inbound media files are downloaded into the binary field `data`. */
export async function toItemsWithMedia(
	context: IWebhookFunctions,
	events: ChatAppEvent[],
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = new Array(events.length);
	let next = 0;
	const worker = async () => {
		while (next < events.length) {
			const index = next++;
			items[index] = await withMedia(context, events[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(MEDIA_CONCURRENCY, events.length) }, worker));
	return items;
}
