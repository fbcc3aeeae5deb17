/** What an action handler gets, and helpers shared by the action modules. */
import { camsError } from '../errors';
import type { PushDispatcher } from '../pushes';
import type { Channel, EmulatorState } from '../state';
import type { Params, RuntimeConfig } from '../types';

export interface ActionContext {
	action: string;
	params: Params;
	state: EmulatorState;
	config: RuntimeConfig;
	pushes: PushDispatcher;
	/** Emulator clock, ms. */
	now: () => number;
	/** `http://127.0.0.1:PORT`. */
	baseUrl: string;
}

/** The action payload, merged into `{RequestId, Code:"OK", Message:"SUCCESS", AccessDeniedDetail:"None"}`. */
export type ActionResult = Record<string, unknown>;

export interface ActionDef {
	/** Required parameters per the API metadata: the gateway answers Missing{Name} without them. */
	required?: string[];
	run: (ctx: ActionContext) => ActionResult;
}

export type ActionTable = Record<string, ActionDef>;

/** Unknown CustSpaceId: CAMS answers that the resource does not belong to the caller. */
export function requireChannel(ctx: ActionContext, custSpaceId: string | undefined): Channel {
	const channel = custSpaceId ? ctx.state.channels.get(custSpaceId) : undefined;
	if (!channel) {
		throw camsError(
			'Unknown.ResourceOwnerId',
			`The channel (CustSpaceId) "${custSpaceId ?? ''}" does not belong to this account.`,
			400,
		);
	}
	return channel;
}

/** Parses a J-parameter (sent as one JSON string); `fail` builds the error for bad JSON. */
export function parseJson<T>(value: string, fail: (detail: string) => Error): T {
	try {
		return JSON.parse(value) as T;
	} catch (error) {
		throw fail((error as Error).message);
	}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `Page={"Index":1,"Size":10}`; Index >= 1, 1 <= Size <= 100. */
export function parsePage(
	value: string | undefined,
	defaultSize = 10,
	cap = 100,
): { index: number; size: number } {
	if (value === undefined || value === '') return { index: 1, size: defaultSize };
	const invalid = (detail: string) =>
		camsError('InvalidParameter.PageInvalid', `Page is invalid: ${detail}`);
	const page = parseJson<unknown>(value, invalid);
	if (!isPlainObject(page)) throw invalid('it must be a JSON object like {"Index":1,"Size":10}');
	const index = page.Index === undefined ? 1 : Number(page.Index);
	const size = page.Size === undefined ? defaultSize : Number(page.Size);
	if (!Number.isInteger(index) || index < 1) throw invalid('Index must be an integer >= 1');
	if (!Number.isInteger(size) || size < 1 || size > 100)
		throw invalid('Size must be an integer between 1 and 100');
	return { index, size: Math.min(size, cap) };
}

export function paginate<T>(items: T[], index: number, size: number): T[] {
	return items.slice((index - 1) * size, index * size);
}

export function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}
