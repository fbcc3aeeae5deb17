/**
 * Test harness that runs our code inside n8n-core's REAL node execution contexts.
 *
 * What is real (the n8n-core 2.8.1 / n8n-workflow 2.8.0 code that n8n itself runs):
 *  - `ExecuteContext`, `LoadOptionsContext`, `HookContext` and `WebhookContext` from n8n-core, so
 *    `getNodeParameter` resolves defaults, expressions (`={{ $json.x }}`), `extractValue` of
 *    resource locators and schema validation exactly as in n8n;
 *  - a real n8n-workflow `Workflow` (it applies the node's parameter defaults on construction);
 *  - `helpers.httpRequestWithAuthentication`: n8n-core's own implementation. It calls the
 *    credentials helper's `authenticate` (which calls our credential class's `authenticate`) and
 *    then n8n-core's `httpRequest`, i.e. axios with n8n's request conversion and proxy agents. The
 *    bytes our credential signs are therefore exactly the bytes n8n puts on the wire.
 *
 * What is a stand-in (n8n's CLI package is not a dependency of a community node):
 *  - `credentialsHelper` (the CLI's `CredentialsHelper`): `getDecrypted` returns the test's
 *    credential data with the credential type's defaults applied (`NodeHelpers.getNodeParameters`)
 *    and `={{ }}` expressions resolved, as the CLI does; `authenticate` does what the CLI does for a
 *    function-typed `authenticate`: `await credentialType.authenticate(credentials, requestOptions)`;
 *    `getParentTypes` returns `[]` (no OAuth) and `preAuthentication` returns undefined.
 *  - `@n8n/di` services that the contexts look up: `InstanceSettings` (the real class would
 *    create `~/.n8n/config`), the `Logger` and `SSHClientsManager` (SSH tunnels; its real
 *    constructor starts a never-ending interval) are replaced by small stubs. `BinaryDataService`
 *    is the real one, left uninitialised, so binary data is kept in memory as base64 (n8n's
 *    "default" mode); nothing touches the file system.
 *  - `additionalData` fields unrelated to HTTP (sub-workflows, runner tasks) throw if used.
 *
 * `testCredential()` replays n8n's "Test credential" button: the CLI's CredentialsTester logic
 * (temporary node type routing `credential.test.request`) run by n8n-core's real `RoutingNode`.
 *
 * Usage:
 *   const { output, credentialsHelper } = await executeNode({
 *     nodeType: new AlibabaCloudChatApp(),
 *     parameters: { resource: 'message', operation: 'sendTemplate', to: '={{ $json.phone }}' },
 *     credentials: { accessKeyId, accessKeySecret, region: 'custom', endpoint: emu.url },
 *     items: [{ phone: '6591234567' }],
 *   });
 *   credentialsHelper.authenticated[0].outgoing;   // the signed request n8n-core sent
 *   const ctx = createLoadOptionsContext({ nodeType, credentials, currentNodeParameters });
 *   await node.methods.listSearch.searchTemplates.call(ctx, 'order');
 */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import {
	CredentialTestContext,
	ExecuteContext,
	HookContext,
	InstanceSettings,
	LoadOptionsContext,
	RoutingNode,
	WebhookContext,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	ICredentialsHelper,
	ICredentialTestFunction,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	INodeCredentialTestResult,
	IRequestOptionsSimplified,
	IRunExecutionData,
	IVersionedNodeType,
	IWebhookData,
	IWebhookFunctions,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';
// Not re-exported by n8n-core's index; its constructor starts a 60 s interval that keeps Jest alive.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

import { AlibabaCloudChatAppApi } from '../../credentials/AlibabaCloudChatAppApi.credentials';
import { AlibabaCloudChatApp } from '../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { AlibabaCloudChatAppTrigger } from '../../nodes/AlibabaCloudChatApp/AlibabaCloudChatAppTrigger.node';

/** The package name n8n prefixes community node types with. */
export const PACKAGE_NAME = 'n8n-nodes-alibabacloud-chatapp';

const CREDENTIAL_ID = 'test-credential-id';

/* ------------------------------------------------------------------------------------------------
 * Dependency-injection minimum
 * ---------------------------------------------------------------------------------------------- */

const silentLogger = {
	error: () => {},
	warn: () => {},
	info: () => {},
	debug: () => {},
	scoped() {
		return silentLogger;
	},
};

let diReady = false;

/**
 * Registers the DI services the node-execution contexts need at construction time. Idempotent.
 * The real `InstanceSettings` would read or create `~/.n8n/config`; the real `Logger` needs the
 * global config; the real `SSHClientsManager` starts a 60 s interval that keeps Jest from exiting.
 * Everything else the HTTP helpers use is resolved lazily by n8n-core itself.
 */
export function setUpN8nCoreDi(): void {
	if (diReady) return;
	Container.set(InstanceSettings, {
		instanceId: 'test-instance',
		hmacSignatureSecret: 'test-hmac-secret',
		n8nFolder: '/nonexistent/.n8n',
		staticCacheDir: '/nonexistent/.cache',
		instanceType: 'main',
		isDocker: false,
	} as unknown as InstanceSettings);
	Container.set(Logger, silentLogger as unknown as Logger);
	Container.set(SSHClientsManager, {
		getClient: async () => {
			throw new Error('SSH tunnels are not available in the test harness');
		},
		onShutdown: () => {},
	} as unknown as SSHClientsManager);
	diReady = true;
}

/* ------------------------------------------------------------------------------------------------
 * Credentials helper (stand-in for the CLI's CredentialsHelper)
 * ---------------------------------------------------------------------------------------------- */

export interface AuthenticateRecord {
	typeName: string;
	/** What the node handed to `httpRequestWithAuthentication` (a copy). */
	incoming: IHttpRequestOptions;
	/** What our credential's `authenticate` returned: the request n8n-core then sends. */
	outgoing: IHttpRequestOptions;
	/** When it was signed (Date.now()), right before n8n-core sends it. */
	at: number;
}

export class TestCredentialsHelper implements ICredentialsHelper {
	/** Every request authenticated so far, in order. */
	readonly authenticated: AuthenticateRecord[] = [];

	constructor(
		private readonly credentialTypes: Record<string, ICredentialType>,
		private readonly credentialData: Record<string, ICredentialDataDecryptedObject>,
	) {}

	getParentTypes(name: string): string[] {
		const parents = this.credentialTypes[name]?.extends ?? [];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		_workflow: Workflow,
		_node: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = this.type(typeName);
		const incoming = structuredCloneSafe(requestOptions as IHttpRequestOptions);
		let outgoing = requestOptions as IHttpRequestOptions;
		if (typeof credentialType.authenticate === 'function') {
			// Exactly what packages/cli/src/credentials-helper.ts does for a function.
			outgoing = await credentialType.authenticate(
				credentials,
				requestOptions as IHttpRequestOptions,
			);
		} else if (credentialType.authenticate !== undefined) {
			throw new Error('The harness only implements function-typed authenticate');
		}
		this.authenticated.push({ typeName, incoming, outgoing, at: Date.now() });
		return outgoing;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('getCredentials (encrypted credentials) is not available in the harness');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		_raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentialData[type];
		if (data === undefined)
			throw new Error(`No credentials of type "${type}" were given to the harness`);
		// As the CLI's applyDefaultsAndOverwrites: add the defaults of the credential's properties…
		let decrypted = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			{ ...data } as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		// …then resolve expressions in the context of the running node, when there is one.
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
				expressionResolveValues;
			decrypted = workflow.expression.getParameterValue(
				decrypted as INodeParameters,
				runExecutionData,
				runIndex,
				itemIndex,
				node.name,
				connectionInputData,
				mode,
				{},
				executeData,
				false,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}
		return decrypted;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return this.type(type).properties;
	}

	private type(name: string): ICredentialType {
		const credentialType = this.credentialTypes[name];
		if (!credentialType) throw new Error(`Unknown credential type "${name}"`);
		return credentialType;
	}
}

function structuredCloneSafe<T>(value: T): T {
	try {
		return structuredClone(value);
	} catch {
		return { ...value };
	}
}

/* ------------------------------------------------------------------------------------------------
 * Workflow, node and additional data
 * ---------------------------------------------------------------------------------------------- */

export interface HarnessOptions {
	/** The node type under test (an `INodeType` or an `IVersionedNodeType`). */
	nodeType: INodeType | IVersionedNodeType;
	/** Node parameters as saved in a workflow; defaults are filled in by `Workflow`. */
	parameters?: INodeParameters;
	/** Decrypted data of our `alibabaCloudChatAppApi` credential; omit for a node without one. */
	credentials?: ICredentialDataDecryptedObject | IDataObject;
	/** Other credential types and their data, keyed by type name (our type is always known). */
	extraCredentials?: Record<
		string,
		{ type: ICredentialType; data: ICredentialDataDecryptedObject }
	>;
	/** Input items (`{ json }` objects, or plain objects that become `json`); default one empty item. */
	items?: Array<INodeExecutionData | IDataObject>;
	/** Defaults to the highest version of the node type. */
	typeVersion?: number;
	nodeName?: string;
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	/** Passed to the context; abort it to cancel in-flight requests. */
	abortSignal?: AbortSignal;
}

export interface Harness {
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	credentialsHelper: TestCredentialsHelper;
	items: INodeExecutionData[];
	runExecutionData: IRunExecutionData;
}

function describe(nodeType: INodeType | IVersionedNodeType, version?: number): INodeType {
	if ('nodeVersions' in nodeType) {
		return nodeType.getNodeType(version ?? nodeType.currentVersion);
	}
	return nodeType;
}

function defaultVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

function toItems(items: Array<INodeExecutionData | IDataObject> | undefined): INodeExecutionData[] {
	const list = items ?? [{ json: {} }];
	return list.map((item) =>
		typeof item.json === 'object' && item.json !== null && !Array.isArray(item.json)
			? (item as INodeExecutionData)
			: { json: item as IDataObject },
	);
}

function notAvailable(what: string) {
	return () => {
		throw new Error(`${what} is not available in the test harness`);
	};
}

export function buildHarness(options: HarnessOptions): Harness {
	setUpN8nCoreDi();
	const typeVersion = options.typeVersion ?? defaultVersion(options.nodeType);
	const resolved = describe(options.nodeType, typeVersion);
	const typeName = `${PACKAGE_NAME}.${resolved.description.name}`;

	const nodeTypes: INodeTypes = {
		getByName: () => options.nodeType,
		getByNameAndVersion: (_name: string, version?: number) =>
			describe(options.nodeType, version ?? typeVersion),
		getKnownTypes: () => ({}),
	};

	const ours = new AlibabaCloudChatAppApi();
	const credentialTypes: Record<string, ICredentialType> = { [ours.name]: ours };
	const credentialData: Record<string, ICredentialDataDecryptedObject> = {};
	const nodeCredentials: INode['credentials'] = {};
	if (options.credentials) {
		credentialData[ours.name] = options.credentials as ICredentialDataDecryptedObject;
		nodeCredentials[ours.name] = { id: CREDENTIAL_ID, name: 'Alibaba Cloud Chat App account' };
	}
	for (const [name, extra] of Object.entries(options.extraCredentials ?? {})) {
		credentialTypes[name] = extra.type;
		credentialData[name] = extra.data;
		nodeCredentials[name] = { id: `${name}-id`, name };
	}

	const node: INode = {
		id: 'node-under-test-id',
		name:
			options.nodeName ?? resolved.description.defaults?.name ?? resolved.description.displayName,
		type: typeName,
		typeVersion,
		position: [0, 0],
		parameters: structuredClone(options.parameters ?? {}),
		credentials: nodeCredentials,
		continueOnFail: options.continueOnFail,
		onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
	};

	const workflow = new Workflow({
		id: 'test-workflow-id',
		name: 'Harness workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
		staticData: {},
	});
	// Workflow filled in the parameter defaults on its own copy of the node.
	const workflowNode = workflow.getNode(node.name)!;

	const credentialsHelper = new TestCredentialsHelper(credentialTypes, credentialData);
	const additionalData = {
		credentialsHelper,
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		executionId: 'test-execution-id',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: notAvailable('startRunnerTask'),
	} as unknown as IWorkflowExecuteAdditionalData;

	return {
		workflow,
		node: workflowNode,
		additionalData,
		credentialsHelper,
		items: toItems(options.items),
		runExecutionData: createRunExecutionData(),
	};
}

/* ------------------------------------------------------------------------------------------------
 * Contexts
 * ---------------------------------------------------------------------------------------------- */

export interface ExecuteHarness extends Harness {
	context: IExecuteFunctions;
}

/** A real n8n-core `ExecuteContext` plus the pieces it was built from. */
export function createExecuteHarness(options: HarnessOptions): ExecuteHarness {
	const harness = buildHarness(options);
	const { workflow, node, additionalData, items, runExecutionData } = harness;
	const inputData = { main: [items] };
	const executeData: IExecuteData = {
		node,
		data: inputData,
		source: { main: [{ previousNode: 'Start' }] },
	};
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		options.mode ?? 'manual',
		runExecutionData,
		0,
		items,
		inputData,
		executeData,
		[],
		options.abortSignal,
	);
	return { ...harness, context };
}

/** A real `IExecuteFunctions` (n8n-core `ExecuteContext`) for the given node, parameters and items. */
export function createExecuteContext(options: HarnessOptions): IExecuteFunctions {
	return createExecuteHarness(options).context;
}

/**
 * Runs the node's `execute` in a real `ExecuteContext`, as n8n-core's `WorkflowExecute.executeNode`
 * does (`nodeType.execute.call(context)`), and returns its output with the harness for inspection.
 */
export async function executeNode(
	options: HarnessOptions,
): Promise<ExecuteHarness & { output: INodeExecutionData[][] }> {
	const harness = createExecuteHarness(options);
	const nodeType = describe(options.nodeType, harness.node.typeVersion);
	if (!nodeType.execute) throw new Error(`${nodeType.description.name} has no execute method`);
	const output = (await nodeType.execute.call(harness.context)) as INodeExecutionData[][];
	return { ...harness, output };
}

export interface LoadOptionsHarnessOptions extends HarnessOptions {
	/** Path of the parameter being loaded, e.g. `parameters.templateCode`. */
	path?: string;
	/** The parameters currently in the editor; defaults to `parameters`. */
	currentNodeParameters?: INodeParameters;
}

export interface LoadOptionsHarness extends Harness {
	context: ILoadOptionsFunctions;
}

/** A real n8n-core `LoadOptionsContext`, for `methods.loadOptions` and `methods.listSearch`. */
export function createLoadOptionsHarness(options: LoadOptionsHarnessOptions): LoadOptionsHarness {
	const harness = buildHarness(options);
	harness.additionalData.currentNodeParameters =
		options.currentNodeParameters ?? harness.node.parameters;
	const context = new LoadOptionsContext(
		harness.workflow,
		harness.node,
		harness.additionalData,
		options.path ?? 'parameters',
	);
	return { ...harness, context };
}

export function createLoadOptionsContext(
	options: LoadOptionsHarnessOptions,
): ILoadOptionsFunctions {
	return createLoadOptionsHarness(options).context;
}

export interface HookHarnessOptions extends HarnessOptions {
	activation?: WorkflowActivateMode;
	webhookData?: IWebhookData;
}

/** A real n8n-core `HookContext`, for a trigger's `webhookMethods` (checkExists/create/delete). */
export function createHookContext(
	options: HookHarnessOptions,
): IHookFunctions & { harness: Harness } {
	const harness = buildHarness(options);
	const context = new HookContext(
		harness.workflow,
		harness.node,
		harness.additionalData,
		options.mode ?? 'trigger',
		options.activation ?? 'activate',
		options.webhookData,
	);
	return Object.assign(context, { harness });
}

export interface WebhookHarnessOptions extends HarnessOptions {
	webhookData?: Partial<IWebhookData>;
	/** The incoming express-like request and response (only what the node uses is needed). */
	request: unknown;
	response?: unknown;
}

/** A real n8n-core `WebhookContext`; `request`/`response` are what `getRequestObject` etc. return. */
export function createWebhookContext(
	options: WebhookHarnessOptions,
): IWebhookFunctions & { harness: Harness } {
	const harness = buildHarness(options);
	harness.additionalData.httpRequest =
		options.request as IWorkflowExecuteAdditionalData['httpRequest'];
	harness.additionalData.httpResponse = (options.response ??
		{}) as IWorkflowExecuteAdditionalData['httpResponse'];
	const webhookData = {
		httpMethod: 'POST',
		node: harness.node.name,
		path: 'webhook',
		webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' },
		workflowId: harness.workflow.id,
		workflowExecuteAdditionalData: harness.additionalData,
		...options.webhookData,
	} as IWebhookData;
	const context = new WebhookContext(
		harness.workflow,
		harness.node,
		harness.additionalData,
		options.mode ?? 'webhook',
		webhookData,
		[],
		null,
	);
	return Object.assign(context, { harness });
}

/** Our credential type, as n8n would load it. */
export function camsCredentialType(): AlibabaCloudChatAppApi {
	return new AlibabaCloudChatAppApi();
}

/* ------------------------------------------------------------------------------------------------
 * Credential test ("Test" button)
 * ---------------------------------------------------------------------------------------------- */

export interface CredentialTestOptions {
	/** Decrypted data of our credential, as typed in the editor (defaults are applied here). */
	credentials: ICredentialDataDecryptedObject | IDataObject;
	/** The node types that list the credential, in the order n8n finds them; defaults to ours. */
	nodeTypes?: INodeType[];
}

/**
 * Runs the "Test" button the way n8n 2.8.4's CLI `CredentialsTester` does: a credential type's
 * own `test` would win (we have none, and say so), else the first node type that lists the
 * credential with a string `testedBy` supplies `methods.credentialTest[testedBy]`, which is
 * called in n8n-core's real `CredentialTestContext` with the decrypted credential (defaults
 * applied, as `applyDefaultsAndOverwrites` does).
 */
export async function testCredential(
	options: CredentialTestOptions,
): Promise<INodeCredentialTestResult> {
	setUpN8nCoreDi();
	const credentialType = new AlibabaCloudChatAppApi() as ICredentialType;
	if (credentialType.test) throw new Error('A declarative test would take precedence in n8n');
	const data = NodeHelpers.getNodeParameters(
		credentialType.properties,
		{ ...options.credentials } as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	const credentialsDecrypted = {
		id: CREDENTIAL_ID,
		name: 'Test credential',
		type: credentialType.name,
		data,
	};
	const nodeTypes: INodeType[] = options.nodeTypes ?? [
		new AlibabaCloudChatApp(),
		new AlibabaCloudChatAppTrigger(),
	];
	for (const nodeType of nodeTypes) {
		for (const { name, testedBy } of nodeType.description.credentials ?? []) {
			if (name !== credentialType.name || typeof testedBy !== 'string') continue;
			const tests = nodeType.methods?.credentialTest as
				Record<string, ICredentialTestFunction> | undefined;
			const test = tests?.[testedBy];
			if (!test)
				return { status: 'Error', message: 'No testing function found for this credential.' };
			return await test.call(new CredentialTestContext(), credentialsDecrypted);
		}
	}
	return { status: 'Error', message: 'No testing function found for this credential.' };
}
