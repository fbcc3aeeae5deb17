import type { INodeExecutionData } from 'n8n-workflow';

import type { ChatAppEvent, InboundMedia } from '../notifications/types';
import { downloadInboundMedia, type MediaContext, type MediaPolicy } from '../transport';

/** Parallel downloads per push or batch: each may hold up to the size cap in memory until stored. */
const MEDIA_CONCURRENCY = 2;

export function toItems(events: ChatAppEvent[]): INodeExecutionData[] {
	return events.map((event) => ({ json: event }));
}

async function withMedia(
	context: MediaContext,
	item: INodeExecutionData,
	policy: MediaPolicy,
): Promise<INodeExecutionData> {
	const media = item.json.media as InboundMedia | null | undefined;
	if (!media?.url) return item;
	try {
		const data = await downloadInboundMedia.call(context, { ...media, url: media.url }, policy);
		return { json: item.json, binary: { data } };
	} catch (error) {
		// A refused, expired, oversize or slow link must not cost the event: the item says what failed.
		return { json: { ...item.json, mediaError: (error as Error).message } };
	}
}

/**
 * The same items, each inbound image, video, audio or document file downloaded into the binary
 * field `data` (or its failure in `mediaError`). Both triggers use it, so their items match.
 */
export async function withMediaDownloaded(
	context: MediaContext,
	items: INodeExecutionData[],
	policy: MediaPolicy,
): Promise<INodeExecutionData[]> {
	const done: INodeExecutionData[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			done[index] = await withMedia(context, items[index], policy);
		}
	};
	await Promise.all(Array.from({ length: Math.min(MEDIA_CONCURRENCY, items.length) }, worker));
	return done;
}
