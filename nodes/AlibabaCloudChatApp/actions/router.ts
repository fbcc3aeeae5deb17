import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPaced } from '../helpers/pacing';
import { resources } from './resources';
import type { ItemResult, OperationModule } from './operation';

function findOperation(context: IExecuteFunctions): OperationModule {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const found = (resources as Record<string, Record<string, OperationModule>>)[resource]?.[
		operation
	];
	if (!found) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" of the resource "${resource}" is not supported`,
		);
	}
	return found;
}

async function runItems(
	context: IExecuteFunctions,
	operation: OperationModule,
	items: INodeExecutionData[],
): Promise<Array<ItemResult | undefined>> {
	if (operation.executeBatch) return await operation.executeBatch.call(context, items);
	const execute = operation.execute!;
	const runOne = async (i: number) => await execute.call(context, i);
	const pacing = operation.pacing
		? operation.pacing.call(context)
		: { concurrency: 1, perSecond: Infinity };
	const outcomes = await runPaced(items.length, pacing, runOne, !context.continueOnFail());
	return outcomes.map((outcome) =>
		outcome === undefined
			? undefined
			: outcome.ok
				? { json: outcome.value }
				: { error: outcome.error },
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
			if (!this.continueOnFail()) throw withItemIndex(this, result.error, i);
			output.push({ json: { error: result.error.message }, pairedItem: { item: i } });
			continue;
		}
		const data = Array.isArray(result.json) ? result.json : [result.json];
		for (const json of data) output.push({ json, binary: result.binary, pairedItem: { item: i } });
	}
	return [output];
}

function withItemIndex(context: IExecuteFunctions, error: Error, itemIndex: number): Error {
	const nodeError = error as Error & { context?: Record<string, unknown> };
	if (nodeError.context && nodeError.context.itemIndex === undefined) {
		nodeError.context.itemIndex = itemIndex;
		return nodeError;
	}
	if (nodeError.context) return nodeError;
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}
