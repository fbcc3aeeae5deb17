import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Pacing } from '../helpers/pacing';

/** What one item produced: its output (one or more objects) or its error. */
export type ItemResult =
	{ json: IDataObject | IDataObject[]; binary?: INodeExecutionData['binary'] } | { error: Error };

/**
 * The contract of an `<operation>.operation.ts` file. Most operations handle one item in
 * `execute`; an operation that must see every item at once (packing recipients into batches)
 * implements `executeBatch` instead. Send operations export `pacing` so the router runs their
 * items concurrently under CAMS's quota, and `recipient` to keep each recipient's order.
 */
export interface OperationModule {
	description: INodeProperties[];
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;
	executeBatch?: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<ItemResult[]>;
	pacing?: (this: IExecuteFunctions) => Pacing;
	/**
	 * The recipient of an item, for send operations: items to one recipient run one after another in
	 * input order, and a failed item names it.
	 */
	recipient?: (this: IExecuteFunctions, itemIndex: number) => string | undefined;
}
