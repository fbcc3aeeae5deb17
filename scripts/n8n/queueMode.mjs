// n8n 2.8.4 in queue mode on loopback, the way users scale out: Postgres + Redis (services.mjs), one main
// (`n8n start`: editor, REST, activation, triggers), N workers (`n8n worker`: executions) and one webhook
// processor (`n8n webhook`: production webhooks), every one with the packed package in its own user folder and
// one shared encryption key. Start order and readiness follow what n8n needs: main alone first (it runs the DB
// migrations, which take no lock), the others once main is ready.
//
//   const qm = await launchQueueMode({ workers: 2 });
//   qm.client (REST/public API on main), qm.webhookUrl (production webhooks), qm.main / qm.workers / qm.webhook
//   await qm.stop();   // every process group, Postgres, Redis, user folders; also on a failed start
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { DEFAULT_OWNER, N8nClient } from './client.mjs';
import { defaultLog, REPO_ROOT } from './common.mjs';
import { freePort, HOST } from './env.mjs';
import { ensureN8n } from './install.mjs';
import { createUserFolder, packPackage, verifyPackageLoaded } from './package.mjs';
import { httpStatus, startN8n } from './process.mjs';
import { startQueueServices } from './services.mjs';

const PACKAGE_LOADED = /Loaded all credentials and nodes from (\S+)/;

/** A user folder holding a copy of the main folder's installed community packages (.n8n/nodes). */
async function cloneNodesFolder(mainFolder) {
	const folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-user-'));
	await fsp.cp(path.join(mainFolder, '.n8n', 'nodes'), path.join(folder, '.n8n', 'nodes'), {
		recursive: true,
	});
	return folder;
}

/** Workers and the webhook processor have no REST API: their debug log names the packages they loaded. */
function assertLoaded(instance, packageName) {
	const loaded = [...instance.logs().matchAll(new RegExp(PACKAGE_LOADED, 'g'))].map((m) => m[1]);
	if (!loaded.includes(packageName))
		throw new Error(
			`${packageName} was not loaded by ${instance.role} (${instance.logFile}); n8n would fail its jobs with "Unrecognized node type"`,
		);
}

/**
 * @param {object} [o]
 * @param {number} [o.workers=2]
 * @param {number} [o.concurrency=10]   per worker
 * @param {object} [o.env]              extra env for every n8n process
 * @param {boolean} [o.build=true]
 * @param {string} [o.tarball]
 */
export async function launchQueueMode({
	workers = 2,
	concurrency = 10,
	env = {},
	build = true,
	tarball,
	owner = DEFAULT_OWNER,
	log = defaultLog,
} = {}) {
	await ensureN8n({ log: (m) => log(`install: ${m}`) });
	const cleanups = [];
	const started = [];
	const stop = async () => {
		for (const instance of started.reverse()) await instance.stop({ removeUserFolder: true });
		started.length = 0;
		for (const cleanup of cleanups.reverse()) await cleanup();
		cleanups.length = 0;
	};
	try {
		if (!tarball) {
			const packed = await packPackage({ pkgDir: REPO_ROOT, build, log });
			tarball = packed.tarball;
			cleanups.push(() => fsp.rm(packed.outDir, { recursive: true, force: true }));
		}
		const services = await startQueueServices({ log });
		cleanups.push(services.stop);

		const mainFolder = await createUserFolder({ tarball, log });
		const installed = createUserFolder.last;
		const webhookPort = await freePort();
		const webhookUrl = `http://${HOST}:${webhookPort}`;
		const common = {
			...services.env,
			EXECUTIONS_MODE: 'queue',
			WEBHOOK_URL: `${webhookUrl}/`,
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_LOG_LEVEL: 'debug',
			...env,
		};
		const role = (instance, name) => Object.assign(instance, { role: name });

		const main = role(await startN8n({ userFolder: mainFolder, env: common, log }), 'main');
		started.push(main);
		const others = [];
		for (let i = 1; i <= workers; i++) {
			const healthPort = await freePort();
			others.push(
				cloneNodesFolder(mainFolder).then(async (userFolder) =>
					role(
						await startN8n({
							command: 'worker',
							args: [`--concurrency=${concurrency}`],
							userFolder,
							port: healthPort,
							env: {
								...common,
								QUEUE_HEALTH_CHECK_ACTIVE: 'true',
								QUEUE_HEALTH_CHECK_PORT: String(healthPort),
								N8N_WORKER_SERVER_ADDRESS: HOST,
							},
							ready: async (w) => (await httpStatus(`${w.baseUrl}/healthz/readiness`)) === 200,
							log,
						}),
						`worker ${i}`,
					),
				),
			);
		}
		others.push(
			cloneNodesFolder(mainFolder).then(async (userFolder) =>
				role(
					await startN8n({
						command: 'webhook',
						userFolder,
						port: webhookPort,
						env: common,
						// /healthz/readiness answers before the webhook routes exist; this line comes after.
						ready: (w) => w.logs().includes('Webhook listener waiting for requests.'),
						log,
					}),
					'webhook processor',
				),
			),
		);
		const results = await Promise.allSettled(others);
		for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
		const failed = results.find((r) => r.status === 'rejected');
		if (failed) throw failed.reason;

		const client = new N8nClient(main.baseUrl);
		await client.setupOwner(owner);
		await client.createApiKey({ label: 'queue-mode' });
		await verifyPackageLoaded(client, { ...installed, n8n: main });
		const workerInstances = started.filter((s) => s.role.startsWith('worker'));
		const webhook = started.find((s) => s.role === 'webhook processor');
		for (const instance of [...workerInstances, webhook]) assertLoaded(instance, installed.name);
		log(`queue mode ready: main ${main.baseUrl}, webhooks ${webhookUrl}, ${workers} workers`);
		return {
			main,
			workers: workerInstances,
			webhook,
			webhookUrl,
			client,
			services,
			packageName: installed.name,
			stop,
		};
	} catch (e) {
		log(`queue mode did not start: ${e.message}`);
		await stop();
		throw e;
	}
}
