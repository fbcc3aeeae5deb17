/**
 * Runs the real "Alibaba Cloud Chat App" node in n8n-core's ExecuteContext (real request helper,
 * our credential's signing) against the local CAMS emulator. Shared by every operation test.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { EMULATOR_KEYS } from '../emulator';
import { executeNode } from './n8nCore';

/** A resource-locator value as a saved workflow holds it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byMode = (mode: string, value: string) => ({ __rl: true, mode, value });

/** Our credential's data, pointed at an emulator (or any endpoint). */
export function credentialsFor(endpoint: string, overrides: IDataObject = {}): IDataObject {
	return {
		accessKeyId: EMULATOR_KEYS.accessKeyId,
		accessKeySecret: EMULATOR_KEYS.accessKeySecret,
		region: 'custom',
		endpoint,
		...overrides,
	};
}

export interface RunOptions {
	items?: Array<INodeExecutionData | IDataObject>;
	continueOnFail?: boolean;
	credentials?: IDataObject;
}

/** Runs the node with these parameters and returns its first output. */
export async function runChatApp(
	endpoint: string,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const { output } = await executeNode({
		nodeType: new AlibabaCloudChatApp(),
		parameters,
		credentials: options.credentials ?? credentialsFor(endpoint),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	return output[0];
}

export type NodeFailure = Error & {
	description?: string;
	context?: { itemIndex?: number };
	httpCode?: string;
	errorResponse?: IDataObject;
};

/** Runs the node and returns the error it throws; fails the test when it does not throw. */
export async function runChatAppError(
	endpoint: string,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<NodeFailure> {
	try {
		await runChatApp(endpoint, parameters, options);
	} catch (error) {
		return error as NodeFailure;
	}
	throw new Error('Expected the node to throw');
}
