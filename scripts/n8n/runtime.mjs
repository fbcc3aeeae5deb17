// A REAL n8n (2.8.4, see install.mjs) with this community package loaded, driven over REST: the entry point for
// `npm run demo`, `npm run test:e2e`, serve.mjs and selftest.mjs. Plain Node ESM, no dependencies; 127.0.0.1 only.
//
//   import { launch, nodeJson } from './scripts/n8n/runtime.mjs';
//   const { n8n, client, stop } = await launch();          // install (cached) + build + pack + start + owner + API key
//   const cred = await client.createCredential({ name: 'CAMS', type: 'alibabaCloudChatAppApi', data: {...} });
//   const wf = await client.createWorkflow({ name: 'x', nodes: [...], connections: {...} });
//   const exec = await client.runWorkflowAndWait(wf.id);
//   nodeJson(exec, 'Alibaba Cloud ChatApp');
//   await stop();
//
// The pieces, re-exported here: package.mjs (build, pack, user folder), env.mjs (ports, env), process.mjs (start,
// readiness, logs, stop), memory.mjs, client.mjs (REST / public API; verified routes and how n8n tests
// credentials), node-parameters.mjs, executions.mjs (waits, results); common.mjs holds shared small helpers.
import fsp from 'node:fs/promises';

import { defaultLog, REPO_ROOT } from './common.mjs';
import { DEFAULT_OWNER, N8nClient } from './client.mjs';
import { ensureN8n } from './install.mjs';
import { createUserFolder, packPackage, verifyPackageLoaded } from './package.mjs';
import { startN8n } from './process.mjs';

export { DEFAULT_OWNER, N8nClient, N8nHttpError } from './client.mjs';
export { REPO_ROOT } from './common.mjs';
export { freePort, HOST, n8nEnv, portFree } from './env.mjs';
export { executionError, nodeJson, nodeRuns } from './executions.mjs';
export { ensureN8n, installedVersion as n8nVersion, N8N_VERSION, n8nCacheDir } from './install.mjs';
export { createUserFolder, installTarball, packPackage, verifyPackageLoaded } from './package.mjs';
export { startN8n } from './process.mjs';

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
		return {
			n8n,
			client,
			tarball,
			userFolder,
			packageName: installed.name,
			nodeTypes,
			timings,
			stop,
		};
	} catch (e) {
		log(`setup failed; n8n log kept: ${n8n.logFile}`);
		await n8n.stop();
		await dropPack();
		throw e;
	}
}
