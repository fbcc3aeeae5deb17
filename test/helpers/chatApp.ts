/**
 * Runs the real "Alibaba Cloud Chat App" node in n8n-core's ExecuteContext (real request helper,
 * our credential's signing) against the local CAMS emulator, and reads back what the emulator
 * received. Shared by every operation test.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { EMULATOR_KEYS, type CamsEmulator } from '../emulator';
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

/** Runs the node and returns the JSON of every output item. */
export async function runChatAppJson(
	endpoint: string,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<IDataObject[]> {
	return (await runChatApp(endpoint, parameters, options)).map((item) => item.json);
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

/** Every gateway call the emulator received: action, decoded parameters and outcome. */
export function received(
	emu: CamsEmulator,
): Array<{ action?: string; params: Record<string, string>; outcome: string }> {
	return emu.calls().map(({ action, params, outcome }) => ({ action, params, outcome }));
}

/** The decoded parameters of the only call of `action` (fails when there is not exactly one). */
export function paramsOf(emu: CamsEmulator, action: string): Record<string, string> {
	const calls = emu.calls({ action });
	if (calls.length !== 1) throw new Error(`Expected one ${action} call, got ${calls.length}`);
	return calls[0].params;
}

/** A parameter the transport sent as JSON, parsed back. */
export function jsonParam(params: Record<string, string>, name: string): unknown {
	return JSON.parse(params[name]);
}
