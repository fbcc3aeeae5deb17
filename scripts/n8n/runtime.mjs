// Helpers to run a REAL n8n (2.8.4, see install.mjs) with this community package loaded, and to drive it over REST.
// Used by `npm run demo` and `npm run test:e2e`. Plain Node ESM, no dependencies (Node >= 20: global fetch).
//
// Typical use:
//   import { launch } from './scripts/n8n/runtime.mjs';
//   const { n8n, client, stop } = await launch();          // install (cached) + build + pack + start + owner + API key
//   const cred = await client.createCredential({ name: 'CAMS', type: 'alibabaCloudChatAppApi', data: {...} });
//   const wf = await client.createWorkflow({ name: 'x', nodes: [...], connections: {...} });
//   const exec = await client.runWorkflowAndWait(wf.id);
//   nodeJson(exec, 'Alibaba Cloud ChatApp');
//   await stop();
//
// Everything listens on 127.0.0.1 only (n8n HTTP, task broker). n8n runs in its own process group, so stop()
// also ends its task-runner children; an exit/SIGINT/SIGTERM hook kills leftovers if the caller dies.
//
// ---------------------------------------------------------------------------------------------------------------
// REST routes verified against the installed n8n@2.8.4 (node_modules/n8n/dist, @n8n/api-types@1.8.1):
//   POST /rest/owner/setup      {email, firstName, lastName, password}                 -> Set-Cookie n8n-auth
//   POST /rest/login            {emailOrLdapLoginId, password}                         -> Set-Cookie n8n-auth
//   GET  /rest/api-keys/scopes  -> {data: string[]};  POST /rest/api-keys {label, scopes, expiresAt: null}
//                               -> {data: {rawApiKey, ...}}
//   POST /api/v1/credentials    {name, type, data}  (X-N8N-API-KEY) -> {id, name, type, ...}
//                               data needs allowedHttpRequestDomains:'all' (public-API schema quirk in 2.8.4)
//   POST /api/v1/workflows      {name, nodes, connections, settings}; POST /api/v1/workflows/:id/activate
//   GET  /rest/workflows/:id    -> {data: workflow};  POST /rest/workflows/:id/run
//                               {workflowData, triggerToStartFrom?: {name}} -> {data: {executionId} | {waitingForWebhook}}
//   GET  /api/v1/executions/:id?includeData=true   (public API; status new|running|success|error|crashed|canceled|waiting)
//   POST /rest/dynamic-node-parameters/options                   (OptionsRequestDto)
//   POST /rest/dynamic-node-parameters/resource-locator-results  (ResourceLocatorRequestDto, + methodName, filter?, paginationToken?)
//   POST /rest/dynamic-node-parameters/resource-mapper-fields    (ResourceMapperFieldsRequestDto, + methodName)
//   POST /rest/dynamic-node-parameters/local-resource-mapper-fields, /action-result (handler, payload)
//        common body: {path, nodeTypeAndVersion: {name, version}, currentNodeParameters: {...}, methodName?,
//                      credentials?: {<credType>: {id, name}}, projectId?, workflowId?}
//        answers: options -> {data: INodePropertyOptions[]}; locator -> {data: {results, paginationToken?}};
//                 mapper -> {data: {fields: [...]}}
//   POST /rest/credentials/test {credentials: {id, name, type, data}} -> {data: {status: 'OK'|'Error', message}}
//        `id` must be a STORED credential the user can read (else 403). `data` is merged over the stored data
//        (redacted values are restored), so pass the full data object; without `data` the test runs with NO data.
//   GET  /types/nodes.json, /types/credentials.json (cookie) -> loaded node / credential descriptions
//   OPTIONS /webhook/<path> with Origin + Access-Control-Request-Method -> 204 once the webhook is registered
//        (side-effect free readiness probe; 404 "not registered" before)
//
// How n8n 2.8.4 tests a credential (dist/services/credentials-tester.service.js; every case below was VERIFIED by
// scripts/n8n/selftest.mjs against the real server):
//   1. If the credential TYPE has a `test` (ICredentialTestRequest) it wins. Otherwise a node that lists the
//      credential with `testedBy: '<method>'` is used -> node.methods.credentialTest[<method>](credential) is called
//      with a CredentialTestContext whose helpers are ONLY `request` (legacy request-promise style via axios; use
//      {json:true, simple:false, resolveWithFullResponse:true} to read non-2xx bodies) + SSH tunnel helpers; the
//      credential's `authenticate` is NOT applied (sign the request yourself). Its {status, message} is passed
//      through unchanged  -> e.g. "HTTP 403 InvalidAccessKeyId.NotFound: Specified access key is not found."
//   2. Declarative `test.request` runs through RoutingNode + httpRequestWithAuthentication (the credential's
//      `authenticate` IS applied). A non-2xx answer throws NodeApiError, and the tester returns its message:
//        - the generic NodeApiError text for the status: 400 "Bad request - please check your parameters",
//          401 "Authorization failed - please check your credentials", 403 "Forbidden - perhaps check your
//          credentials?", 404 "The resource you are requesting could not be found", 5xx "The service was not able
//          to process your request" ... The RESPONSE BODY (Alibaba Code/Message) and the reason phrase are DROPPED.
//        - `rules` of type `responseCode` are NOT honoured: the tester looks at `error.cause.response`, but
//          n8n-workflow's ExecutionBaseError re-declares `cause` as a class field, so it is always undefined and
//          that branch is dead code.
//        - no HTTP answer: "The service refused the connection - perhaps it is offline" (ECONNREFUSED), etc.
//      `responseSuccessBody` rules ARE honoured, but only on a 2xx answer, or on any status when the test request
//      sets `ignoreHttpStatusErrors: true`: if lodash.get(body, key) === value -> {Error, rule's fixed message}.
//      Any body not matching a rule (also an unknown error body with ignoreHttpStatusErrors) -> "Connection
//      successful!".
//   => For "a wrong secret gives a readable message" use a function test (testedBy + methods.credentialTest).
//      Same cause in workflow runs: a NodeApiError built from an axios error has message = generic status text and
//      description = "Request failed with status code 403" (it only reads a lowercase `message` from the body), so
//      nodes should throw NodeApiError with an explicit message/description taken from Alibaba's Code/Message.
// ---------------------------------------------------------------------------------------------------------------
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureN8n, N8N_VERSION, n8nCacheDir, n8nBin, npmEnv } from './install.mjs';

export { ensureN8n, N8N_VERSION, n8nCacheDir };

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST = '127.0.0.1';
export const DEFAULT_OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Passw0rd!',
});

const defaultLog = (msg) => process.stderr.write(`[n8n] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function runCmd(cmd, args, { cwd, env = process.env, log = defaultLog, quiet = false } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => {
			out += d;
			if (!quiet) process.stderr.write(d);
		});
		child.stderr.on('data', (d) => {
			err += d;
			if (!quiet) process.stderr.write(d);
		});
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code === 0) resolve({ stdout: out, stderr: err });
			else {
				if (quiet) log(`${cmd} ${args.join(' ')} output:\n${out}${err}`);
				reject(new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed with exit ${code}`));
			}
		});
	});
}

/** A free TCP port on 127.0.0.1 (bind to 0, read, close). */
export function freePort(host = HOST) {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, host, () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/**
 * `npm run build` (optional) + `npm pack` of the package into a fresh temp dir.
 * @returns {Promise<{tarball: string, name: string, version: string, outDir: string, ms: number}>}
 */
export async function packPackage({ pkgDir = REPO_ROOT, build = true, outDir, log = defaultLog, quiet = true } = {}) {
	const t0 = Date.now();
	if (build) {
		log(`building ${pkgDir} (npm run build)`);
		await runCmd('npm', ['run', 'build'], { cwd: pkgDir, log, quiet });
	}
	outDir ??= await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
	const { stdout } = await runCmd('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: pkgDir,
		log,
		quiet: true,
	});
	const info = JSON.parse(stdout.slice(stdout.indexOf('[')))[0];
	const tarball = path.join(outDir, info.filename);
	log(`packed ${info.name}@${info.version} -> ${tarball} (${info.entryCount} files) in ${secs(Date.now() - t0)}`);
	return { tarball, name: info.name, version: info.version, outDir, ms: Date.now() - t0 };
}

/**
 * Install a packed community package into <userFolder>/.n8n/nodes, the way n8n installs community packages
 * (`npm install --omit=peer --omit=dev --ignore-scripts`), so the package.json `n8n` field and `files` are tested.
 */
export async function installTarball(userFolder, tarball, { log = defaultLog } = {}) {
	const t0 = Date.now();
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	await fsp.mkdir(nodesDir, { recursive: true });
	const pj = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(pj)) {
		await fsp.writeFile(pj, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	await runCmd(
		'npm',
		[
			'install',
			'--omit=peer',
			'--omit=dev',
			'--omit=optional',
			'--ignore-scripts',
			'--prefer-offline',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			tarball,
		],
		{ cwd: nodesDir, env: npmEnv(), log, quiet: true },
	);
	// which package did the tarball bring in? (the dependency whose spec points at the tarball)
	const deps = JSON.parse(await fsp.readFile(pj, 'utf8')).dependencies ?? {};
	const name = Object.keys(deps).find((k) => String(deps[k]).includes(path.basename(tarball))) ?? Object.keys(deps)[0];
	const pkgJson = JSON.parse(await fsp.readFile(path.join(nodesDir, 'node_modules', name, 'package.json'), 'utf8'));
	log(`installed ${path.basename(tarball)} into ${nodesDir} in ${secs(Date.now() - t0)}`);
	return { nodesDir, name, packageJson: pkgJson, ms: Date.now() - t0 };
}

/**
 * Throws (with the relevant n8n log lines) unless every node file listed in the package's `n8n.nodes` was loaded.
 * n8n 2.8.4 does NOT fail to start when a community package can't be loaded (e.g. a file listed in package.json
 * is missing, or a runtime `require` of a devDependency fails): it logs the error and skips the whole package.
 * @returns {Promise<string[]>} the loaded node type names of the package (e.g. `<pkg>.alibabaCloudChatApp`)
 */
export async function verifyPackageLoaded(client, { name, packageJson, n8n }) {
	const types = (await client.nodeTypes()).map((d) => d.name).filter((t) => t.startsWith(`${name}.`));
	const expected = packageJson?.n8n?.nodes?.length ?? 1;
	const plain = types.filter((t) => !t.endsWith('Tool'));
	if (plain.length < expected) {
		const lines = (n8n?.logs() ?? '')
			.split('\n')
			.filter((l) => l.includes(name) || /Cannot find module|Error loading|SyntaxError|TypeError/.test(l))
			.slice(0, 20)
			.join('\n');
		throw new Error(
			`package ${name} not (fully) loaded by n8n: expected ${expected} node type(s), got [${types.join(', ')}]` +
				`\nn8n log (${n8n?.logFile}):\n${lines}`,
		);
	}
	return types;
}

/**
 * Fresh throwaway N8N_USER_FOLDER (optionally with the tarball installed).
 * @returns {Promise<string>} the folder; `createUserFolder.last` keeps installTarball's result of the last call
 */
export async function createUserFolder({ tarball, parent = os.tmpdir(), log = defaultLog } = {}) {
	const userFolder = await fsp.mkdtemp(path.join(parent, 'n8n-e2e-user-'));
	createUserFolder.last = tarball ? await installTarball(userFolder, tarball, { log }) : null;
	return userFolder;
}

/** Env for `n8n start` (inherited N8N_*, DB_*, EXECUTIONS_* etc. are dropped so a dev's shell can't leak in). */
export function n8nEnv({ userFolder, port, brokerPort, n8nDir = n8nCacheDir(), extra = {} }) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|EXECUTIONS_|WEBHOOK_URL$|GENERIC_TIMEZONE$|QUEUE_|NODE_FUNCTION_|NODES_|CREDENTIALS_)/.test(k)) continue;
		env[k] = v;
	}
	Object.assign(env, {
		PATH: `${path.join(n8nDir, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: HOST,
		N8N_HOST: HOST,
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://${HOST}:${port}/`,
		WEBHOOK_URL: `http://${HOST}:${port}/`,
		N8N_ENCRYPTION_KEY: 'n8n-e2e-encryption-key-0123456789',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_RUNNERS_MODE: 'internal',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: HOST,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_LOG_LEVEL: process.env.N8N_E2E_LOG_LEVEL || 'info',
		N8N_LOG_OUTPUT: 'console',
		DB_TYPE: 'sqlite',
		EXECUTIONS_MODE: 'regular',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		GENERIC_TIMEZONE: 'UTC',
		NO_COLOR: '1',
		...extra,
	});
	return env;
}

// ----- process bookkeeping: never leave an n8n behind -----
const live = new Set();
let hooksInstalled = false;
function installExitHooks() {
	if (hooksInstalled) return;
	hooksInstalled = true;
	const killAll = () => {
		for (const p of live) {
			try {
				process.kill(-p.pid, 'SIGKILL');
			} catch {}
		}
		live.clear();
	};
	process.on('exit', killAll);
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		// only take over the default "die" behaviour when nobody else handles the signal
		if (process.listenerCount(sig) > 0) continue;
		process.once(sig, () => {
			killAll();
			process.kill(process.pid, sig);
		});
	}
}

function readProcStatus(pid) {
	try {
		const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (k) => Number((new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s) ?? [])[1] ?? 0);
		return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
	} catch {
		return null;
	}
}

function descendants(rootPid) {
	const children = new Map();
	for (const e of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(e)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid).push(Number(e));
		} catch {}
	}
	const out = [];
	const stack = [...(children.get(rootPid) ?? [])];
	while (stack.length) {
		const p = stack.pop();
		out.push(p);
		stack.push(...(children.get(p) ?? []));
	}
	return out;
}

/**
 * Start `n8n start` for userFolder on free loopback ports and wait until it is really ready
 * (log line "Editor is now accessible via" -- printed after active workflows are registered -- and
 * GET /healthz/readiness == 200).
 * @returns {Promise<N8nInstance>}
 */
export async function startN8n({
	userFolder,
	n8nDir = n8nCacheDir(),
	port,
	brokerPort,
	env = {},
	logFile,
	echo = !!process.env.N8N_E2E_ECHO_LOGS,
	readyTimeoutMs = 180_000,
	log = defaultLog,
} = {}) {
	if (!userFolder) throw new Error('startN8n: userFolder is required');
	port ??= await freePort();
	brokerPort ??= await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	logFile ??= path.join(userFolder, 'n8n.log');
	const bin = n8nBin(n8nDir);
	if (!fs.existsSync(bin)) throw new Error(`n8n is not installed in ${n8nDir}; run scripts/n8n/install.mjs`);

	installExitHooks();
	const logStream = fs.createWriteStream(logFile, { flags: 'a' });
	const t0 = Date.now();
	const child = spawn(bin, ['start'], {
		cwd: userFolder,
		env: n8nEnv({ userFolder, port, brokerPort, n8nDir, extra: env }),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true, // own process group -> stop() can end the task-runner children too
	});
	live.add(child);
	let buf = '';
	let exited = null;
	const onData = (d) => {
		const s = d.toString();
		logStream.write(s);
		buf += s;
		if (buf.length > 4_000_000) buf = buf.slice(-2_000_000);
		if (echo) process.stderr.write(s.replace(/^(?=.)/gm, '  | '));
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exitPromise = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			live.delete(child);
			resolve(exited);
		}),
	);

	const baseUrl = `http://${HOST}:${port}`;
	const timings = { healthzMs: null, readyMs: null };
	const tail = (n = 60) => buf.split('\n').slice(-n).join('\n');

	const instance = {
		baseUrl,
		port,
		brokerPort,
		userFolder,
		logFile,
		pid: child.pid,
		process: child,
		timings,
		/** whole captured log (last ~2-4 MB) */
		logs: () => buf,
		tail,
		/** resolves when a log line matching re (string or RegExp) appears after `since` (default: now) */
		async waitForLog(re, { timeoutMs = 30_000, since = buf.length } = {}) {
			const rx = typeof re === 'string' ? new RegExp(re.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : re;
			const end = Date.now() + timeoutMs;
			while (Date.now() < end) {
				const m = rx.exec(buf.slice(since));
				if (m) return m;
				if (exited) throw new Error(`n8n exited while waiting for ${rx}`);
				await sleep(100);
			}
			throw new Error(`timeout waiting for log ${rx}`);
		},
		/** RSS of the main process and all its descendants (task runner...), MB; hwm = peak */
		memory() {
			const main = readProcStatus(child.pid);
			const kids = descendants(child.pid).map((pid) => {
				let cmd = '';
				try {
					cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
				} catch {}
				return { pid, cmd, ...(readProcStatus(pid) ?? { rssMb: 0, hwmMb: 0 }) };
			});
			const totalRssMb = (main?.rssMb ?? 0) + kids.reduce((a, k) => a + k.rssMb, 0);
			return { main, children: kids, totalRssMb };
		},
		get exited() {
			return exited;
		},
		/** SIGTERM the process group, wait (graceful shutdown), SIGKILL after timeoutMs. Optionally remove userFolder. */
		async stop({ timeoutMs = 20_000, removeUserFolder = false } = {}) {
			if (!exited) {
				try {
					process.kill(-child.pid, 'SIGTERM');
				} catch {}
				// a cleared timer: a pending 20 s sleep would keep the caller's process alive after n8n is gone
				let timerId;
				const timer = new Promise((r) => {
					timerId = setTimeout(() => r('timeout'), timeoutMs);
				});
				const outcome = await Promise.race([exitPromise, timer]);
				clearTimeout(timerId);
				if (outcome === 'timeout') {
					log(`n8n did not stop within ${secs(timeoutMs)}; SIGKILL`);
					try {
						process.kill(-child.pid, 'SIGKILL');
					} catch {}
					await exitPromise;
				}
			}
			// leftovers in the group (runner) after main exited
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
			live.delete(child);
			await new Promise((r) => logStream.end(r));
			if (removeUserFolder) await fsp.rm(userFolder, { recursive: true, force: true });
		},
	};

	log(`starting n8n ${N8N_VERSION} on ${baseUrl} (broker ${HOST}:${brokerPort}), log ${logFile}`);
	const deadline = t0 + readyTimeoutMs;
	let editorLine = false;
	for (;;) {
		if (exited) {
			await instance.stop();
			throw new Error(
				`n8n exited before it was ready (code ${exited.code}, signal ${exited.signal}). Last log lines:\n${tail()}`,
			);
		}
		if (Date.now() > deadline) {
			await instance.stop();
			throw new Error(`n8n not ready after ${secs(readyTimeoutMs)}. Last log lines:\n${tail()}`);
		}
		if (timings.healthzMs === null && (await httpStatus(`${baseUrl}/healthz`)) === 200) {
			timings.healthzMs = Date.now() - t0;
		}
		if (!editorLine && buf.includes('Editor is now accessible via')) editorLine = true;
		if (editorLine && (await httpStatus(`${baseUrl}/healthz/readiness`)) === 200) {
			timings.readyMs = Date.now() - t0;
			break;
		}
		await sleep(150);
	}
	log(`n8n ready in ${secs(timings.readyMs)} (healthz after ${secs(timings.healthzMs ?? timings.readyMs)})`);
	return instance;
}

async function httpStatus(url, init) {
	try {
		const res = await fetch(url, { ...init, signal: AbortSignal.timeout(3000) });
		await res.arrayBuffer();
		return res.status;
	} catch {
		return 0;
	}
}

export class N8nHttpError extends Error {
	constructor(method, url, status, body) {
		const msg = typeof body === 'string' ? body : JSON.stringify(body);
		super(`${method} ${url} -> HTTP ${status}: ${msg?.slice(0, 2000)}`);
		this.name = 'N8nHttpError';
		this.status = status;
		this.body = body;
	}
}

/** REST (cookie) + public API (X-N8N-API-KEY) client for one n8n instance. */
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
		const r = await this.raw('GET', '/types/nodes.json');
		if (r.status !== 200) throw new N8nHttpError('GET', '/types/nodes.json', r.status, r.body);
		return r.body;
	}

	async credentialTypes() {
		const r = await this.raw('GET', '/types/credentials.json');
		if (r.status !== 200) throw new N8nHttpError('GET', '/types/credentials.json', r.status, r.body);
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
		return await this.api('GET', `/executions/${encodeURIComponent(id)}?includeData=${includeData}`);
	}

	/** GET /api/v1/executions?workflowId=&includeData= ; returns the `data` array (newest first). */
	async listExecutions({ workflowId, includeData = false, status, limit = 100 } = {}) {
		const q = new URLSearchParams({ includeData: String(includeData), limit: String(limit) });
		if (workflowId) q.set('workflowId', workflowId);
		if (status) q.set('status', status);
		return (await this.api('GET', `/executions?${q}`)).data;
	}

	/** Poll until the execution reached a final status (success|error|crashed|canceled; also `waiting` if
	 * waiting=true). Returns it with data. */
	async waitForExecution(id, { timeoutMs = 60_000, intervalMs = 150, waiting = false } = {}) {
		const end = Date.now() + timeoutMs;
		let last;
		while (Date.now() < end) {
			try {
				last = await this.getExecution(id);
				if (['success', 'error', 'crashed', 'canceled'].includes(last.status)) return last;
				if (waiting && last.status === 'waiting') return last;
			} catch (e) {
				if (!(e instanceof N8nHttpError && e.status === 404)) throw e;
			}
			await sleep(intervalMs);
		}
		throw new Error(`execution ${id} not finished after ${timeoutMs} ms (last status ${last?.status})`);
	}

	/** runWorkflow + waitForExecution. */
	async runWorkflowAndWait(id, opts = {}) {
		const r = await this.runWorkflow(id, opts);
		if (!r?.executionId) throw new Error(`workflow ${id} did not start an execution: ${JSON.stringify(r)}`);
		return await this.waitForExecution(r.executionId, opts);
	}

	/** Wait until n8n finds an execution for workflowId beyond those in `knownIds` (e.g. after a webhook POST). */
	async waitForNewExecution(workflowId, { knownIds = [], timeoutMs = 30_000 } = {}) {
		const end = Date.now() + timeoutMs;
		while (Date.now() < end) {
			const list = await this.listExecutions({ workflowId });
			const fresh = list.find((e) => !knownIds.includes(e.id));
			if (fresh) return await this.waitForExecution(fresh.id, { timeoutMs: end - Date.now() });
			await sleep(150);
		}
		throw new Error(`no new execution of workflow ${workflowId} within ${timeoutMs} ms`);
	}

	/** Poll OPTIONS /webhook/<path> (CORS pre-flight; side-effect free) until the webhook is registered. */
	async waitForWebhook(webhookPath, { method = 'POST', test = false, timeoutMs = 30_000 } = {}) {
		const url = `/${test ? 'webhook-test' : 'webhook'}/${webhookPath.replace(/^\//, '')}`;
		const end = Date.now() + timeoutMs;
		let last;
		while (Date.now() < end) {
			last = await this.raw('OPTIONS', url, {
				auth: 'none',
				headers: { origin: this.baseUrl, 'access-control-request-method': method },
			});
			if (last.status >= 200 && last.status < 300) return last;
			await sleep(150);
		}
		throw new Error(`webhook ${url} not registered after ${timeoutMs} ms (last: ${last?.status} ${JSON.stringify(last?.body)})`);
	}

	/** Build the common body of /rest/dynamic-node-parameters/* requests. */
	static dynamicBody({
		nodeType,
		typeVersion = 1,
		path: paramPath = 'parameters',
		currentNodeParameters = {},
		credentials,
		credential,
		methodName,
		...rest
	}) {
		if (!credentials && credential) credentials = { [credential.type]: { id: credential.id, name: credential.name } };
		const body = { path: paramPath, nodeTypeAndVersion: { name: nodeType, version: typeVersion }, currentNodeParameters };
		if (methodName) body.methodName = methodName;
		if (credentials) body.credentials = credentials;
		return { ...body, ...rest };
	}

	/** POST /rest/dynamic-node-parameters/options -> INodePropertyOptions[] (methods.loadOptions[methodName]). */
	async loadOptions(args) {
		return await this.rest('POST', '/dynamic-node-parameters/options', N8nClient.dynamicBody(args));
	}

	/** POST /rest/dynamic-node-parameters/resource-locator-results -> {results, paginationToken?} (methods.listSearch). */
	async listSearch({ filter, paginationToken, ...args }) {
		const body = N8nClient.dynamicBody(args);
		if (filter !== undefined) body.filter = filter;
		if (paginationToken !== undefined) body.paginationToken = paginationToken;
		return await this.rest('POST', '/dynamic-node-parameters/resource-locator-results', body);
	}

	/** POST /rest/dynamic-node-parameters/resource-mapper-fields -> {fields} (methods.resourceMapping). */
	async resourceMapperFields(args) {
		return await this.rest('POST', '/dynamic-node-parameters/resource-mapper-fields', N8nClient.dynamicBody(args));
	}
}

// ----- execution result helpers -----

/** runData entries of a node in an execution fetched with includeData. */
export function nodeRuns(execution, nodeName) {
	return execution?.data?.resultData?.runData?.[nodeName] ?? [];
}

/** json of the items a node output (run runIndex, output outputIndex). */
export function nodeJson(execution, nodeName, { runIndex = 0, outputIndex = 0 } = {}) {
	const run = nodeRuns(execution, nodeName)[runIndex];
	return (run?.data?.main?.[outputIndex] ?? []).map((i) => i.json);
}

/** The node error of a run ({message, description, httpCode, ...}) or the execution-level error. */
export function executionError(execution, nodeName) {
	if (nodeName) return nodeRuns(execution, nodeName).find((r) => r.error)?.error ?? null;
	return execution?.data?.resultData?.error ?? null;
}

// ----- one-call setup -----

/**
 * ensureN8n -> pack (build) -> throwaway user folder with the tarball in .n8n/nodes -> start -> owner + API key.
 * @param {object} [o]
 * @param {string} [o.pkgDir]              package to load (default: env N8N_E2E_PKG_DIR or this repo)
 * @param {boolean} [o.build=true]          run `npm run build` before packing
 * @param {string} [o.tarball]              use this .tgz instead of packing
 * @param {boolean} [o.keep]                keep the user folder after stop (default: env N8N_E2E_KEEP)
 * @param {object} [o.env]                  extra env for n8n
 * @param {number} [o.port]                fixed HTTP port (default: a free one)
 * @param {boolean} [o.verify=true]         fail unless all of the package's nodes were loaded (verifyPackageLoaded)
 * @returns {Promise<{n8n: object, client: N8nClient, tarball: string, userFolder: string, packageName: string,
 *                    nodeTypes: string[], timings: object, stop: Function}>}
 */
export async function launch({
	pkgDir = process.env.N8N_E2E_PKG_DIR || REPO_ROOT,
	build = true,
	tarball,
	keep = !!process.env.N8N_E2E_KEEP,
	env,
	owner = DEFAULT_OWNER,
	echo,
	verify = true,
	port,
	log = defaultLog,
} = {}) {
	const timings = {};
	let t = Date.now();
	await ensureN8n({ log: (m) => log(`install: ${m}`) });
	timings.ensureMs = Date.now() - t;

	let packed = null;
	if (!tarball) {
		packed = await packPackage({ pkgDir, build, log });
		tarball = packed.tarball;
		timings.packMs = packed.ms;
	}
	const dropPack = async () => {
		if (packed) await fsp.rm(packed.outDir, { recursive: true, force: true });
	};
	t = Date.now();
	let userFolder;
	let n8n;
	try {
		userFolder = await createUserFolder({ tarball, log });
		n8n = await startN8n({ userFolder, env, echo, port, log });
	} catch (e) {
		await dropPack();
		if (userFolder) log(`n8n did not start; user folder and log kept in ${userFolder}`);
		throw e;
	}
	const installed = createUserFolder.last;
	timings.installTarballMs = installed?.ms;
	timings.startMs = n8n.timings.readyMs;
	try {
		t = Date.now();
		const client = new N8nClient(n8n.baseUrl);
		await client.setupOwner(owner);
		await client.createApiKey({ label: 'e2e' });
		timings.ownerAndKeyMs = Date.now() - t;
		const nodeTypes = verify ? await verifyPackageLoaded(client, { ...installed, n8n }) : [];
		if (verify) log(`package ${installed.name} loaded: ${nodeTypes.join(', ')}`);
		const stop = async () => {
			await n8n.stop({ removeUserFolder: !keep });
			if (!keep) await dropPack();
			if (keep) log(`kept user folder ${userFolder} (log ${n8n.logFile})`);
		};
		return { n8n, client, tarball, userFolder, packageName: installed.name, nodeTypes, timings, stop };
	} catch (e) {
		log(`setup failed; n8n log kept: ${n8n.logFile}`);
		await n8n.stop();
		await dropPack();
		throw e;
	}
}

/** Synchronous `n8n --version` of the cached install (null if missing). */
export function n8nVersion(n8nDir = n8nCacheDir()) {
	const r = spawnSync(n8nBin(n8nDir), ['--version'], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}
