import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPaced, stopSignal } from '../helpers/pacing';
import { failureOf } from '../transport';
import type { ChatAppResource } from './node.type';
import { resources } from './resources';
import type { ItemResult, OperationModule } from './operation';

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

function isResource(value: string): value is ChatAppResource {
	return hasOwn(resources, value);
}

function findOperation(context: IExecuteFunctions): OperationModule {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const operations: Record<string, OperationModule> | undefined = isResource(resource)
		? resources[resource]
		: undefined;
	if (!operations || !hasOwn(operations, operation)) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" of the resource "${resource}" is not supported`,
		);
	}
	return operations[operation];
}

async function runItems(
	context: IExecuteFunctions,
	operation: OperationModule,
	items: INodeExecutionData[],
): Promise<Array<ItemResult | undefined>> {
	if (operation.executeBatch) return await operation.executeBatch.call(context, items);
	const { execute } = operation;
	const runOne = async (i: number) => await execute.call(context, i);
	const pacing = operation.pacing
		? operation.pacing.call(context)
		: { concurrency: 1, perSecond: Infinity };
	const recipientOf = operation.recipient;
	const keyOf = recipientOf ? (i: number) => recipientOf.call(context, i) : undefined;
	const outcomes = await runPaced(
		items.length,
		pacing,
		runOne,
		{ stopOnError: !context.continueOnFail(), keyOf },
		stopSignal(context),
	);
	return outcomes.map((outcome) =>
		outcome === undefined
			? undefined
			: outcome.ok
				? { json: outcome.value }
				: { error: outcome.error },
	);
}

/**
 * The output item of a failed item under Continue On Fail: enough for a workflow to route on.
 * `sent: "unknown"` means CAMS may have accepted the send, so check the history, do not resend.
 */
export function failedItem(
	context: IExecuteFunctions,
	operation: OperationModule,
	error: Error,
	itemIndex: number,
): IDataObject {
	const { errorCode, requestId, sent } = failureOf(error);
	const description = (error as { description?: unknown }).description;
	const json: IDataObject = {
		error: error.message,
		description: typeof description === 'string' ? description : null,
		errorCode: errorCode ?? null,
		requestId: requestId ?? null,
		operation: context.getNodeParameter('operation', 0) as string,
		sent,
	};
	const recipient = operation.recipient?.call(context, itemIndex);
	if (recipient !== undefined) json.recipient = recipient;
	return json;
}

/** What happened to the other items when a failure stopped the run, for the error's description. */
function stoppedRunSummary(results: Array<ItemResult | undefined>, failedIndex: number): string {
	const sent: string[] = [];
	let failed = 0;
	let notStarted = 0;
	// An index loop, not forEach: items that never started are holes in the array, which forEach skips.
	for (let i = 0; i < results.length; i++) {
		const result = results[i];
		if (i === failedIndex) continue;
		if (result === undefined) notStarted++;
		else if ('error' in result) failed++;
		else {
			const json = (Array.isArray(result.json) ? result.json[0] : result.json) ?? {};
			const id = json.MessageId ?? json.GroupMessageId;
			sent.push(id === undefined ? `item ${i}` : `item ${i} (${String(id)})`);
		}
	}
	if (sent.length === 0 && failed === 0 && notStarted === 0) return '';
	const shown = sent.slice(0, 20).join(', ') + (sent.length > 20 ? ', …' : '');
	return (
		` The run stopped at this failure: ${sent.length} item(s) already under way were completed` +
		`${sent.length > 0 ? `: ${shown}` : ''}; ${failed} other item(s) failed; ${notStarted} item(s) were not started.` +
		' Do not resend the completed items.'
	);
}

/**
 * The item loop of the action node: dispatches to the operation, keeps output in input order,
 * sets `pairedItem` on every output item and handles "Continue On Fail" in one place.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = findOperation(this);
	const results = await runItems(this, operation, items);
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const result = results[i];
		if (result === undefined) continue; // not started: an earlier item failed and stopped the run
		if ('error' in result) {
			if (!this.continueOnFail())
				throw withItemIndex(this, result.error, i, stoppedRunSummary(results, i));
			output.push({
				json: failedItem(this, operation, result.error, i),
				pairedItem: { item: i },
			});
			continue;
		}
		const data = Array.isArray(result.json) ? result.json : [result.json];
		for (const json of data) output.push({ json, binary: result.binary, pairedItem: { item: i } });
	}
	return [output];
}

function withItemIndex(
	context: IExecuteFunctions,
	error: Error,
	itemIndex: number,
	summary: string,
): Error {
	const nodeError = error as Error & {
		context?: Record<string, unknown>;
		description?: string | null;
	};
	const result = nodeError.context
		? nodeError
		: new NodeOperationError(context.getNode(), error, { itemIndex });
	if (result.context && result.context.itemIndex === undefined)
		result.context.itemIndex = itemIndex;
	if (summary) result.description = `${result.description ?? ''}${summary}`.trim();
	return result;
}
