// This package's pieces on top of runtime.mjs, shared by `npm run demo` (scripts/demo.mjs) and `npm run test:e2e`:
// the local CAMS emulator (test/emulator, loaded through ts-node), a credential pointing at it, and the example
// workflows of examples/*.json imported into a running n8n (credential placeholders replaced, fresh node and
// webhook IDs, activated when they have a trigger).
//
//   const { emulator, keys } = await startCamsEmulator({ port: 8090 });
//   const credential = await createEmulatorCredential(client, emulator.url);
//   const workflows = await installExamples(client, { credential });   // {key: {id, name, active, urls, ...}}
//
// Example files reference the credential as
//   "credentials": {"alibabaCloudChatAppApi": {"id": "REPLACE_WITH_CREDENTIAL_ID", "name": "Alibaba Cloud Chat App account"}}
// and prepareWorkflow() swaps in the real {id, name}. Imported unchanged (editor: "Import from File"), n8n replaces
// the unknown id by the credential of the same name, which is n8n's default name for a new credential of this type;
// otherwise the node asks you to choose one.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './runtime.mjs';
import { requireTs } from './ts.mjs';

export const PACKAGE_NAME = 'n8n-nodes-alibabacloud-chatapp';
export const ACTION_TYPE = `${PACKAGE_NAME}.alibabaCloudChatApp`;
export const TRIGGER_TYPE = `${PACKAGE_NAME}.alibabaCloudChatAppTrigger`;
export const CREDENTIAL_TYPE = 'alibabaCloudChatAppApi';
export const CREDENTIAL_PLACEHOLDER_ID = 'REPLACE_WITH_CREDENTIAL_ID';
/** n8n's default name for a new credential of this type; n8n links an unknown credential id by this name. */
export const CREDENTIAL_DEFAULT_NAME = 'Alibaba Cloud Chat App account';
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

const WEBHOOK_TYPE = 'n8n-nodes-base.webhook';
const ACTIVATING_TYPES = new Set([WEBHOOK_TYPE, TRIGGER_TYPE]);

/** The emulator module (test/emulator/index.ts): startEmulator, EMULATOR_KEYS, SEED_* ... */
export function emulatorModule() {
	return requireTs('test/emulator/index.ts');
}

/**
 * Starts the CAMS emulator in this process on 127.0.0.1 (`port` 0 = a free one).
 * @returns {Promise<{emulator: object, keys: object, seed: {channels, numbers, templates}, module: object}>}
 */
export async function startCamsEmulator({ port = 0, log = false, ...options } = {}) {
	const mod = emulatorModule();
	const emulator = await mod.startEmulator({ port, log, ...options });
	return {
		emulator,
		keys: mod.EMULATOR_KEYS,
		seed: { channels: mod.SEED_CHANNELS, numbers: mod.SEED_NUMBERS, templates: mod.SEED_TEMPLATES },
		module: mod,
	};
}

/** Credential data for the emulator (region "custom" + endpoint). `overrides` e.g. {accessKeySecret: 'wrong'}. */
export function emulatorCredentialData(endpoint, overrides = {}) {
	const { EMULATOR_KEYS } = emulatorModule();
	return {
		accessKeyId: EMULATOR_KEYS.accessKeyId,
		accessKeySecret: EMULATOR_KEYS.accessKeySecret,
		securityToken: '',
		region: 'custom',
		endpoint,
		...overrides,
	};
}

/** Creates (public API) the credential the examples use, pointing at the emulator. */
export async function createEmulatorCredential(
	client,
	endpoint,
	{ name = CREDENTIAL_DEFAULT_NAME, overrides } = {},
) {
	return await client.createCredential({
		name,
		type: CREDENTIAL_TYPE,
		data: emulatorCredentialData(endpoint, overrides),
	});
}

/** examples/*.json, sorted; key = file name without .json. */
export function listExamples(dir = EXAMPLES_DIR) {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({ key: f.replace(/\.json$/, ''), file: path.join(dir, f) }));
}

export function readExample(keyOrFile) {
	const file = keyOrFile.endsWith('.json')
		? keyOrFile
		: path.join(EXAMPLES_DIR, `${keyOrFile}.json`);
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * A copy of an exported workflow ready for POST /api/v1/workflows: our credential referenced by the real
 * {id, name}; with freshIds, new node IDs (the trigger's default path secret is its node ID, so a published
 * example must not fix it) and new webhook IDs (unique webhook paths per import).
 */
export function prepareWorkflow(example, { credential, freshIds = true, name } = {}) {
	const wf = structuredClone(example);
	for (const node of wf.nodes) {
		if (freshIds) {
			node.id = randomUUID();
			if (node.webhookId) node.webhookId = randomUUID();
		}
		if (!node.webhookId && (node.type === TRIGGER_TYPE || node.type === WEBHOOK_TYPE))
			node.webhookId = randomUUID();
		if (credential && node.credentials?.[CREDENTIAL_TYPE]) {
			node.credentials[CREDENTIAL_TYPE] = { id: credential.id, name: credential.name };
		}
	}
	return {
		name: name ?? wf.name,
		nodes: wf.nodes,
		connections: wf.connections ?? {},
		settings: { executionOrder: wf.settings?.executionOrder ?? 'v1' },
	};
}

/** Whether the workflow can be activated (has a webhook or CAMS trigger; a manual trigger alone cannot). */
export function hasActivatingTrigger(workflow) {
	return workflow.nodes.some((n) => ACTIVATING_TYPES.has(n.type) && !n.disabled);
}

/**
 * Production webhook URLs of a (stored) workflow, by node name:
 *   n8n Webhook node       -> <base>/webhook/<path>
 *   Chat App Trigger       -> <base>/webhook/<webhookId>/<Path Secret, or else the node ID>
 * (`path` = the part after /webhook/, for N8nClient.waitForWebhook.)
 */
export function webhookUrls(workflow, baseUrl) {
	const out = {};
	for (const node of workflow.nodes) {
		let p;
		if (node.type === WEBHOOK_TYPE) p = String(node.parameters?.path ?? '').replace(/^\/+/, '');
		else if (node.type === TRIGGER_TYPE)
			p = `${node.webhookId}/${node.parameters?.pathSecret || node.id}`;
		else continue;
		out[node.name] = {
			path: p,
			url: `${baseUrl.replace(/\/$/, '')}/webhook/${p}`,
			type: node.type,
		};
	}
	return out;
}

/**
 * Imports the example workflows into n8n (public API) and activates those with a trigger. Activation of a Chat App
 * Trigger with "Configure Callback in CAMS" writes its URL into CAMS (the emulator) before the call returns.
 * @param {object} client          N8nClient (with API key)
 * @param {object} o
 * @param {object} o.credential    {id, name} of the CAMS credential
 * @param {string[]} [o.only]      example keys to import (default: all)
 * @param {boolean} [o.activate=true]
 * @returns {Promise<Record<string, {key, file, id, name, active, workflow, urls}>>}
 */
export async function installExamples(
	client,
	{ credential, only, activate = true, log = () => {} } = {},
) {
	const result = {};
	for (const { key, file } of listExamples()) {
		if (only && !only.includes(key)) continue;
		const body = prepareWorkflow(readExample(file), { credential });
		const created = await client.createWorkflow(body);
		let active = false;
		if (activate && hasActivatingTrigger(body)) {
			const t0 = Date.now();
			try {
				await client.activateWorkflow(created.id);
			} catch (e) {
				throw new Error(`activating example "${body.name}" (${key}) failed: ${e.message}`);
			}
			active = true;
			log(`activated "${body.name}" in ${Date.now() - t0} ms`);
		} else {
			log(`imported "${body.name}"`);
		}
		const workflow = { ...body, ...created, nodes: created.nodes ?? body.nodes };
		result[key] = {
			key,
			file,
			id: created.id,
			name: body.name,
			active,
			workflow,
			urls: webhookUrls(workflow, client.baseUrl),
		};
	}
	return result;
}

/** Waits until every production webhook of the active workflows answers n8n's CORS pre-flight (registered). */
export async function waitForExampleWebhooks(client, workflows, { timeoutMs = 30_000 } = {}) {
	for (const wf of Object.values(workflows)) {
		if (!wf.active) continue;
		for (const { path: p } of Object.values(wf.urls)) await client.waitForWebhook(p, { timeoutMs });
	}
}
