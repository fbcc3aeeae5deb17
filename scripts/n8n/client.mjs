// A client for one n8n: internal REST API (cookie) + public API (X-N8N-API-KEY).
// Routes verified against n8n@2.8.4 (node_modules/n8n/dist, @n8n/api-types@1.8.1):
//   POST /rest/owner/setup {email, firstName, lastName, password}; POST /rest/login {emailOrLdapLoginId, password}
//        -> Set-Cookie n8n-auth
//   GET  /rest/api-keys/scopes -> {data: string[]};  POST /rest/api-keys {label, scopes, expiresAt: null}
//        -> {data: {rawApiKey, ...}}
//   GET  /types/nodes.json, /types/credentials.json (cookie) -> loaded node / credential descriptions
//   POST /api/v1/credentials {name, type, data} -> {id, name, type, ...}; data needs
//        allowedHttpRequestDomains: 'all' (public-API schema quirk in 2.8.4)
//   POST /rest/credentials/test {credentials: {id, name, type, data}} -> {data: {status: 'OK'|'Error', message}}
//        `id` must be a STORED credential the user can read (else 403). `data` is merged over the stored data
//        (redacted values are restored), so pass all of it; without `data` the test runs with NO data.
//   POST /api/v1/workflows {name, nodes, connections, settings}; POST /api/v1/workflows/:id/activate
//   GET  /rest/workflows/:id -> {data: workflow};  POST /rest/workflows/:id/run
//        {workflowData, triggerToStartFrom?: {name}} -> {data: {executionId} | {waitingForWebhook}}
// Executions and webhooks: executions.mjs; /rest/dynamic-node-parameters/*: node-parameters.mjs.
//
// How n8n 2.8.4 tests a credential (dist/services/credentials-tester.service.js; each case VERIFIED by selftest.mjs):
//   1. A `test` on the credential TYPE wins. Otherwise a node listing the credential with `testedBy: '<method>'`:
//      node.methods.credentialTest[<method>](credential) runs with ONLY the `request` helper (request-promise style;
//      {json: true, simple: false, resolveWithFullResponse: true} reads non-2xx bodies) and SSH tunnel helpers,
//      WITHOUT the credential's `authenticate` (sign the request yourself). Its {status, message} is passed through,
//      e.g. "HTTP 403 InvalidAccessKeyId.NotFound: Specified access key is not found."
//   2. A declarative `test.request` runs with `authenticate` applied. A non-2xx answer gives NodeApiError's generic
//      text for the status -- 400 "Bad request - please check your parameters", 401 "Authorization failed - please
//      check your credentials", 403 "Forbidden - perhaps check your credentials?", 404 "The resource you are
//      requesting could not be found", 5xx "The service was not able to process your request" -- and DROPS the
//      response body (Alibaba Code/Message) and reason phrase. `responseCode` rules are NOT honoured: the tester
//      reads `error.cause.response`, but ExecutionBaseError re-declares `cause` as a class field (always
//      undefined). No answer: "The service refused the connection - perhaps it is offline" etc.
//      `responseSuccessBody` rules apply to 2xx answers (to any status with `ignoreHttpStatusErrors: true`): if
//      lodash.get(body, key) === value -> {Error, the rule's message}; any other body -> "Connection successful!".
//   => A readable "wrong secret" message needs a function test (testedBy + methods.credentialTest). Workflow runs
//      have the same cause: a NodeApiError built from an axios error says the generic status text, description
//      "Request failed with status code 403", so nodes throw NodeApiError with Alibaba's Code/Message themselves.
import * as executions from './executions.mjs';
import * as nodeParameters from './node-parameters.mjs';

export const DEFAULT_OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Passw0rd!',
});

export class N8nHttpError extends Error {
	constructor(method, url, status, body) {
		const msg = typeof body === 'string' ? body : JSON.stringify(body);
		super(`${method} ${url} -> HTTP ${status}: ${msg?.slice(0, 2000)}`);
		this.name = 'N8nHttpError';
		this.status = status;
		this.body = body;
	}
}

export class N8nClient {
	/** @param {string} baseUrl e.g. http://127.0.0.1:5678 */
	constructor(baseUrl, { cookie = null, apiKey = null } = {}) {
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.cookie = cookie;
		this.apiKey = apiKey;
	}

	/** Low-level request. Returns {status, headers, body} (body parsed as JSON when possible). No throw. */
	async raw(method, urlPath, { body, headers = {}, auth = 'cookie', timeoutMs = 60_000 } = {}) {
		const h = { accept: 'application/json', ...headers };
		if (body !== undefined) h['content-type'] ??= 'application/json';
		if (auth === 'cookie' && this.cookie) h.cookie = this.cookie;
		if (auth === 'apiKey' && this.apiKey) h['x-n8n-api-key'] = this.apiKey;
		const res = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: h,
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await res.text();
		let parsed = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {}
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const authCookie = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (authCookie) this.cookie = authCookie;
		return { status: res.status, headers: res.headers, body: parsed };
	}

	/** Internal REST API (/rest/...), cookie auth; returns the unwrapped `data`. Throws N8nHttpError. */
	async rest(method, urlPath, body) {
		const r = await this.raw(method, `/rest${urlPath}`, { body, auth: 'cookie' });
		if (r.status >= 400) throw new N8nHttpError(method, `/rest${urlPath}`, r.status, r.body);
		return r.body && typeof r.body === 'object' && 'data' in r.body ? r.body.data : r.body;
	}

	/** Public API (/api/v1/...), API-key auth. Throws N8nHttpError. */
	async api(method, urlPath, body) {
		const r = await this.raw(method, `/api/v1${urlPath}`, { body, auth: 'apiKey' });
		if (r.status >= 400) throw new N8nHttpError(method, `/api/v1${urlPath}`, r.status, r.body);
		return r.body;
	}

	/** POST /rest/owner/setup (fresh DB only); keeps the auth cookie. */
	async setupOwner(owner = DEFAULT_OWNER) {
		await this.rest('POST', '/owner/setup', owner);
		this.owner = owner;
		return owner;
	}

	async login(email = DEFAULT_OWNER.email, password = DEFAULT_OWNER.password) {
		return await this.rest('POST', '/login', { emailOrLdapLoginId: email, password });
	}

	/** Creates an API key with every scope the user may have; stores and returns the raw key. */
	async createApiKey({ label = `e2e-${Date.now()}`, scopes } = {}) {
		scopes ??= await this.rest('GET', '/api-keys/scopes');
		const key = await this.rest('POST', '/api-keys', { label, scopes, expiresAt: null });
		this.apiKey = key.rawApiKey;
		return this.apiKey;
	}

	/** Loaded node type descriptions (GET /types/nodes.json). */
	async nodeTypes() {
		return await this.#typesJson('/types/nodes.json');
	}

	async credentialTypes() {
		return await this.#typesJson('/types/credentials.json');
	}

	async #typesJson(urlPath) {
		const r = await this.raw('GET', urlPath);
		if (r.status !== 200) throw new N8nHttpError('GET', urlPath, r.status, r.body);
		return r.body;
	}

	/**
	 * POST /api/v1/credentials. Adds allowedHttpRequestDomains:'all' (2.8.4 public-API schema quirk) unless given.
	 * @returns {Promise<{id: string, name: string, type: string}>}
	 */
	async createCredential({ name, type, data }) {
		const body = { name, type, data: { allowedHttpRequestDomains: 'all', ...data } };
		const cred = await this.api('POST', '/credentials', body);
		return { ...cred, name: cred.name ?? name, type: cred.type ?? type, data: body.data };
	}

	/** GET /rest/credentials/:id?includeData=true (secrets redacted). */
	async getCredential(id) {
		return await this.rest('GET', `/credentials/${encodeURIComponent(id)}?includeData=true`);
	}

	/**
	 * POST /rest/credentials/test. `data` overrides the stored data (e.g. try a wrong secret on a stored
	 * credential); without `data` the stored (redacted -> unredacted by n8n) data is used.
	 * @returns {Promise<{status: 'OK'|'Error', message: string}>}
	 */
	async testCredential({ id, name, type, data }) {
		if (!data || !name || !type) {
			const stored = await this.getCredential(id);
			name ??= stored.name;
			type ??= stored.type;
			data = { ...(stored.data ?? {}), ...(data ?? {}) };
		}
		return await this.rest('POST', '/credentials/test', { credentials: { id, name, type, data } });
	}

	/** POST /api/v1/workflows ({name, nodes, connections, settings}). Returns the stored workflow (with id). */
	async createWorkflow({ name, nodes, connections = {}, settings = { executionOrder: 'v1' } }) {
		return await this.api('POST', '/workflows', { name, nodes, connections, settings });
	}

	async activateWorkflow(id) {
		return await this.api('POST', `/workflows/${encodeURIComponent(id)}/activate`);
	}

	async deactivateWorkflow(id) {
		return await this.api('POST', `/workflows/${encodeURIComponent(id)}/deactivate`);
	}

	async getWorkflow(id) {
		return await this.rest('GET', `/workflows/${encodeURIComponent(id)}`);
	}

	/**
	 * What the editor's "Execute workflow" button does: POST /rest/workflows/:id/run.
	 * triggerName defaults to the first manualTrigger node. Returns {executionId} or {waitingForWebhook: true}.
	 */
	async runWorkflow(id, { triggerName } = {}) {
		const workflowData = await this.getWorkflow(id);
		triggerName ??= workflowData.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')?.name;
		const body = { workflowData };
		if (triggerName) body.triggerToStartFrom = { name: triggerName };
		return await this.rest('POST', `/workflows/${encodeURIComponent(id)}/run`, body);
	}

	/** GET /api/v1/executions/:id?includeData=true */
	async getExecution(id, { includeData = true } = {}) {
		return await this.api(
			'GET',
			`/executions/${encodeURIComponent(id)}?includeData=${includeData}`,
		);
	}

	/** GET /api/v1/executions?workflowId=&includeData= ; returns the `data` array (newest first). */
	async listExecutions({ workflowId, includeData = false, status, limit = 100 } = {}) {
		const q = new URLSearchParams({ includeData: String(includeData), limit: String(limit) });
		if (workflowId) q.set('workflowId', workflowId);
		if (status) q.set('status', status);
		return (await this.api('GET', `/executions?${q}`)).data;
	}

	// Waiting (executions.mjs) and dynamic node parameters (node-parameters.mjs), as methods for convenience.
	waitForExecution(id, opts) {
		return executions.waitForExecution(this, id, opts);
	}

	runWorkflowAndWait(id, opts) {
		return executions.runWorkflowAndWait(this, id, opts);
	}

	waitForNewExecution(workflowId, opts) {
		return executions.waitForNewExecution(this, workflowId, opts);
	}

	waitForWebhook(webhookPath, opts) {
		return executions.waitForWebhook(this, webhookPath, opts);
	}

	static dynamicBody = nodeParameters.dynamicBody;

	loadOptions(args) {
		return nodeParameters.loadOptions(this, args);
	}

	listSearch(args) {
		return nodeParameters.listSearch(this, args);
	}

	resourceMapperFields(args) {
		return nodeParameters.resourceMapperFields(this, args);
	}
}
