/**
 * Drives the trigger the way n8n 2.8.4 does: its webhook() runs in n8n-core's real WebhookContext
 * (test/helpers/n8nCore.ts), the lifecycle methods in a real HookContext, and the HTTP answer is
 * derived from the return value exactly as n8n's `executeWebhook` (webhook-helpers.js) and
 * `WebhookRequestHandler` do. Static data is carried from call to call like n8n's database would,
 * except for test webhooks: n8n 2.8.4 builds their workflow with `staticData: {}`
 * (test-webhooks.js `toWorkflow`) and carries that object only from one listen's create() to its
 * delete() and its one webhook call, so the harness gives them their own fresh object too.
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
	/**
	 * Static data of the workflow before the call; updated in place afterwards. Ignored in mode
	 * `manual` (a test webhook), which gets `testStaticData` or a fresh object, as in n8n.
	 */
	staticData?: IDataObject;
	/** The static data of one test listen (mode `manual`); fresh when omitted. */
	testStaticData?: IDataObject;
	mode?: 'webhook' | 'manual';
	/** The response object to write to, to watch it while webhook() runs. */
	response?: FakeResponse;
}

export interface PostResult extends HttpAnswer {
	/** Bytes of static data n8n would write after this call (0 when it would write nothing). */
	savedBytes: number;
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
	const staticData =
		options.mode === 'manual' ? (options.testStaticData ?? {}) : options.staticData;
	const { workflow } = context.harness;
	if (staticData) load(workflow, staticData);
	const result = await triggerNode.webhook.call(context);
	const savedBytes = staticData ? save(workflow, staticData) : 0;
	const answer = n8nAnswer(result, response, description);
	return {
		...answer,
		savedBytes,
		items: result.workflowData?.[0] ?? [],
		result,
		response,
		harness: context.harness,
	};
}

/**
 * What n8n does per request: the workflow gets its own copy of the stored static data (n8n reads
 * it from the database for each request), so concurrent calls do not see each other's changes.
 */
function load(workflow: Harness['workflow'], stored: IDataObject): void {
	workflow.overrideStaticData(JSON.parse(JSON.stringify(stored)) as IDataObject);
	workflow.staticData.__dataChanged = false;
}

/**
 * What n8n saves afterwards: the whole object, only when it was changed, without the change
 * marker; the last save wins. Returns the bytes written.
 */
function save(workflow: Harness['workflow'], target: IDataObject): number {
	if (workflow.staticData.__dataChanged !== true) return 0;
	const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	delete saved.__dataChanged;
	for (const key of Object.keys(target)) delete target[key];
	Object.assign(target, saved);
	return Buffer.byteLength(JSON.stringify(saved));
}

export interface HookOptions {
	parameters: INodeParameters;
	/** Base of the production webhook URLs (n8n's WEBHOOK_URL + /webhook). */
	webhookBaseUrl?: string;
	credentials?: ICredentialDataDecryptedObject | IDataObject;
	/** Static data of the workflow; updated in place after the call, as n8n saves it. */
	staticData: IDataObject;
	/**
	 * A test listen ("Listen for test event"): it never sees `staticData`, only `testStaticData`
	 * (pass the same object to its create() and delete(), as n8n carries it) or a fresh object.
	 */
	isTest?: boolean;
	testStaticData?: IDataObject;
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
	const staticData = options.isTest ? (options.testStaticData ?? {}) : options.staticData;
	load(context.harness.workflow, staticData);
	if (options.webhookBaseUrl) {
		context.harness.additionalData.webhookBaseUrl = `${options.webhookBaseUrl}/webhook`;
		context.harness.additionalData.webhookTestBaseUrl = `${options.webhookBaseUrl}/webhook-test`;
	}
	// n8n saves nothing when the method throws (e.g. clearWebhooks stops before saveStaticData).
	const result = await triggerNode.webhookMethods.default[method].call(context);
	save(context.harness.workflow, staticData);
	return result;
}
