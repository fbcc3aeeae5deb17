// Postgres and Redis for n8n's queue mode, as plain child processes on free loopback ports with their data in a
// throwaway folder. Installed from Debian's packages when missing (apt-get; CI runs as root). No system service
// is used or started; stop() ends both and removes the folder, and an exit hook kills them if the caller dies.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { defaultLog, poll } from './common.mjs';
import { freePort, HOST } from './env.mjs';

export const DB = Object.freeze({ name: 'n8n', user: 'n8n', password: 'n8n' });

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function postgresBin() {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return null;
	const versions = fs
		.readdirSync(base)
		.filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
		.sort((a, b) => Number(a) - Number(b));
	return versions.length ? path.join(base, versions.at(-1), 'bin') : null;
}

/** apt-get installs what is missing (postgresql, redis-server); needs root, as on CI and the dev machines. */
export function ensureServicePackages({ log = defaultLog } = {}) {
	const missing = [];
	if (!postgresBin()) missing.push('postgresql');
	if (!has('redis-server')) missing.push('redis-server');
	if (!missing.length) return;
	log(`installing ${missing.join(' ')} from Debian's packages (apt-get)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
		const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
		if (r.status !== 0)
			throw new Error(`apt-get ${args.join(' ')} failed (root needed): ${r.stderr?.toString()}`);
	}
	if (!postgresBin() || !has('redis-server'))
		throw new Error('postgresql / redis-server still missing after apt-get');
}

const live = new Set();
let hooked = false;
function hookExit() {
	if (hooked) return;
	hooked = true;
	process.on('exit', () => {
		// Each service runs detached in its own group (runuser and its postgres together).
		for (const pid of live) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {}
		}
	});
}

function spawnService(cmd, args, logFile) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { stdio: ['ignore', out, out], detached: true });
	fs.closeSync(out);
	live.add(child.pid);
	hookExit();
	const exited = new Promise((resolve) =>
		child.on('exit', () => {
			live.delete(child.pid);
			resolve();
		}),
	);
	return { child, exited };
}

/** Resolves true when `exited` settles within ms, false otherwise; the timer never holds the process open. */
function exitsWithin(exited, ms) {
	let timer;
	const timeout = new Promise((resolve) => {
		timer = setTimeout(() => resolve(false), ms);
		timer.unref();
	});
	return Promise.race([exited.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

async function stopProcess(pid, exited, signal, log) {
	try {
		process.kill(pid, signal);
	} catch {
		return;
	}
	if (!(await exitsWithin(exited, 15_000))) {
		log(`pid ${pid} did not stop on ${signal}; SIGKILL`);
		try {
			process.kill(pid, 'SIGKILL');
		} catch {}
	}
}

/**
 * Starts Redis and Postgres (with a database `n8n`, superuser `n8n`, trust auth) in a temp folder.
 * @returns {Promise<{redisPort: number, pgPort: number, dir: string, env: object, stop: Function}>}
 */
export async function startQueueServices({ log = defaultLog } = {}) {
	ensureServicePackages({ log });
	const pgBin = postgresBin();
	// Postgres runs as the `postgres` OS user, so the folder and its parents must be traversable by it.
	const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-queue-services-'));
	await fsp.chmod(dir, 0o755);
	const redisPort = await freePort();
	let pgPort = await freePort();
	while (pgPort === redisPort) pgPort = await freePort();

	await fsp.mkdir(path.join(dir, 'redis'));
	const redis = spawnService(
		'redis-server',
		[
			'--port',
			String(redisPort),
			'--bind',
			HOST,
			'--dir',
			path.join(dir, 'redis'),
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
		],
		path.join(dir, 'redis.log'),
	);

	const pgData = path.join(dir, 'pg');
	await fsp.mkdir(pgData, { mode: 0o700 });
	spawnSync('chown', ['postgres:postgres', pgData]);
	const initdb = spawnSync(
		'runuser',
		[
			'-u',
			'postgres',
			'--',
			path.join(pgBin, 'initdb'),
			'-D',
			pgData,
			'--auth=trust',
			`--username=${DB.user}`,
			'--encoding=UTF8',
			'--locale=C.UTF-8',
		],
		{ encoding: 'utf8' },
	);
	if (initdb.status !== 0) throw new Error(`initdb failed: ${initdb.stderr}`);
	const postgres = spawnService(
		'runuser',
		[
			'-u',
			'postgres',
			'--',
			path.join(pgBin, 'postgres'),
			'-D',
			pgData,
			'-p',
			String(pgPort),
			'-c',
			`listen_addresses=${HOST}`,
			'-c',
			`unix_socket_directories=${pgData}`,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		path.join(dir, 'postgres.log'),
	);
	const pgReady = () =>
		spawnSync(
			path.join(pgBin, 'pg_isready'),
			['-q', '-h', HOST, '-p', String(pgPort), '-U', DB.user, '-d', 'postgres'],
			{ stdio: 'ignore' },
		).status === 0 || undefined;
	const redisReady = () =>
		spawnSync('redis-cli', ['-h', HOST, '-p', String(redisPort), 'ping'], {
			encoding: 'utf8',
		}).stdout?.trim() === 'PONG' || undefined;

	const stop = async () => {
		// The real postmaster pid (runuser's child) gets SIGINT: Postgres' fast shutdown.
		const pidFile = path.join(pgData, 'postmaster.pid');
		const postmaster = fs.existsSync(pidFile)
			? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
			: null;
		// runuser exits with it; SIGKILL both if Postgres does not stop in time.
		if (postmaster) await stopProcess(postmaster, postgres.exited, 'SIGINT', log);
		else await stopProcess(postgres.child.pid, postgres.exited, 'SIGTERM', log);
		if (!(await exitsWithin(postgres.exited, 5_000))) {
			try {
				process.kill(postgres.child.pid, 'SIGKILL');
			} catch {}
		}
		await stopProcess(redis.child.pid, redis.exited, 'SIGTERM', log);
		await fsp.rm(dir, { recursive: true, force: true });
	};

	try {
		await poll(redisReady, {
			timeoutMs: 20_000,
			onTimeout: () => new Error('redis did not answer PING'),
		});
		await poll(pgReady, { timeoutMs: 30_000, onTimeout: () => new Error('postgres not ready') });
		const createdb = spawnSync(
			path.join(pgBin, 'createdb'),
			['-h', HOST, '-p', String(pgPort), '-U', DB.user, DB.name],
			{ encoding: 'utf8' },
		);
		if (createdb.status !== 0) throw new Error(`createdb failed: ${createdb.stderr}`);
	} catch (e) {
		await stop();
		throw e;
	}
	log(`postgres on ${HOST}:${pgPort}, redis on ${HOST}:${redisPort} (data in ${dir})`);
	const env = {
		QUEUE_BULL_REDIS_HOST: HOST,
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: HOST,
		DB_POSTGRESDB_PORT: String(pgPort),
		DB_POSTGRESDB_DATABASE: DB.name,
		DB_POSTGRESDB_USER: DB.user,
		DB_POSTGRESDB_PASSWORD: DB.password,
	};
	return { redisPort, pgPort, dir, env, stop };
}
