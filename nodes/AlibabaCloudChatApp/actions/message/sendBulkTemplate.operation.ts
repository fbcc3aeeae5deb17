import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { runPaced, stopSignal, type Pacing } from '../../helpers/pacing';
import { cachedParameters } from '../shared/parameterCache';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest, type CamsParams } from '../../transport';
import type { ItemResult } from '../operation';
import { pacingOptions, readPacing } from './sending.fields';

export { recipientOf as recipient } from './sending.fields';
import { templateSendFields, templateSendOptions } from './template.fields';
import { readTemplateSend, type TemplateSend } from './templateSend';

/** SendChatappMassMessage: at most 1,000 recipients per call and 10 calls/s per account. */
const MAX_RECIPIENTS = 1000;
const MASS_MESSAGE_QUOTA = 10;
const DEFAULT_PACING: Pacing = { concurrency: 4, perSecond: 9 };
/** Parameters SendChatappMassMessage does not take. */
const SINGLE_SEND_ONLY = ['TrackingData'];

const properties: INodeProperties[] = [
	{
		displayName:
			'Each input item is one recipient with its own variables. Items that share the sender, template and options are sent together, up to 1,000 per request.',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	...templateSendFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...templateSendOptions.filter((option) => option.name !== 'trackingData'),
			{
				displayName: 'Recipients per Request',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_RECIPIENTS },
				default: MAX_RECIPIENTS,
			},
			...pacingOptions(DEFAULT_PACING, MASS_MESSAGE_QUOTA),
		],
	},
];

export const description = updateDisplayOptions(
	showFor('message', ['sendBulkTemplate']),
	properties,
);

interface Batch {
	shared: CamsParams;
	items: Array<{ index: number; recipient: TemplateSend['recipient'] }>;
}

/** With Continue On Fail, full batches go out while later items are still read, checked this often. */
const ITEMS_PER_WAVE = 500;

/**
 * Groups recipients whose shared parameters are identical, in order of first appearance, up to
 * `batchSize` per batch. `take` hands over the batches that are full (or all, at the end).
 */
class Batcher {
	private readonly open = new Map<string, Batch>();
	private full: Batch[] = [];

	constructor(private readonly batchSize: number) {}

	add(index: number, send: TemplateSend): void {
		const shared = { ...send.shared };
		SINGLE_SEND_ONLY.forEach((name) => delete shared[name]);
		const key = JSON.stringify(shared);
		let batch = this.open.get(key);
		if (!batch) this.open.set(key, (batch = { shared, items: [] }));
		batch.items.push({ index, recipient: send.recipient });
		if (batch.items.length >= this.batchSize) {
			this.full.push(batch);
			this.open.delete(key);
		}
	}

	take(all: boolean): Batch[] {
		const ready = this.full;
		this.full = [];
		if (all) {
			ready.push(...this.open.values());
			this.open.clear();
		}
		return ready;
	}
}

/**
 * Reads every item, groups them into batches and sends those. Without Continue On Fail every item
 * is read first, so an invalid item stops the run before anything is sent. With it, an invalid
 * item is only reported, so full batches go out while later items are still being read: reading
 * 100,000 items takes about as long as sending them at CAMS's 10 calls/s, and the two overlap.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<ItemResult[]> {
	const results: ItemResult[] = new Array(items.length);
	const read = cachedParameters(this);
	const continueOnFail = this.continueOnFail();
	const batcher = new Batcher(
		read.getNodeParameter('options.batchSize', 0, MAX_RECIPIENTS) as number,
	);
	const pacing = readPacing(read, DEFAULT_PACING);
	const signal = stopSignal(this);
	const schedule = { nextSlot: 0 };
	const sending: Array<Promise<void>> = [];
	const send = (batches: Batch[]) => {
		if (batches.length > 0)
			sending.push(sendBatches(this, batches, { pacing, signal, schedule }, results));
	};
	for (let index = 0; index < items.length; index++) {
		try {
			batcher.add(index, await readTemplateSend.call(read, index));
		} catch (error) {
			// Item errors are already NodeOperationErrors; the constructor hands those back unchanged.
			if (!continueOnFail)
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: index });
			results[index] = { error: error as Error };
		}
		if (continueOnFail && (index + 1) % ITEMS_PER_WAVE === 0) {
			send(batcher.take(false));
			// Reading never waits on I/O, so give the sends under way their turn on the event loop.
			await sleep(0);
		}
	}
	send(batcher.take(true));
	await Promise.all(sending);
	return results;
}

async function sendBatches(
	context: IExecuteFunctions,
	batches: Batch[],
	run: { pacing: Pacing; signal: { stopped: boolean }; schedule: { nextSlot: number } },
	results: ItemResult[],
): Promise<void> {
	const sendBatch = async (batchIndex: number) => {
		const { shared, items: recipients } = batches[batchIndex];
		const taskId = (shared.TaskId as string | undefined) ?? `n8n-bulk-${randomUUID()}`;
		const response = await camsRequest.call(
			context,
			'SendChatappMassMessage',
			{ ...shared, TaskId: taskId, SenderList: recipients.map(({ recipient }) => recipient) },
			{ itemIndex: recipients[0].index, idempotent: false },
		);
		return { response, taskId };
	};
	const outcomes = await runPaced(
		batches.length,
		run.pacing,
		sendBatch,
		{ stopOnError: !context.continueOnFail(), schedule: run.schedule },
		run.signal,
	);
	batches.forEach((batch, batchIndex) => {
		const outcome = outcomes[batchIndex];
		for (const { index, recipient } of batch.items) {
			if (outcome === undefined) continue;
			results[index] = outcome.ok
				? { json: resultFor(batch.shared, recipient, outcome.value.response, outcome.value.taskId) }
				: { error: outcome.error };
		}
	});
}

function resultFor(
	shared: CamsParams,
	recipient: TemplateSend['recipient'],
	response: IDataObject,
	taskId: string,
): IDataObject {
	return {
		GroupMessageId: response.GroupMessageId,
		TaskId: taskId,
		RequestId: response.RequestId,
		To: recipient.To,
		From: shared.From as string,
		ChannelType: shared.ChannelType as string,
		TemplateCode: shared.TemplateCode as string,
		Language: shared.Language as string,
	};
}
