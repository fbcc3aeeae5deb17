/**
 * Runs the real "Alibaba Cloud Chat App Queue Trigger" in n8n-core's TriggerContext (real request
 * helpers, our credential) against the emulator, with a stand-in for what n8n does on `emit`: it
 * records the items and resolves the donePromise with a run whose status the test chooses, as
 * n8n's ActiveWorkflowManager does with the finished execution.
 */
import { TriggerContext } from 'n8n-core';
import type {
	IDataObject,
	IDeferredPromise,
	INodeExecutionData,
	INodeParameters,
	IRun,
	ITriggerResponse,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { AlibabaCloudChatAppQueueTrigger } from '../../nodes/AlibabaCloudChatApp/AlibabaCloudChatAppQueueTrigger.node';
import { camsQueueName, SEED_NUMBERS, type CamsEmulator } from '../emulator';
import { credentialsFor } from './chatApp';
import { buildHarness } from './n8nCore';

export type RunOutcome = 'success' | 'error';

export interface QueueTriggerRun {
	/** One entry per execution: its items. */
	executions: INodeExecutionData[][];
	errors: Error[];
	response: ITriggerResponse;
	/** Every emitted item's json, flattened. */
	items(): IDataObject[];
	close(): Promise<void>;
}

export interface QueueTriggerOptions {
	emu: CamsEmulator;
	parameters?: INodeParameters;
	credentials?: IDataObject;
	/** Decides each execution's outcome (default success); `index` counts executions from 0. */
	outcome?: (items: INodeExecutionData[], index: number) => RunOutcome | Promise<RunOutcome>;
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
}

/** A ChatAppStatus event of the seed number, `MessageId` `<prefix>-<i>`. */
export function statusEvent(i: number, prefix = 'mid') {
	return {
		MessageId: `${prefix}-${i}`,
		From: SEED_NUMBERS.connected,
		To: `659${String(i).padStart(8, '0')}`,
		Timestamp: 1764644645000 + i,
		Status: 'Delivered',
		MsgFrameType: 'message',
	};
}

export const inboundQueue = () => camsQueueName('ChatAppInbound');
export const statusQueue = () => camsQueueName('ChatAppStatus');

/** Parameters for the CAMS-managed queue on the emulator (both endpoints are the emulator). */
export function managedQueueParameters(
	emu: CamsEmulator,
	queueName: string,
	extra: IDataObject = {},
): INodeParameters {
	return {
		queueSource: 'cams',
		queueName: { __rl: true, mode: 'name', value: queueName },
		endpoints: 'custom',
		customQueueEndpoint: emu.url,
		dybaseapiEndpoint: emu.url,
		options: { waitSeconds: 2, retryDelaySeconds: 1 },
		...extra,
	} as INodeParameters;
}

export async function startQueueTrigger(options: QueueTriggerOptions): Promise<QueueTriggerRun> {
	const harness = buildHarness({
		nodeType: new AlibabaCloudChatAppQueueTrigger(),
		parameters: options.parameters,
		credentials: options.credentials ?? credentialsFor(options.emu.url),
	});
	Object.assign(harness.workflow.staticData, options.staticData ?? {});
	const executions: INodeExecutionData[][] = [];
	const errors: Error[] = [];
	const emit = (
		data: INodeExecutionData[][],
		_response?: unknown,
		done?: IDeferredPromise<IRun>,
	) => {
		const index = executions.length;
		executions.push(data[0]);
		void (async () => {
			const status = await (options.outcome?.(data[0], index) ?? 'success');
			done?.resolve({
				status,
				mode: 'trigger',
				startedAt: new Date(),
				storedAt: 'db',
				data: {
					resultData: {
						runData: {},
						error: status === 'error' ? { message: 'failed' } : undefined,
					},
				},
			} as unknown as IRun);
		})();
	};
	const context = new TriggerContext(
		harness.workflow,
		harness.node,
		harness.additionalData,
		options.mode ?? 'trigger',
		'activate',
		emit,
		(error: Error) => errors.push(error),
	);
	const response = await new AlibabaCloudChatAppQueueTrigger().trigger.call(context);
	return {
		executions,
		errors,
		response,
		items: () => executions.flat().map((item) => item.json),
		close: async () => await response.closeFunction?.(),
	};
}

/** Polls `check` every 20 ms until it is true; fails after `timeoutMs`. */
export async function until(
	check: () => boolean,
	timeoutMs = 20_000,
	what = 'condition',
	debug?: () => string,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline)
			throw new Error(`Timed out waiting for ${what}${debug ? `: ${debug()}` : ''}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
