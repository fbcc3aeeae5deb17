/** QueueFlag Y: which Communications queue a number's events go to (besides or instead of HTTP). */
import { ACCOUNT_ID } from '../actions/phoneNumbers';
import type { Webhooks } from '../state';
import type { PushKind } from '../types';

/** The queue CAMS creates for a message type: `Alicom-Queue-<account id>-<MessageType>`. */
export function camsQueueName(kind: PushKind): string {
	return `Alicom-Queue-${ACCOUNT_ID}-${kind}`;
}

export function queueFor(webhooks: Webhooks, kind: PushKind): string | undefined {
	return webhooks.queueFlag === 'Y' ? camsQueueName(kind) : undefined;
}
