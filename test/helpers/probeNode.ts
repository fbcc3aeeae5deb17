/**
 * A minimal node type that calls one CAMS action through our transport (`camsRequest`) for each
 * input item. It lets credential and transport tests run through the real n8n-core contexts
 * before (and independently of) the real nodes.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { camsRequest, CREDENTIAL_TYPE } from '../../nodes/AlibabaCloudChatApp/transport';
import { executeNode } from './n8nCore';

export class CamsProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CAMS Probe',
		name: 'camsProbe',
		group: ['transform'],
		version: 1,
		description: 'Test-only node: calls one CAMS action',
		defaults: { name: 'CAMS Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{ displayName: 'Action', name: 'action', type: 'string', default: 'ListChatappTemplate' },
			{ displayName: 'Parameters', name: 'params', type: 'json', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const action = this.getNodeParameter('action', i) as string;
			const raw = this.getNodeParameter('params', i) as string | IDataObject;
			const params = typeof raw === 'string' ? (JSON.parse(raw) as IDataObject) : raw;
			const json = await camsRequest.call(this, action, params, { itemIndex: i });
			out.push({ json, pairedItem: { item: i } });
		}
		return [out];
	}
}

/** Calls one CAMS action through the probe node in a real ExecuteContext; returns the harness and output. */
export async function runProbe(credentials: IDataObject, action: string, params: IDataObject) {
	return await executeNode({
		nodeType: new CamsProbe(),
		parameters: { action, params: JSON.stringify(params) },
		credentials,
	});
}
