import type { IDataObject, INodeExecutionData, IRun, ITriggerFunctions } from 'n8n-workflow';
import { createDeferredPromise, NodeOperationError, sleep } from 'n8n-workflow';

import type { SeenKeys } from '../notifications/dedupe';
import type { MediaPolicy } from '../transport';
import { withMediaDownloaded } from '../triggers/items';
import type { ConsumerHost } from './consumer';
import type { PendingKeys, SeenStore } from './dedupe';
import type { QueueFailure } from './failure';

/** Same static-data key as the HTTP trigger, so both keep their seen events the same way. */
const SEEN_KEYS = 'seenEvents';
/** Keys of runs that have not reported back yet, per activation (queue/dedupe.ts). */
const PENDING_KEYS = 'pendingEvents';

/**
 * A run counts as done for the queue when it succeeded, or is waiting (a Wait node took the items
 * over and n8n has stored them). Anything else (error, crash, cancel) gives the messages back.
 */
export function runSucceeded(run: IRun | undefined): boolean {
	if (!run) return false;
	if (run.status) return run.status === 'success' || run.status === 'waiting';
	return !run.data?.resultData?.error;
}

/**
 * Emits one execution and waits for its end through n8n's donePromise: in production n8n resolves
 * it with the finished run (ActiveWorkflowManager, getPostExecutePromise), and in a manual test
 * run when the execution's workflowExecuteAfter hook fires. `this.emit` is looked up at call time
 * because n8n replaces it on the context after trigger() returns in manual mode.
 */
async function emitAndWait(
	context: ITriggerFunctions,
	items: INodeExecutionData[],
): Promise<boolean> {
	const done = createDeferredPromise<IRun>();
	context.emit([items], undefined, done);
	return runSucceeded(await done.promise);
}

export function seenStore(context: ITriggerFunctions): SeenStore {
	const data = () => context.getWorkflowStaticData('node');
	return {
		read: () => data()[SEEN_KEYS] as SeenKeys | undefined,
		save: (seen) => {
			data()[SEEN_KEYS] = seen as IDataObject;
		},
		readPending: () => data()[PENDING_KEYS] as PendingKeys | undefined,
		savePending: (pending) => {
			data()[PENDING_KEYS] = pending;
		},
	};
}

export function failureError(
	context: ITriggerFunctions,
	failure: QueueFailure,
): NodeOperationError {
	// n8n shows only the message of a trigger error (as the workflow's activation error): the fix goes in it too.
	return new NodeOperationError(context.getNode(), `${failure.message}. ${failure.fix}`, {
		description: failure.fix,
	});
}

export function consumerHost(
	context: ITriggerFunctions,
	onFailure: () => void,
	media?: MediaPolicy,
): ConsumerHost {
	return {
		// Files are fetched before the run, as the webhook trigger does, while the messages stay hidden.
		emit: async (items) =>
			await emitAndWait(context, media ? await withMediaDownloaded(context, items, media) : items),
		fail: (failure) => {
			onFailure();
			context.emitError(failureError(context, failure));
		},
		sleep: async (ms) => await sleep(ms),
		now: () => Date.now(),
	};
}
