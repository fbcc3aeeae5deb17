/**
 * Shared set-up of the Template, Channel and Phone Number tests: the real node run in n8n-core's
 * ExecuteContext (real request helper, our credential's signing) against the local CAMS emulator,
 * and readers of what the emulator received.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { EMULATOR_KEYS, type CamsEmulator } from '../../../../emulator';
import { executeNode } from '../../../../helpers/n8nCore';

/** A resource-locator value as a saved workflow holds it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byMode = (mode: string, value: string) => ({ __rl: true, mode, value });

export function credentialsFor(endpoint: string): ICredentialDataDecryptedObject {
	return { accessKeyId: EMULATOR_KEYS.accessKeyId, accessKeySecret: EMULATOR_KEYS.accessKeySecret, region: 'custom', endpoint };
}

/** Runs the node with these parameters; returns the JSON of every output item. */
export async function run(
	emu: CamsEmulator,
	parameters: INodeParameters,
	options: { items?: Array<INodeExecutionData | IDataObject>; continueOnFail?: boolean } = {},
): Promise<IDataObject[]> {
	const { output } = await executeNode({
		nodeType: new AlibabaCloudChatApp(),
		parameters,
		credentials: credentialsFor(emu.url),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	return output[0].map((item) => item.json);
}

export type NodeFailure = Error & { description?: string; context?: { itemIndex?: number }; httpCode?: string };

/** Runs the node and returns the error it throws (fails the test when it does not throw). */
export async function runError(emu: CamsEmulator, parameters: INodeParameters): Promise<NodeFailure> {
	try {
		await run(emu, parameters);
	} catch (error) {
		return error as NodeFailure;
	}
	throw new Error('The node did not fail');
}

/** Every gateway call the emulator received: action, decoded parameters and outcome. */
export function received(emu: CamsEmulator): Array<{ action?: string; params: Record<string, string>; outcome: string }> {
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
