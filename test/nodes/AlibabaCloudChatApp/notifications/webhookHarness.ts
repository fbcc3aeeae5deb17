/**
 * Drives the trigger the way n8n 2.8.4 does: its webhook() runs in n8n-core's real WebhookContext
 * (test/helpers/n8nCore.ts), the lifecycle methods in a real HookContext, and the HTTP answer is
 * derived from the return value exactly as n8n's `executeWebhook` (webhook-helpers.js) and
 * `WebhookRequestHandler` do. Static data is carried from call to call like n8n's database would.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeParameters,
	IWebhookDescription,
	IWebhookResponseData,
} from 'n8n-workflow';

import { AlibabaCloudChatAppTrigger } from '../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatAppTrigger.node';
import { createHookContext, createWebhookContext, type Harness } from '../../../helpers/n8nCore';

export const WEBHOOK_ID = '5b0e8a52-1c4f-4f7e-9d7a-3a1f0c2b9e11';
/** The node ID the harness gives every node; the default path secret. */
export const NODE_ID = 'node-under-test-id';
export const PRODUCTION_URL = `http://localhost:5678/webhook/${WEBHOOK_ID}/${NODE_ID}`;
export const TEST_URL = `http://localhost:5678/webhook-test/${WEBHOOK_ID}/${NODE_ID}`;

export const triggerNode = new AlibabaCloudChatAppTrigger();

/** The express response methods n8n and our node use, recording what was sent. */
export class FakeResponse {
	statusCode = 200;
	body: unknown;
	headersSent = false;
	readonly headers: Record<string, string> = {};

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	json(body: unknown): this {
		return this.send(body);
	}

	send(body: unknown): this {
		if (this.headersSent) throw new Error('The response was sent twice');
		this.body = body;
		this.headersSent = true;
		return this;
	}

	setHeader(name: string, value: string): void {
		this.headers[name.toLowerCase()] = value;
	}

	getHeader(name: string): string | undefined {
		return this.headers[name.toLowerCase()];
	}
}

export interface HttpAnswer {
	status: number;
	body: unknown;
	/** Whether n8n would start an execution (the node returned `workflowData`). */
	executionStarted: boolean;
}

/**
 * What n8n 2.8.4 answers for a webhook() result: the node's own `res` writes when it returned
 * `noWebhookResponse`; without `workflowData`, `webhookResponse` (or "Webhook call received") with
 * the description's responseCode; with `workflowData` in onReceived mode, `responseData` evaluated
 * with the default 'firstEntryJson', then `extractWebhookOnReceivedResponse`.
 */
export function n8nAnswer(
	result: IWebhookResponseData,
	res: FakeResponse,
	description: IWebhookDescription,
): HttpAnswer {
	const responseCode = Number(description.responseCode ?? 200);
	const executionStarted = result.workflowData !== undefined;
	if (result.noWebhookResponse === true) {
		if (!res.headersSent)
			throw new Error('noWebhookResponse without an answer: the request would hang');
		return { status: res.statusCode, body: res.body, executionStarted };
	}
	if (!executionStarted) {
		return {
			status: responseCode,
			body: result.webhookResponse ?? { message: 'Webhook call received' },
			executionStarted,
		};
	}
	const responseData =
		description.responseData === undefined ? 'firstEntryJson' : description.responseData;
	let body: unknown;
	if (responseData === 'noData') body = undefined;
	else if (responseData) body = responseData;
	else body = result.webhookResponse ?? { message: 'Workflow was started' };
	return { status: responseCode, body, executionStarted };
}

export interface PostOptions {
	parameters?: INodeParameters;
	/** Which of the node's webhooks n8n matched: 0 = `default`, 1 = wrong-secret catcher, 2 = bare path. */
	webhookIndex?: 0 | 1 | 2;
	/** The request path; by default the production URL's path. */
	path?: string;
	/** Route parameters n8n extracted (dynamic paths). */
	params?: Record<string, string>;
	/** The raw body as n8n keeps it (`req.rawBody`); null sends none. */
	rawBody?: Buffer | null;
	/** What `getBodyData()` returns (n8n's parsed body). */
	body?: unknown;
	/** Static data of the workflow before the call; updated in place afterwards. */
	staticData?: IDataObject;
	mode?: 'webhook' | 'manual';
	/** The response object to write to, to watch it while webhook() runs. */
	response?: FakeResponse;
}

export interface PostResult extends HttpAnswer {
	items: INodeExecutionData[];
	result: IWebhookResponseData;
	response: FakeResponse;
	harness: Harness;
}

/** POSTs one push to the trigger's webhook() and returns the HTTP answer n8n would send. */
export async function post(options: PostOptions): Promise<PostResult> {
	const description = triggerNode.description.webhooks![options.webhookIndex ?? 0];
	const response = options.response ?? new FakeResponse();
	const request = {
		method: 'POST',
		path: options.path ?? `/webhook/${WEBHOOK_ID}/${NODE_ID}`,
		headers: { 'content-type': 'application/json; charset=utf-8' },
		params: options.params ?? {},
		query: {},
		body: options.body ?? {},
		...(options.rawBody === null ? {} : { rawBody: options.rawBody ?? Buffer.from('[]') }),
	};
	const context = createWebhookContext({
		nodeType: triggerNode,
		parameters: options.parameters ?? {},
		request,
		response,
		mode: options.mode ?? 'webhook',
		webhookData: { webhookDescription: description },
	});
	context.harness.node.webhookId = WEBHOOK_ID;
	if (options.staticData) context.harness.workflow.overrideStaticData(options.staticData);
	const result = await triggerNode.webhook.call(context);
	if (options.staticData) persist(context.harness.workflow.staticData, options.staticData);
	const answer = n8nAnswer(result, response, description);
	return {
		...answer,
		items: result.workflowData?.[0] ?? [],
		result,
		response,
		harness: context.harness,
	};
}

/** What n8n would store: the static data without the change marker n8n strips before saving. */
function persist(source: IDataObject, target: IDataObject): void {
	const saved = JSON.parse(JSON.stringify(source)) as IDataObject;
	delete saved.__dataChanged;
	for (const key of Object.keys(target)) delete target[key];
	Object.assign(target, saved);
}

export interface HookOptions {
	parameters: INodeParameters;
	/** Base of the production webhook URLs (n8n's WEBHOOK_URL + /webhook). */
	webhookBaseUrl?: string;
	credentials?: ICredentialDataDecryptedObject | IDataObject;
	/** Static data of the workflow; updated in place after the call, as n8n saves it. */
	staticData: IDataObject;
	isTest?: boolean;
}

type Lifecycle = 'checkExists' | 'create' | 'delete';

/** Runs one webhookMethods.default lifecycle method in a real HookContext. */
export async function runLifecycle(method: Lifecycle, options: HookOptions): Promise<boolean> {
	const context = createHookContext({
		nodeType: triggerNode,
		parameters: options.parameters,
		credentials: options.credentials,
		// n8n activates test webhooks in mode "manual" and deletes them in mode "internal".
		mode: options.isTest && method !== 'delete' ? 'manual' : 'trigger',
		webhookData: {
			webhookDescription: triggerNode.description.webhooks![0],
			isTest: options.isTest,
		} as never,
	}) as IHookFunctions & { harness: Harness };
	context.harness.node.webhookId = WEBHOOK_ID;
	context.harness.workflow.overrideStaticData(options.staticData);
	if (options.webhookBaseUrl) {
		context.harness.additionalData.webhookBaseUrl = `${options.webhookBaseUrl}/webhook`;
		context.harness.additionalData.webhookTestBaseUrl = `${options.webhookBaseUrl}/webhook-test`;
	}
	const result = await triggerNode.webhookMethods.default[method].call(context);
	persist(context.harness.workflow.staticData, options.staticData);
	return result;
}
