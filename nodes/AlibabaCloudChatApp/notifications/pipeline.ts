import { classifyEvent } from './classify';
import { dropDuplicates, type SeenKeys } from './dedupe';
import { keepEvent, type EventFilter } from './filter';
import { normaliseEvent } from './normalise';
import type { ChatAppEvent, RawEvent } from './types';

export interface SelectionSettings {
	filter: EventFilter;
	deduplicate: boolean;
}

export interface SelectedEvents {
	events: ChatAppEvent[];
	/** The dedupe store to save; undefined when deduplication is off. */
	seen?: SeenKeys;
}

/**
 * Classifies, normalises and filters the elements of one push, in push order. Kinds that are not
 * wanted are dropped before normalising, the costly step.
 */
export function filterEvents(elements: RawEvent[], filter: EventFilter): ChatAppEvent[] {
	const kept: ChatAppEvent[] = [];
	for (const element of elements) {
		const classification = classifyEvent(element);
		if (!filter.kinds.has(classification.kind)) continue;
		const event = normaliseEvent(element, classification);
		if (keepEvent(event, filter)) kept.push(event);
	}
	return kept;
}

/**
 * filterEvents, then (optionally) drops duplicates against a plain store. Pure; a trigger that
 * receives concurrent requests uses claimFreshEvents (dedupeGuard.ts) instead.
 */
export function selectEvents(
	elements: RawEvent[],
	settings: SelectionSettings,
	seen: SeenKeys | undefined,
	now: number,
): SelectedEvents {
	const kept = filterEvents(elements, settings.filter);
	if (!settings.deduplicate) return { events: kept };
	const result = dropDuplicates(kept, seen, now);
	return { events: result.fresh, seen: result.seen };
}
