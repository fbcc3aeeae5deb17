import { randomUUID } from 'node:crypto';

import type { ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { queueTransport } from '../transport';
import { QueueConsumer } from './consumer';
import { DedupeGuard } from './dedupe';
import { consumerHost, seenStore } from './host';
import { QueueSession } from './session';
import { readQueueConfig } from './settings';

/**
 * Consecutive persistent failures per workflow node. After a trigger error n8n re-activates the
 * workflow after 1 s every time, so the trigger itself waits longer before each new attempt.
 */
const failures = new Map<string, number>();
const MAX_START_DELAY_MS = 5 * 60_000;
const SLICE_MS = 250;

function startDelay(previousFailures: number): number {
	return previousFailures > 0 ? Math.min(MAX_START_DELAY_MS, 1000 * 2 ** previousFailures) : 0;
}

/** Builds the consumer, starts it (after the back-off of earlier failures) and returns the close function. */
export async function startQueueTrigger(context: ITriggerFunctions): Promise<ITriggerResponse> {
	const config = readQueueConfig(context);
	const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	const { queueName } = config.target;
	const session = new QueueSession(queueTransport(context, config.target), queueName, Date.now);
	const activation = randomUUID();
	const dedupe = new DedupeGuard(
		seenStore(context),
		config.consumer.selection.deduplicate,
		activation,
	);
	const host = consumerHost(
		context,
		() => failures.set(key, (failures.get(key) ?? 0) + 1),
		config.media,
	);
	const consumer = new QueueConsumer(session, config.consumer, dedupe, host, () =>
		failures.delete(key),
	);
	const delay = startDelay(failures.get(key) ?? 0);
	const started = (async () => {
		for (let waited = 0; waited < delay && !consumer.isStopped; waited += SLICE_MS) {
			await sleep(SLICE_MS);
		}
		if (!consumer.isStopped) consumer.start();
	})();
	return {
		closeFunction: async () => {
			await consumer.stop();
			await started;
		},
	};
}
