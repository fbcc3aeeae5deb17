import type { IWebhookFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ChatAppEvent, InboundMedia } from '../notifications/types';
import { downloadInboundMedia, type MediaPolicy } from '../transport';

/** Parallel downloads per push: each may hold up to the size cap in memory until it is stored. */
const MEDIA_CONCURRENCY = 2;

export function toItems(events: ChatAppEvent[]): INodeExecutionData[] {
	return events.map((event) => ({ json: event }));
}

async function withMedia(
	context: IWebhookFunctions,
	event: ChatAppEvent,
	policy: MediaPolicy,
): Promise<INodeExecutionData> {
	const media = event.media as InboundMedia | null | undefined;
	if (!media?.url) return { json: event };
	try {
		const data = await downloadInboundMedia.call(context, { ...media, url: media.url }, policy);
		return { json: event, binary: { data } };
	} catch (error) {
		// A refused, expired, oversize or slow link must not cost the push: the item says what failed.
		return { json: { ...event, mediaError: (error as Error).message } };
	}
}

/** Items whose inbound media files are downloaded into the binary field `data`. */
export async function toItemsWithMedia(
	context: IWebhookFunctions,
	events: ChatAppEvent[],
	policy: MediaPolicy,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = new Array(events.length);
	let next = 0;
	const worker = async () => {
		while (next < events.length) {
			const index = next++;
			items[index] = await withMedia(context, events[index], policy);
		}
	};
	await Promise.all(Array.from({ length: Math.min(MEDIA_CONCURRENCY, events.length) }, worker));
	return items;
}
