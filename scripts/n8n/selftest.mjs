#!/usr/bin/env node
// Self-test of scripts/n8n/*.mjs against a REAL n8n, independent of this repo's nodes:
// generates a tiny probe community package (plain JS, no build) in a temp dir, packs and loads it, and exercises
// every helper: owner/API key, credential create + test (declarative rules, function test, connection refused),
// loadOptions / listSearch / resourceMapper, manual run + execution data, node error, webhook trigger.
// Also prints the credential-tester messages n8n 2.8.4 produces (see the comment block in client.mjs).
//
//   node scripts/n8n/selftest.mjs            # exit 0 and "N passed, 0 failed" when everything holds
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import {
	createUserFolder,
	ensureN8n,
	executionError,
	freePort,
	N8nClient,
	nodeJson,
	packPackage,
	startN8n,
} from './runtime.mjs';

const log = (m) => process.stderr.write(`[selftest] ${m}\n`);
const PKG = 'n8n-nodes-e2e-probe';

// ---------- fake API on loopback ----------
function startFakeApi() {
	const seen = [];
	const srv = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			const key = req.headers['x-api-key'];
			seen.push({ method: req.method, url: req.url, key, body });
			const json = (status, obj, reason) => {
				const s = JSON.stringify(obj);
				res.writeHead(status, reason, {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(s),
				});
				res.end(s);
			};
			const err = {
				Code: 'InvalidAccessKeyId.NotFound',
				Message: 'Specified access key is not found.',
				RequestId: 'R-1',
			};
			if (key === 'bad401') return json(401, err);
			if (key === 'bad403') return json(403, err);
			if (key === 'bad403reason')
				return json(403, err, 'InvalidAccessKeyId.NotFound: Specified access key is not found.');
			if (key === 'bodyerr') return json(200, { Code: 'SignatureDoesNotMatch', Message: 'sig' });
			if (key === 'unknownerr') return json(400, { Code: 'Something.Else', Message: 'other' });
			if (key === 'notfound') return json(404, err);
			if (key === 'err500') return json(500, { Code: 'InternalError', Message: 'boom' });
			if (key !== 'good') return json(400, { Code: 'Missing', Message: 'no key' });
			if (req.url.startsWith('/check')) return json(200, { Code: 'OK', Message: 'fine' });
			if (req.url.startsWith('/things')) {
				const q = new URL(req.url, 'http://x').searchParams.get('q') ?? '';
				const things = ['alpha', 'beta', 'gamma']
					.filter((t) => t.includes(q))
					.map((t, i) => ({ id: `id-${t}`, name: t, n: i }));
				return json(200, { Code: 'OK', Things: things });
			}
			json(404, { Code: 'NotFound', Message: req.url });
		});
	});
	return new Promise((resolve) =>
		srv.listen(0, '127.0.0.1', () =>
			resolve({ srv, seen, url: `http://127.0.0.1:${srv.address().port}` }),
		),
	);
}

// ---------- probe package (CommonJS, no n8n-workflow import needed) ----------
function writeProbePackage(dir) {
	const w = (rel, text) => {
		fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
		fs.writeFileSync(path.join(dir, rel), text);
	};
	const icon =
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
	w(
		'package.json',
		JSON.stringify(
			{
				name: PKG,
				version: '0.0.1',
				keywords: ['n8n-community-node-package'],
				license: 'MIT',
				files: ['dist'],
				n8n: {
					n8nNodesApiVersion: 1,
					strict: true,
					credentials: [
						'dist/credentials/ProbeApi.credentials.js',
						'dist/credentials/ProbeIgnApi.credentials.js',
						'dist/credentials/ProbeFnApi.credentials.js',
					],
					nodes: ['dist/nodes/Probe/Probe.node.js', 'dist/nodes/Probe/ProbeTrigger.node.js'],
				},
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
	);
	const props = `[
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
	]`;
	const auth = `{ type: 'generic', properties: { headers: { 'x-api-key': '={{$credentials.apiKey}}' } } }`;
	w(
		'dist/credentials/ProbeApi.credentials.js',
		`class ProbeApi { constructor() {
	this.name = 'probeApi'; this.displayName = 'Probe API'; this.icon = 'file:probe.svg';
	this.properties = ${props};
	this.authenticate = ${auth};
	this.test = { request: { baseURL: '={{$credentials.baseUrl}}', url: '/check' }, rules: [
		{ type: 'responseCode', properties: { value: 401, message: 'RULE401: the API key is wrong' } },
		{ type: 'responseSuccessBody', properties: { key: 'Code', value: 'SignatureDoesNotMatch', message: 'RULEBODY: signature mismatch' } },
	] };
} }
module.exports = { ProbeApi };
`,
	);
	w(
		'dist/credentials/ProbeIgnApi.credentials.js',
		`class ProbeIgnApi { constructor() {
	this.name = 'probeIgnApi'; this.displayName = 'Probe API (ignoreHttpStatusErrors)'; this.icon = 'file:probe.svg';
	this.properties = ${props};
	this.authenticate = ${auth};
	this.test = { request: { baseURL: '={{$credentials.baseUrl}}', url: '/check', ignoreHttpStatusErrors: true }, rules: [
		{ type: 'responseSuccessBody', properties: { key: 'Code', value: 'InvalidAccessKeyId.NotFound', message: 'RULEBODY403: AccessKey ID not found' } },
	] };
} }
module.exports = { ProbeIgnApi };
`,
	);
	w(
		'dist/credentials/ProbeFnApi.credentials.js',
		`class ProbeFnApi { constructor() {
	this.name = 'probeFnApi'; this.displayName = 'Probe API (function test)'; this.icon = 'file:probe.svg';
	this.properties = ${props};
	this.authenticate = ${auth};
} }
module.exports = { ProbeFnApi };
`,
	);
	w('dist/credentials/probe.svg', icon);
	w('dist/nodes/Probe/probe.svg', icon);
	w(
		'dist/nodes/Probe/Probe.node.js',
		`async function api(ctx, path, qs) {
	const c = await ctx.getCredentials('probeApi');
	return ctx.helpers.httpRequestWithAuthentication.call(ctx, 'probeApi', { method: 'GET', url: c.baseUrl + path, qs, json: true });
}
class Probe {
	constructor() {
		this.description = {
			displayName: 'Probe', name: 'probe', icon: 'file:probe.svg', group: ['transform'], version: 1,
			description: 'probe', defaults: { name: 'Probe' }, inputs: ['main'], outputs: ['main'],
			credentials: [
				{ name: 'probeApi', required: true },
				{ name: 'probeFnApi', required: false, testedBy: 'probeFnTest' },
			],
			properties: [
				{ displayName: 'Thing', name: 'thing', type: 'options', typeOptions: { loadOptionsMethod: 'getThings' }, default: '' },
				{ displayName: 'Thing RL', name: 'thingRl', type: 'resourceLocator', default: { mode: 'list', value: '' },
				  modes: [{ displayName: 'List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchThings', searchable: true } },
				          { displayName: 'ID', name: 'id', type: 'string' }] },
				{ displayName: 'Fields', name: 'fields', type: 'resourceMapper', default: { mappingMode: 'defineBelow', value: null },
				  typeOptions: { resourceMapper: { resourceMapperMethod: 'getFields', mode: 'add', valuesLabel: 'Fields' } } },
				{ displayName: 'Query', name: 'q', type: 'string', default: '' },
			],
		};
		this.methods = {
			loadOptions: {
				async getThings() {
					const r = await api(this, '/things');
					return r.Things.map((t) => ({ name: t.name, value: t.id }));
				},
			},
			listSearch: {
				async searchThings(filter, paginationToken) {
					const r = await api(this, '/things', { q: filter || '' });
					return { results: r.Things.map((t) => ({ name: t.name, value: t.id })), paginationToken: paginationToken ? undefined : 'next' };
				},
			},
			resourceMapping: {
				async getFields() {
					const thing = this.getNodeParameter('thing', '');
					return { fields: [
						{ id: 'to', displayName: 'To (' + thing + ')', required: true, defaultMatch: false, display: true, type: 'string' },
						{ id: 'count', displayName: 'Count', required: false, defaultMatch: false, display: true, type: 'number' },
					] };
				},
			},
			credentialTest: {
				async probeFnTest(credential) {
					const d = credential.data;
					const r = await this.helpers.request({ method: 'GET', uri: d.baseUrl + '/check', headers: { 'x-api-key': d.apiKey },
						json: true, simple: false, resolveWithFullResponse: true });
					if (r.statusCode >= 200 && r.statusCode < 300) return { status: 'OK', message: 'Connection successful!' };
					return { status: 'Error', message: 'HTTP ' + r.statusCode + ' ' + r.body.Code + ': ' + r.body.Message };
				},
			},
		};
	}
	async execute() {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const r = await api(this, '/things', { q: this.getNodeParameter('q', i) });
			for (const t of r.Things) out.push({ json: t, pairedItem: { item: i } });
		}
		return [out];
	}
}
module.exports = { Probe };
`,
	);
	w(
		'dist/nodes/Probe/ProbeTrigger.node.js',
		`class ProbeTrigger {
	constructor() {
		this.description = {
			displayName: 'Probe Trigger', name: 'probeTrigger', icon: 'file:probe.svg', group: ['trigger'], version: 1,
			description: 'probe trigger', defaults: { name: 'Probe Trigger' }, inputs: [], outputs: ['main'],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: '={{$parameter["path"]}}', isFullPath: true }],
			properties: [{ displayName: 'Path', name: 'path', type: 'string', default: 'probe-events' }],
		};
		this.webhookMethods = { default: {
			async checkExists() { return true; }, async create() { return true; }, async delete() { return true; } } };
	}
	async webhook() {
		const body = this.getBodyData();
		const arr = Array.isArray(body) ? body : [body];
		return { webhookResponse: { code: 0, msg: 'ok' }, workflowData: [arr.map((json) => ({ json }))] };
	}
}
module.exports = { ProbeTrigger };
`,
	);
}

// ---------- run ----------
const results = { passed: 0, failed: 0 };
async function check(name, fn) {
	const t = Date.now();
	try {
		await fn();
		results.passed++;
		log(`ok   ${name} (${Date.now() - t} ms)`);
	} catch (e) {
		results.failed++;
		log(`FAIL ${name}: ${e.stack || e}`);
	}
}

const t0 = Date.now();
const inst = await ensureN8n({ log: (m) => log(`install: ${m}`) });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-selftest-'));
const pkgDir = path.join(work, 'pkg');
writeProbePackage(pkgDir);
const fake = await startFakeApi();
const { tarball } = await packPackage({ pkgDir, build: false, outDir: work, log });
const tUser = Date.now();
const userFolder = await createUserFolder({ tarball, parent: work, log });
const installTgzMs = Date.now() - tUser;
const n8n = await startN8n({ userFolder, log });
const client = new N8nClient(n8n.baseUrl);
const credT = 'n8n-nodes-e2e-probe';
const findings = {};

try {
	await check('owner setup + API key', async () => {
		await client.setupOwner();
		assert.ok(client.cookie?.startsWith('n8n-auth='));
		const key = await client.createApiKey();
		assert.ok(key.length > 20);
		const again = new N8nClient(n8n.baseUrl);
		await again.login();
		assert.ok(again.cookie);
	});

	await check('probe nodes and credentials are loaded from .n8n/nodes', async () => {
		const types = (await client.nodeTypes()).map((d) => d.name);
		assert.ok(types.includes(`${credT}.probe`), 'probe node type');
		assert.ok(types.includes(`${credT}.probeTrigger`), 'probe trigger type');
		const creds = (await client.credentialTypes()).map((d) => d.name);
		for (const c of ['probeApi', 'probeIgnApi', 'probeFnApi']) assert.ok(creds.includes(c), c);
	});

	const mk = (type, apiKey, baseUrl = fake.url) =>
		client.createCredential({ name: `${type} ${apiKey}`, type, data: { baseUrl, apiKey } });
	const good = await mk('probeApi', 'good');

	await check('credential test: declarative test request', async () => {
		const closed = await freePort();
		const cases = {
			good: ['probeApi', 'good'],
			'401 + responseCode rule': ['probeApi', 'bad401'],
			'403 (no rule)': ['probeApi', 'bad403'],
			'403 custom reason phrase': ['probeApi', 'bad403reason'],
			'400 (no rule)': ['probeApi', 'unknownerr'],
			'404 (no rule)': ['probeApi', 'notfound'],
			'500 (no rule)': ['probeApi', 'err500'],
			'200 + responseSuccessBody rule': ['probeApi', 'bodyerr'],
			'ignoreHttpStatusErrors + body rule match': ['probeIgnApi', 'bad403'],
			'ignoreHttpStatusErrors + unknown error body': ['probeIgnApi', 'unknownerr'],
			'function test: good': ['probeFnApi', 'good'],
			'function test: 403': ['probeFnApi', 'bad403'],
		};
		for (const [label, [type, key]] of Object.entries(cases)) {
			const c = await mk(type, key);
			findings[label] = await client.testCredential(c);
		}
		const refused = await mk('probeApi', 'good', `http://127.0.0.1:${closed}`);
		findings['connection refused'] = await client.testCredential(refused);
		// data override on a stored credential (what the editor does when you edit and re-test)
		findings['stored good, data override bad401'] = await client.testCredential({
			...good,
			data: { ...good.data, apiKey: 'bad401' },
		});
		findings['stored good, no data passed (helper fetches redacted data)'] =
			await client.testCredential({ id: good.id });
		for (const [k, v] of Object.entries(findings))
			log(`   credential test ${k.padEnd(48)} -> ${JSON.stringify(v)}`);
		assert.deepEqual(findings.good, { status: 'OK', message: 'Connection successful!' });
		// n8n 2.8.4: responseCode rules are NOT honoured (the tester's `error.cause?.response` branch is dead because
		// ExecutionBaseError re-declares `cause` as a class field -> undefined); the message is NodeApiError's
		// generic text for the status code, the reason phrase and the response body are dropped.
		assert.equal(
			findings['401 + responseCode rule'].message,
			'Authorization failed - please check your credentials',
		);
		assert.equal(findings['403 (no rule)'].message, 'Forbidden - perhaps check your credentials?');
		assert.equal(
			findings['403 custom reason phrase'].message,
			'Forbidden - perhaps check your credentials?',
		);
		assert.equal(findings['400 (no rule)'].message, 'Bad request - please check your parameters');
		assert.equal(
			findings['404 (no rule)'].message,
			'The resource you are requesting could not be found',
		);
		assert.equal(
			findings['500 (no rule)'].message,
			'The service was not able to process your request',
		);
		assert.equal(
			findings['200 + responseSuccessBody rule'].message,
			'RULEBODY: signature mismatch',
		);
		assert.equal(
			findings['ignoreHttpStatusErrors + body rule match'].message,
			'RULEBODY403: AccessKey ID not found',
		);
		assert.equal(findings['ignoreHttpStatusErrors + unknown error body'].status, 'OK');
		assert.equal(findings['function test: good'].status, 'OK');
		assert.equal(
			findings['function test: 403'].message,
			'HTTP 403 InvalidAccessKeyId.NotFound: Specified access key is not found.',
		);
		assert.equal(
			findings['connection refused'].message,
			'The service refused the connection - perhaps it is offline',
		);
		assert.equal(findings['stored good, data override bad401'].status, 'Error');
		assert.equal(
			findings['stored good, no data passed (helper fetches redacted data)'].status,
			'OK',
		);
	});

	const dyn = { nodeType: `${credT}.probe`, typeVersion: 1, credential: good };
	await check('loadOptions via /rest/dynamic-node-parameters/options', async () => {
		const opts = await client.loadOptions({
			...dyn,
			methodName: 'getThings',
			path: 'parameters.thing',
		});
		assert.deepEqual(opts, [
			{ name: 'alpha', value: 'id-alpha' },
			{ name: 'beta', value: 'id-beta' },
			{ name: 'gamma', value: 'id-gamma' },
		]);
	});

	await check('listSearch via /rest/dynamic-node-parameters/resource-locator-results', async () => {
		const r = await client.listSearch({
			...dyn,
			methodName: 'searchThings',
			path: 'parameters.thingRl',
			filter: 'al',
		});
		assert.deepEqual(r.results, [{ name: 'alpha', value: 'id-alpha' }]);
		assert.equal(r.paginationToken, 'next');
		const r2 = await client.listSearch({
			...dyn,
			methodName: 'searchThings',
			path: 'parameters.thingRl',
			paginationToken: 'next',
		});
		assert.equal(r2.results.length, 3);
		assert.equal(r2.paginationToken, undefined);
	});

	await check(
		'resourceMapper via /rest/dynamic-node-parameters/resource-mapper-fields',
		async () => {
			const r = await client.resourceMapperFields({
				...dyn,
				methodName: 'getFields',
				path: 'parameters.fields',
				currentNodeParameters: { thing: 'id-beta' },
			});
			assert.equal(r.fields.length, 2);
			assert.equal(r.fields[0].displayName, 'To (id-beta)');
		},
	);

	const manual = (name, cred) => ({
		name,
		nodes: [
			{
				id: 'a',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b',
				name: 'Probe',
				type: `${credT}.probe`,
				typeVersion: 1,
				position: [200, 0],
				parameters: { q: 'a' },
				credentials: { probeApi: { id: cred.id, name: cred.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
	});

	await check('manual run via /rest/workflows/:id/run + execution data', async () => {
		const wf = await client.createWorkflow(manual('probe ok', good));
		const t = Date.now();
		const ex = await client.runWorkflowAndWait(wf.id);
		findings.manualRunMs = Date.now() - t;
		assert.equal(ex.status, 'success');
		assert.deepEqual(
			nodeJson(ex, 'Probe').map((j) => j.name),
			['alpha', 'beta', 'gamma'],
		);
		assert.ok(fake.seen.some((s) => s.url.startsWith('/things?q=a') && s.key === 'good'));
	});

	await check('manual run with a failing credential -> node error in execution', async () => {
		const bad = await mk('probeApi', 'bad403');
		const wf = await client.createWorkflow(manual('probe bad', bad));
		const ex = await client.runWorkflowAndWait(wf.id);
		assert.equal(ex.status, 'error');
		const err = executionError(ex, 'Probe');
		findings.nodeError = {
			message: err?.message,
			description: err?.description,
			httpCode: err?.httpCode,
		};
		log(`   node error -> ${JSON.stringify(findings.nodeError)}`);
		assert.ok(err);
		assert.ok(executionError(ex));
	});

	await check('webhook trigger: activate, readiness probe, POST, execution', async () => {
		const wf = await client.createWorkflow({
			name: 'probe trigger',
			nodes: [
				{
					id: 't',
					name: 'Probe Trigger',
					type: `${credT}.probeTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { path: 'probe-events' },
					webhookId: 'a7c0f0a4-0d7e-4a5e-9a51-000000000001',
				},
			],
			connections: {},
		});
		const notYet = await client.raw('OPTIONS', '/webhook/probe-events', {
			auth: 'none',
			headers: { origin: n8n.baseUrl, 'access-control-request-method': 'POST' },
		});
		findings.webhookProbeBefore = { status: notYet.status, body: notYet.body };
		log(`   OPTIONS probe before activation -> ${notYet.status} ${JSON.stringify(notYet.body)}`);
		assert.ok(notYet.status >= 400, 'not registered yet');
		await client.activateWorkflow(wf.id);
		const probe = await client.waitForWebhook('probe-events');
		log(
			`   OPTIONS probe after activation -> ${probe.status} allow-methods=${probe.headers.get('access-control-allow-methods')}`,
		);
		const r = await client.raw('POST', '/webhook/probe-events', {
			auth: 'none',
			body: [{ id: 1 }, { id: 2 }],
		});
		assert.equal(r.status, 200);
		assert.deepEqual(r.body, { code: 0, msg: 'ok' });
		const ex = await client.waitForNewExecution(wf.id);
		assert.equal(ex.status, 'success');
		assert.deepEqual(nodeJson(ex, 'Probe Trigger'), [{ id: 1 }, { id: 2 }]);
	});

	const mem = n8n.memory();
	log(
		`timings: ensureN8n ${inst.ms} ms (installed now: ${inst.installed}), install tgz ${installTgzMs} ms, ` +
			`healthz ${n8n.timings.healthzMs} ms, ready ${n8n.timings.readyMs} ms, total ${Date.now() - t0} ms`,
	);
	log(
		`memory: main rss ${mem.main?.rssMb.toFixed(0)} MB (peak ${mem.main?.hwmMb.toFixed(0)}), children ` +
			mem.children
				.map(
					(c) =>
						`${c.pid} ${c.rssMb.toFixed(0)} MB (peak ${c.hwmMb.toFixed(0)}) ${c.cmd.slice(0, 60)}`,
				)
				.join('; '),
	);
} finally {
	const ts = Date.now();
	await n8n.stop({ removeUserFolder: !process.env.N8N_E2E_KEEP });
	log(`stopped in ${Date.now() - ts} ms; leftover group alive: ${groupAlive(n8n.pid)}`);
	fake.srv.close();
	if (!process.env.N8N_E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
	else log(`kept ${work}`);
}

function groupAlive(pgid) {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
