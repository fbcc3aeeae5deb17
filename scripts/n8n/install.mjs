#!/usr/bin/env node
// Installs a pinned, real n8n into a cache folder OUTSIDE the git tree and reuses it afterwards.
//
//   node scripts/n8n/install.mjs            # install if needed, print where it is
//   node scripts/n8n/install.mjs --force    # wipe and reinstall
//   node scripts/n8n/install.mjs --print-dir
//
// Env:
//   N8N_E2E_CACHE          the install folder itself (default ~/.cache/n8n-nodes-alibabacloud-chatapp/n8n-<version>)
//   N8N_E2E_NPM_LOGLEVEL   npm --loglevel for the install (default "notice"; "http" shows every fetch)
//
// Plain Node ESM, no dependencies. Notes (see shared reference n8n-runtime.md):
// * n8n@2.8.4 is the newest n8n that runs on Node 20.
// * n8n-nodes-base depends on an xlsx tarball on a CDN that is not reachable here -> override xlsx to 0.18.5.
// * sqlite3 has no reachable prebuilt binary, so it compiles from source; node-gyp must use the local headers
//   (/usr/include/node) instead of downloading them: we pass npm_config_nodedir=/usr when they exist.
// * A marker file is written only after a verified install; without it the folder is treated as
//   half-finished and wiped. A lock folder keeps two concurrent callers from installing at the same time.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.8.4';
export const XLSX_OVERRIDE = '0.18.5';
const MARKER = '.n8n-e2e-install.json';

export function n8nCacheDir() {
	if (process.env.N8N_E2E_CACHE) return path.resolve(process.env.N8N_E2E_CACHE);
	return path.join(os.homedir(), '.cache', 'n8n-nodes-alibabacloud-chatapp', `n8n-${N8N_VERSION}`);
}

export function n8nBin(dir = n8nCacheDir()) {
	return path.join(dir, 'node_modules', '.bin', 'n8n');
}

const fmt = (ms) => {
	const s = ms / 1000;
	return s < 60
		? `${s.toFixed(1)}s`
		: `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
};

function defaultLog(msg) {
	process.stderr.write(`[n8n-install] ${msg}\n`);
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

/** `n8n --version` of the install in dir, or null. */
export function installedVersion(dir = n8nCacheDir()) {
	const bin = n8nBin(dir);
	if (!fs.existsSync(bin)) return null;
	const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
	if (r.status !== 0) return null;
	return r.stdout.trim().split('\n').pop().trim();
}

/** Can the n8n install in dir load its native sqlite3 binding with this Node? */
function sqliteLoads(dir) {
	const r = spawnSync(process.execPath, ['-e', "require('sqlite3')"], {
		cwd: dir,
		encoding: 'utf8',
		timeout: 60_000,
	});
	return r.status === 0;
}

/** Env for npm so that native modules build offline against the local Node headers. */
export function npmEnv(base = process.env) {
	const env = { ...base };
	const nodedirSet = Object.keys(env).some((k) => k.toLowerCase() === 'npm_config_nodedir');
	if (!nodedirSet) {
		const header = '/usr/include/node/node_version.h';
		if (fs.existsSync(header)) {
			const m = /#define NODE_MAJOR_VERSION (\d+)/.exec(fs.readFileSync(header, 'utf8'));
			if (m && m[1] === process.versions.node.split('.')[0]) env.npm_config_nodedir = '/usr';
		}
	}
	// ~/.npmrc may say yes=false; nothing here should need npx, but never prompt.
	env.npm_config_yes = 'true';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	env.npm_config_update_notifier = 'false';
	return env;
}

// npm reacts to SIGINT/SIGTERM by rolling back (deleting what it installed), which can take a while. If we died
// right away, a re-run would wipe/install while the old npm still deletes files. So: forward the signal, wait for
// npm to finish, release the lock, then exit. The npm pid is also recorded in the lock (see withLock) for the
// case where this process is SIGKILLed.
let currentLock = null;
function run(cmd, args, opts, log) {
	return new Promise((resolve, reject) => {
		log(`$ ${cmd} ${args.join(' ')}   (in ${opts.cwd})`);
		const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
		if (currentLock && child.pid)
			fs.writeFileSync(path.join(currentLock, 'child-pid'), String(child.pid));
		const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
		const onSignal = (sig) => {
			log(`${sig}: waiting for ${cmd} to stop (npm rolls back a partial install)...`);
			try {
				child.kill(sig);
			} catch {}
			child.once('exit', () => {
				if (currentLock) fs.rmSync(currentLock, { recursive: true, force: true });
				process.exit(128 + (os.constants.signals[sig] ?? 1));
			});
		};
		for (const sig of signals) process.on(sig, onSignal);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			for (const sig of signals) process.off(sig, onSignal);
			code === 0
				? resolve()
				: reject(new Error(`${cmd} ${args.join(' ')} failed: ${signal ?? `exit ${code}`}`));
		});
	});
}

/** Top-level packages already extracted (their package.json exists) -- a cheap progress indicator. */
function countPackages(dir) {
	const nm = path.join(dir, 'node_modules');
	let n = 0;
	const has = (p) => fs.existsSync(path.join(p, 'package.json'));
	try {
		for (const e of fs.readdirSync(nm)) {
			if (e.startsWith('.')) continue;
			if (e.startsWith('@')) {
				try {
					for (const s of fs.readdirSync(path.join(nm, e))) if (has(path.join(nm, e, s))) n++;
				} catch {}
			} else if (has(path.join(nm, e))) n++;
		}
	} catch {}
	return n;
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

async function withLock(dir, log, fn) {
	const lock = `${dir}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			const readPid = (f) => {
				try {
					return Number(fs.readFileSync(path.join(lock, f), 'utf8'));
				} catch {
					return NaN;
				}
			};
			const owner = readPid('pid');
			const npmPid = readPid('child-pid');
			const ownerDead = Number.isInteger(owner) && owner > 0 && !pidAlive(owner);
			const npmDead = !(Number.isInteger(npmPid) && npmPid > 0 && pidAlive(npmPid));
			if (ownerDead && npmDead) {
				log(`removing stale lock of dead pid ${owner}`);
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!announced) {
				log(`another process (pid ${owner || '?'}) is installing n8n into ${dir}; waiting...`);
				announced = true;
			}
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	currentLock = lock;
	try {
		return await fn();
	} finally {
		currentLock = null;
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * Make sure n8n@N8N_VERSION is installed in the cache folder.
 * @returns {Promise<{dir: string, bin: string, version: string, installed: boolean, ms: number}>}
 */
export async function ensureN8n({ force = false, log = defaultLog } = {}) {
	const dir = n8nCacheDir();
	const t0 = Date.now();

	const fastOk = () => {
		const marker = readMarker(dir);
		return marker && marker.version === N8N_VERSION && installedVersion(dir) === N8N_VERSION;
	};
	if (!force && fastOk() && readMarker(dir).modules === process.versions.modules) {
		log(`n8n ${N8N_VERSION} found in ${dir} (checked in ${fmt(Date.now() - t0)})`);
		return { dir, bin: n8nBin(dir), version: N8N_VERSION, installed: false, ms: Date.now() - t0 };
	}

	return withLock(dir, log, async () => {
		// Somebody else may have finished while we waited for the lock.
		if (!force && fastOk()) {
			const marker = readMarker(dir);
			if (marker.modules !== process.versions.modules || !sqliteLoads(dir)) {
				log(
					`Node ABI changed (${marker.modules} -> ${process.versions.modules}); rebuilding sqlite3`,
				);
				const t = Date.now();
				await run('npm', ['rebuild', 'sqlite3'], { cwd: dir, env: npmEnv() }, log);
				if (!sqliteLoads(dir)) throw new Error('sqlite3 still does not load after npm rebuild');
				writeMarker(dir, Date.now() - t);
				log(`sqlite3 rebuilt in ${fmt(Date.now() - t)}`);
			} else {
				log(`n8n ${N8N_VERSION} found in ${dir}`);
			}
			return { dir, bin: n8nBin(dir), version: N8N_VERSION, installed: false, ms: Date.now() - t0 };
		}

		if (fs.existsSync(dir)) {
			log(`${force ? 'forced reinstall' : 'no complete install marker'}: wiping ${dir}`);
			const t = Date.now();
			fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
			log(`wiped in ${fmt(Date.now() - t)}`);
		}
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify(
				{
					name: 'n8n-e2e-host',
					private: true,
					description:
						'Throwaway host for a real n8n used by n8n-nodes-alibabacloud-chatapp demo/e2e',
					dependencies: { n8n: N8N_VERSION },
					overrides: { xlsx: XLSX_OVERRIDE },
				},
				null,
				2,
			) + '\n',
		);

		const env = npmEnv();
		log(
			`installing n8n@${N8N_VERSION} into ${dir} (cold: ~8 min, ~2.3 GB; sqlite3 compiles from source` +
				`${env.npm_config_nodedir ? `, nodedir=${env.npm_config_nodedir}` : ', NO local node headers found!'})`,
		);
		const tInstall = Date.now();
		const ticker = setInterval(() => {
			const building = fs.existsSync(path.join(dir, 'node_modules', 'sqlite3', 'build'))
				? ', sqlite3 build started'
				: '';
			log(
				`... ${fmt(Date.now() - tInstall)} elapsed, ${countPackages(dir)} of ~1300 top-level packages extracted${building}`,
			);
		}, 30_000);
		try {
			await run(
				'npm',
				[
					'install',
					'--prefer-offline',
					'--no-audit',
					'--no-fund',
					`--loglevel=${process.env.N8N_E2E_NPM_LOGLEVEL || 'notice'}`,
				],
				{ cwd: dir, env },
				log,
			);
		} finally {
			clearInterval(ticker);
		}
		const installMs = Date.now() - tInstall;
		log(`npm install finished in ${fmt(installMs)}`);

		if (!sqliteLoads(dir)) {
			log('sqlite3 native binding does not load; running npm rebuild sqlite3');
			await run('npm', ['rebuild', 'sqlite3'], { cwd: dir, env }, log);
			if (!sqliteLoads(dir)) throw new Error('sqlite3 native binding does not load after rebuild');
		}
		const v = installedVersion(dir);
		if (v !== N8N_VERSION)
			throw new Error(`installed n8n reports version ${v}, expected ${N8N_VERSION}`);
		writeMarker(dir, installMs);
		log(`n8n ${N8N_VERSION} ready in ${dir}; total ${fmt(Date.now() - t0)}`);
		return { dir, bin: n8nBin(dir), version: N8N_VERSION, installed: true, ms: Date.now() - t0 };
	});
}

function writeMarker(dir, installMs) {
	fs.writeFileSync(
		path.join(dir, MARKER),
		JSON.stringify(
			{
				version: N8N_VERSION,
				node: process.version,
				modules: process.versions.modules,
				installMs,
				at: new Date().toISOString(),
			},
			null,
			2,
		) + '\n',
	);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	if (args.includes('--print-dir')) {
		console.log(n8nCacheDir());
	} else {
		ensureN8n({ force: args.includes('--force') }).then(
			(r) => console.log(r.dir),
			(err) => {
				defaultLog(`FAILED: ${err.message}`);
				process.exit(1);
			},
		);
	}
}
