import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Pacing } from '../helpers/pacing';
import type { ChatAppResource, OperationOf } from './node.type';

/** What one item produced: its output (one or more objects) or its error. */
export type ItemResult =
	{ json: IDataObject | IDataObject[]; binary?: INodeExecutionData['binary'] } | { error: Error };

interface OperationBase {
	description: INodeProperties[];
	pacing?: (this: IExecuteFunctions) => Pacing;
	/**
	 * The recipient of an item, for send operations: items to one recipient run one after another in
	 * input order, and a failed item names it.
	 */
	recipient?: (this: IExecuteFunctions, itemIndex: number) => string | undefined;
}

/** An operation that handles one item at a time. */
export interface ItemOperation extends OperationBase {
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;
	executeBatch?: undefined;
}

/** An operation that must see every item at once (packing recipients into batches). */
export interface BatchOperation extends OperationBase {
	execute?: undefined;
	executeBatch: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<ItemResult[]>;
}

/**
 * The contract of an `<operation>.operation.ts` file: a `description` and exactly one of
 * `execute` or `executeBatch`. Send operations export `pacing` so the router runs their items
 * concurrently under CAMS's quota, and `recipient` to keep each recipient's order.
 */
export type OperationModule = ItemOperation | BatchOperation;

/** The `displayOptions` of some operations of one resource; unknown operations do not compile. */
export function showFor<R extends ChatAppResource>(
	resource: R,
	operations: Array<OperationOf<R>>,
): IDisplayOptions {
	return { show: { resource: [resource], operation: operations } };
}
