import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPaced, stopSignal, type Pacing } from '../../helpers/pacing';
import { showFor, updateDisplayOptions } from '../../helpers/utils';
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

/** Groups recipients whose shared parameters are identical, in order of first appearance. */
function groupIntoBatches(
	sends: Array<{ index: number; send: TemplateSend }>,
	batchSize: number,
): Batch[] {
	const groups = new Map<string, Batch[]>();
	const batches: Batch[] = [];
	for (const { index, send } of sends) {
		const shared = { ...send.shared };
		SINGLE_SEND_ONLY.forEach((name) => delete shared[name]);
		const key = JSON.stringify(shared);
		const open = groups.get(key) ?? [];
		let batch = open[open.length - 1];
		if (!batch || batch.items.length >= batchSize) {
			batch = { shared, items: [] };
			open.push(batch);
			groups.set(key, open);
			batches.push(batch);
		}
		batch.items.push({ index, recipient: send.recipient });
	}
	return batches;
}

/** Reads every item first, so an invalid item stops the run before anything is sent. */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<ItemResult[]> {
	const results: ItemResult[] = new Array(items.length);
	const valid: Array<{ index: number; send: TemplateSend }> = [];
	for (let index = 0; index < items.length; index++) {
		try {
			valid.push({ index, send: await readTemplateSend.call(this, index) });
		} catch (error) {
			// Item errors are already NodeOperationErrors; the constructor hands those back unchanged.
			if (!this.continueOnFail())
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: index });
			results[index] = { error: error as Error };
		}
	}
	const batchSize = this.getNodeParameter('options.batchSize', 0, MAX_RECIPIENTS) as number;
	const batches = groupIntoBatches(valid, batchSize);
	const sendBatch = async (batchIndex: number) => {
		const { shared, items: recipients } = batches[batchIndex];
		const taskId = (shared.TaskId as string | undefined) ?? `n8n-bulk-${randomUUID()}`;
		const response = await camsRequest.call(
			this,
			'SendChatappMassMessage',
			{ ...shared, TaskId: taskId, SenderList: recipients.map(({ recipient }) => recipient) },
			{ itemIndex: recipients[0].index, idempotent: false },
		);
		return { response, taskId };
	};
	const outcomes = await runPaced(
		batches.length,
		readPacing(this, DEFAULT_PACING),
		sendBatch,
		{ stopOnError: !this.continueOnFail() },
		stopSignal(this),
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
	return results;
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
