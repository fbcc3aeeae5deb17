import type { INodeExecutionData } from 'n8n-workflow';

import { selectEvents, type SelectionSettings } from '../notifications/pipeline';
import type { ChatAppEvent, RawEvent } from '../notifications/types';
import { decodeMessageBody } from './body';
import type { DedupeGuard } from './dedupe';
import type { QueueMessage } from './protocol';

export interface BatchSettings {
	selection: SelectionSettings;
	/** Deliveries after which a message is flagged `redelivered` (and maybe deleted after its run). */
	maxDeliveries: number;
}

export interface PreparedBatch {
	items: INodeExecutionData[];
	/** Messages whose events are in `items`: deleted when the run succeeds. */
	emitted: QueueMessage[];
	/** Messages with nothing to emit (filtered out, or duplicates): deleted at once. */
	done: QueueMessage[];
	/** Duplicates of events a running execution has: left alone until that run ends. */
	held: QueueMessage[];
	/** Dedupe keys claimed for `items`. */
	keys: string[];
}

/** A body that cannot be decoded still reaches the workflow (as an "Other Event"), never silently lost. */
function rawEvents(message: QueueMessage): RawEvent[] {
	const decoded = decodeMessageBody(message.body);
	if (decoded.ok) return decoded.events;
	return [{ undecodableMessageBody: message.body, decodeError: decoded.error }];
}

export function overLimit(message: QueueMessage, settings: BatchSettings): boolean {
	return message.dequeueCount > settings.maxDeliveries;
}

/**
 * Decodes every message and runs its notifications through the same pipeline as the HTTP trigger
 * (classify, normalise, filter), then de-duplicates the batch. Items of messages delivered more
 * often than allowed carry `redelivered: true` and their `dequeueCount`.
 */
export function prepareBatch(
	messages: QueueMessage[],
	settings: BatchSettings,
	dedupe: DedupeGuard,
	now: number,
): PreparedBatch {
	const selection = { ...settings.selection, deduplicate: false };
	const groups: ChatAppEvent[][] = messages.map(
		(message) => selectEvents(rawEvents(message), selection, undefined, now).events,
	);
	const claim = dedupe.claim(groups, now);
	const batch: PreparedBatch = { items: [], emitted: [], done: [], held: [], keys: claim.keys };
	messages.forEach((message, index) => {
		const events = claim.fresh[index];
		if (events.length === 0) {
			(claim.held[index] ? batch.held : batch.done).push(message);
			return;
		}
		batch.emitted.push(message);
		const flag = overLimit(message, settings)
			? { redelivered: true, dequeueCount: message.dequeueCount }
			: {};
		for (const event of events) batch.items.push({ json: { ...event, ...flag } });
	});
	return batch;
}
