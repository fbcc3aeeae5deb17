import { phoneDigits } from '../helpers/phone';
import type { ChatAppEvent, EventKind } from './types';
import { INBOUND_TYPES, OTHER_INBOUND_TYPE } from './types';

export interface EventFilter {
	/** Event kinds to keep. */
	kinds: ReadonlySet<EventKind>;
	/** Lower-case statuses of message-status events to keep; undefined keeps every status. */
	statuses?: ReadonlySet<string>;
	/** Upper-case inbound types to keep (OTHER = undocumented types); undefined keeps every type. */
	inboundTypes?: ReadonlySet<string>;
	/** Channel IDs, WABA IDs and business numbers (see `normaliseId`); undefined accepts all. */
	allowedIds?: ReadonlySet<string>;
}

const KNOWN_INBOUND_TYPES = new Set<string>(INBOUND_TYPES);
const PHONE_LIKE = /^\+?[\d\s\-().]+$/;

/** Phone numbers compare as digits ("+65 9123-4567" = "6591234567"); other IDs as trimmed text. */
export function normaliseId(id: string): string {
	const trimmed = id.trim();
	return PHONE_LIKE.test(trimmed) ? phoneDigits(trimmed) : trimmed;
}

/** The filter options the webhook and the queue trigger share, as n8n hands them over. */
export interface FilterOptions {
	statuses?: string[];
	inboundTypes?: string[];
	allowedIds?: string;
}

/** The filter the trigger options describe: chosen kinds, statuses, inbound types and IDs. */
export function eventFilter(kinds: EventKind[], options: FilterOptions): EventFilter {
	return {
		kinds: new Set(kinds),
		statuses: options.statuses
			? new Set(options.statuses.map((status) => status.toLowerCase()))
			: undefined,
		inboundTypes: options.inboundTypes ? new Set(options.inboundTypes) : undefined,
		allowedIds: parseIdList(options.allowedIds),
	};
}

/** Parses the allow-list option: IDs separated by commas, semicolons, spaces or new lines. */
export function parseIdList(input: string | string[] | undefined): Set<string> | undefined {
	const parts = Array.isArray(input) ? input : String(input ?? '').split(/[,;\n]+/);
	const ids = new Set(parts.map((part) => normaliseId(String(part))).filter((id) => id !== ''));
	return ids.size > 0 ? ids : undefined;
}

function identifiers(event: ChatAppEvent): string[] {
	return [event.channelId, event.wabaId, event.businessNumber]
		.filter((id): id is string => id !== null)
		.map(normaliseId);
}

/**
 * Whether an event passes the node's filters. With an allow-list, an event must name at least one
 * listed channel ID, WABA ID or business number; an event that names none is dropped (status
 * reports carry only the business number, audits the WABA ID), so the list also works as a
 * security check on where a push claims to come from.
 */
export function keepEvent(event: ChatAppEvent, filter: EventFilter): boolean {
	if (!filter.kinds.has(event.event)) return false;
	if (filter.statuses && event.event === 'messageStatus') {
		if (!filter.statuses.has(String(event.status ?? '').toLowerCase())) return false;
	}
	if (filter.inboundTypes && event.event === 'inboundMessage') {
		const type = String(event.messageType ?? '');
		if (!filter.inboundTypes.has(KNOWN_INBOUND_TYPES.has(type) ? type : OTHER_INBOUND_TYPE))
			return false;
	}
	if (filter.allowedIds) {
		const allowed = filter.allowedIds;
		if (!identifiers(event).some((id) => allowed.has(id))) return false;
	}
	return true;
}
