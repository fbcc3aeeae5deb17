// `n8n start` for a user folder: free loopback ports, a captured log, readiness, memory and stop.
// n8n runs in its own process group, so stop() also ends its task-runner children; an exit/SIGINT/SIGTERM hook
// kills leftovers if the caller dies.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

import { defaultLog, poll, secs, sleep } from './common.mjs';
import { freePort, HOST, n8nEnv } from './env.mjs';
import { N8N_VERSION, n8nBin, n8nCacheDir } from './install.mjs';
import { processTreeMemory } from './memory.mjs';

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

/**
 * Start `n8n start` (or another n8n command: `worker`, `webhook`) for userFolder on free loopback ports and wait
 * until it is really ready. For `n8n start` that is the log line "Editor is now accessible via" (printed after
 * active workflows are registered) and GET /healthz/readiness == 200; other commands pass their own `ready`
 * check, `(instance) => boolean | Promise<boolean>`.
 * @returns {Promise<N8nInstance>}
 */
export async function startN8n({
	command = 'start',
	args = [],
	ready,
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
	if (!fs.existsSync(bin))
		throw new Error(`n8n is not installed in ${n8nDir}; run scripts/n8n/install.mjs`);

	installExitHooks();
	const logStream = fs.createWriteStream(logFile, { flags: 'a' });
	const t0 = Date.now();
	const child = spawn(bin, [command, ...args], {
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
			const rx =
				typeof re === 'string' ? new RegExp(re.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : re;
			const check = () => {
				const m = rx.exec(buf.slice(since));
				if (m) return m;
				if (exited) throw new Error(`n8n exited while waiting for ${rx}`);
			};
			return await poll(check, {
				timeoutMs,
				intervalMs: 100,
				onTimeout: () => new Error(`timeout waiting for log ${rx}`),
			});
		},
		/** RSS of the main process and all its descendants (task runner...), MB; hwm = peak */
		memory: () => processTreeMemory(child.pid),
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

	log(
		`starting n8n ${N8N_VERSION} ${command} on ${baseUrl} (broker ${HOST}:${brokerPort}), log ${logFile}`,
	);
	const deadline = t0 + readyTimeoutMs;
	const editorReady = async () =>
		buf.includes('Editor is now accessible via') &&
		(await httpStatus(`${baseUrl}/healthz/readiness`)) === 200;
	const isReady = ready ?? editorReady;
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
		if (await isReady(instance)) {
			timings.readyMs = Date.now() - t0;
			break;
		}
		await sleep(150);
	}
	log(
		`n8n ${command} ready in ${secs(timings.readyMs)} (healthz after ${secs(timings.healthzMs ?? timings.readyMs)})`,
	);
	return instance;
}

/** HTTP status of a GET (0 when there is no answer within 3 s). */
export async function httpStatus(url, init) {
	try {
		const res = await fetch(url, { ...init, signal: AbortSignal.timeout(3000) });
		await res.arrayBuffer();
		return res.status;
	} catch {
		return 0;
	}
}
