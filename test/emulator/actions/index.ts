/** The table of emulated actions, one module per area. */
import { queueTokenActions } from '../mns/dybaseapi';
import { adminActions } from './admin';
import { CAMS_ACTIONS } from './catalog';
import type { ActionDef, ActionTable } from './context';
import { historyActions } from './history';
import { instanceActions } from './instances';
import { mediaActions } from './media';
import { messageActions } from './messages';
import { phoneNumberActions } from './phoneNumbers';
import { templateActions } from './templates';

export type { ActionContext, ActionDef, ActionResult } from './context';

export const ACTIONS: Readonly<ActionTable> = {
	...messageActions,
	...historyActions,
	...templateActions,
	...phoneNumberActions,
	...instanceActions,
	...mediaActions,
	...adminActions,
	...queueTokenActions,
};

export const EMULATED_ACTIONS = Object.keys(ACTIONS).sort();

export function findAction(name: string): ActionDef | undefined {
	return Object.prototype.hasOwnProperty.call(ACTIONS, name) ? ACTIONS[name] : undefined;
}

/** `emulated`, `known` (a real CAMS action the emulator does not implement) or `unknown`. */
export function classifyAction(name: string): 'emulated' | 'known' | 'unknown' {
	if (findAction(name)) return 'emulated';
	return CAMS_ACTIONS.has(name) ? 'known' : 'unknown';
}
