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
 * Classifies, normalises, filters and (optionally) deduplicates the elements of one push, in
 * push order. Kinds that are not wanted are dropped before normalising, the costly step.
 */
export function selectEvents(
	elements: RawEvent[],
	settings: SelectionSettings,
	seen: SeenKeys | undefined,
	now: number,
): SelectedEvents {
	const kept: ChatAppEvent[] = [];
	for (const element of elements) {
		const classification = classifyEvent(element);
		if (!settings.filter.kinds.has(classification.kind)) continue;
		const event = normaliseEvent(element, classification);
		if (keepEvent(event, settings.filter)) kept.push(event);
	}
	if (!settings.deduplicate) return { events: kept };
	const result = dropDuplicates(kept, seen, now);
	return { events: result.fresh, seen: result.seen };
}
