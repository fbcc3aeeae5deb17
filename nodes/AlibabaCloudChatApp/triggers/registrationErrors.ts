import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	CALLBACK_FIELD,
	type CallbackKind,
	type ForeignCallback,
	type RegistrationTarget,
} from './registration';

const CHANNEL_UNKNOWN =
	'unknown: CAMS has no API that reads it back, and this trigger did not set it';

/** Why activation stops: callbacks that may serve another system, and where they point. */
export function foreignCallbackError(
	node: INode,
	target: RegistrationTarget,
	foreign: ForeignCallback[],
): NodeOperationError {
	// The URL goes into the message itself: activation errors are often shown without the description.
	const urls = [...new Set(foreign.map(({ url }) => url).filter((url) => url !== ''))];
	const message =
		urls.length > 0
			? `Business number ${target.phoneNumber} already pushes to ${urls.join(' and ')}`
			: `The status callback of channel ${target.channelId} may belong to another system`;
	const where = foreign
		.map(({ kind, url }) => `${CALLBACK_FIELD[kind]}: ${url || CHANNEL_UNKNOWN}`)
		.join('; ');
	const channel = foreign.some(({ kind }) => kind === 'account')
		? ' The channel URL cannot be read, so on deactivation HTTP push of the channel is switched off rather than restored.'
		: '';
	return new NodeOperationError(node, message, {
		description: `${where}. Turn on "Take Over Existing Callback" to replace it (a number's URL is put back when this workflow is deactivated), or set the callback in the CAMS console and turn off "Configure Callback in CAMS".${channel}`,
	});
}

/** One restore that failed in delete(): which callbacks still point at this workflow, and why. */
export interface RestoreFailure {
	kinds: CallbackKind[];
	reason: string;
}

/** Why deactivation could not put everything back, and what is still configured. */
export function restoreFailedError(
	node: INode,
	url: string,
	target: { channelId: string; phoneNumber: string },
	failures: RestoreFailure[],
): NodeOperationError {
	const left = failures.flatMap(({ kinds }) => kinds.map((kind) => CALLBACK_FIELD[kind]));
	const reasons = failures.map(({ reason }) => reason).join('; ');
	return new NodeOperationError(
		node,
		`Could not put back every CAMS callback of number ${target.phoneNumber} (channel ${target.channelId})`,
		{
			description: `Still pointing at ${url}: ${left.join('; ')}. Cause: ${reasons}. The other callbacks were restored. Activate and deactivate the workflow again once CAMS answers, or change these callbacks in the CAMS console (Channel Management).`,
		},
	);
}
