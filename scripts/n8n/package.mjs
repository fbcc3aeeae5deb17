// The package under test, as n8n sees it: `npm run build` + `npm pack`, a throwaway N8N_USER_FOLDER with the
// tarball installed into .n8n/nodes the way n8n installs community packages, and the check that n8n loaded it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { defaultLog, REPO_ROOT, secs } from './common.mjs';
import { npmEnv } from './install.mjs';

/** Runs cmd and collects its output; `quiet` shows that output only when the command fails. */
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

/**
 * `npm run build` (optional) + `npm pack` of the package into a fresh temp dir.
 * @returns {Promise<{tarball: string, name: string, version: string, outDir: string, ms: number}>}
 */
export async function packPackage({
	pkgDir = REPO_ROOT,
	build = true,
	outDir,
	log = defaultLog,
	quiet = true,
} = {}) {
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
	log(
		`packed ${info.name}@${info.version} -> ${tarball} (${info.entryCount} files) in ${secs(Date.now() - t0)}`,
	);
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
		await fsp.writeFile(
			pj,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
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
	const name =
		Object.keys(deps).find((k) => String(deps[k]).includes(path.basename(tarball))) ??
		Object.keys(deps)[0];
	const pkgJson = JSON.parse(
		await fsp.readFile(path.join(nodesDir, 'node_modules', name, 'package.json'), 'utf8'),
	);
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
	const types = (await client.nodeTypes())
		.map((d) => d.name)
		.filter((t) => t.startsWith(`${name}.`));
	const expected = packageJson?.n8n?.nodes?.length ?? 1;
	const plain = types.filter((t) => !t.endsWith('Tool'));
	if (plain.length < expected) {
		const lines = (n8n?.logs() ?? '')
			.split('\n')
			.filter(
				(l) => l.includes(name) || /Cannot find module|Error loading|SyntaxError|TypeError/.test(l),
			)
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
