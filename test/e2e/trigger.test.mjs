// End-to-end: the Chat App Trigger in a real n8n 2.8.4 under the conditions CAMS creates: the same push POSTed
// many times at once (CAMS retries), many pushes in parallel, an n8n restart in between, and a "Listen for test
// event" next to an active workflow that owns the CAMS callbacks. One n8n and one emulator for the whole file.
//
//   node --test test/e2e/trigger.test.mjs      (first run installs n8n into ~/.cache, see scripts/n8n/README.md)
//
// n8n loads a workflow's static data per request and saves the whole object afterwards (last save wins), so these
// are the cases a one-push-at-a-time test cannot see.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import {
	createEmulatorCredential,
	startCamsEmulator,
	TRIGGER_TYPE,
	webhookUrls,
} from '../../scripts/n8n/chatapp.mjs';
import { sleep } from '../../scripts/n8n/common.mjs';
import { launch, N8nClient, startN8n } from '../../scripts/n8n/runtime.mjs';
import { allNodeItems, createTimings, waitFor } from './helpers/wait.mjs';

const timings = createTimings();
const CHANNEL = 'cams-emu-whatsapp';
const TRIGGER = 'Chat App Trigger';
/** How long the item count must stay the same before it counts as final (executions are stored after the answer). */
const QUIET_MS = 3000;

let emu;
let business;
let env; // launch() result
let n8n; // the running n8n instance (replaced by the restart)
let client;
let credential;

function triggerWorkflow(name, parameters, { withCredential = false } = {}) {
	const node = {
		id: randomUUID(),
		name: TRIGGER,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters,
	};
	if (withCredential)
		node.credentials = { alibabaCloudChatAppApi: { id: credential.id, name: credential.name } };
	return { name, nodes: [node], connections: {}, settings: { executionOrder: 'v1' } };
}

async function createActive(body) {
	const created = await client.createWorkflow(body);
	await client.activateWorkflow(created.id);
	const { path, url } = Object.values(webhookUrls({ ...body, ...created }, client.baseUrl))[0];
	await client.waitForWebhook(path);
	return { id: created.id, path, url };
}

/** One ChatAppInbound push (a JSON array with one text message), as CAMS POSTs it. */
function inboundPush(messageId) {
	return JSON.stringify([
		{
			MessageId: messageId,
			CustSpaceId: CHANNEL,
			From: '+6580000001',
			To: business,
			NoticeType: 'inbound',
			Type: 'TEXT',
			Message: `hello ${messageId}`,
			Timestamp: Date.now(),
		},
	]);
}

async function postPush(url, body) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body,
	});
	const answer = await response.text();
	assert.equal(response.status, 200, `push answered ${response.status}: ${answer}`);
	return answer;
}

/** Runs `tasks` (functions returning promises) with at most `limit` in flight. */
async function inParallel(tasks, limit) {
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) await tasks[next++]();
	};
	await Promise.all(Array.from({ length: limit }, worker));
}

async function itemCount(workflowId) {
	const list = await client.listExecutions({ workflowId, includeData: true, limit: 250 });
	const failed = list.find((e) => e.status === 'error' || e.status === 'crashed');
	assert.equal(failed, undefined, `execution ${failed?.id} failed`);
	return list.reduce((sum, e) => sum + allNodeItems(e, TRIGGER).length, 0);
}

/** The trigger's items across all executions, once the count has reached `atLeast` and stopped changing. */
async function settledItems(workflowId, atLeast = 0) {
	await waitFor(async () => (await itemCount(workflowId)) >= atLeast, {
		timeoutMs: 60_000,
		intervalMs: 300,
		what: `${atLeast} items in workflow ${workflowId}`,
	});
	for (;;) {
		const before = await itemCount(workflowId);
		await sleep(QUIET_MS);
		if ((await itemCount(workflowId)) === before) return before;
	}
}

describe(
	'Chat App Trigger in a real n8n: concurrency, restarts, test listens',
	{ timeout: 30 * 60_000 },
	() => {
		before(async () => {
			const started = await timings.measure('emulator start', () => startCamsEmulator());
			emu = started.emulator;
			business = started.seed.numbers.connected;
			env = await timings.measure('n8n: build + pack + start + owner', () => launch());
			n8n = env.n8n;
			client = env.client;
			credential = await createEmulatorCredential(client, emu.url);
		});

		after(async () => {
			await timings.measure('n8n + emulator stop', async () => {
				if (n8n !== env?.n8n) await n8n?.stop();
				await env?.stop();
				await emu?.close();
			});
			timings.print('e2e timings (Chat App Trigger)');
		});

		describe('de-duplication', () => {
			let dedupe; // {id, path, url}
			const distinct = Array.from({ length: 50 }, (_, i) => `wamid-e2e-distinct-${i}`);

			before(async () => {
				dedupe = await createActive(
					triggerWorkflow('Trigger de-duplication', { events: ['inboundMessage'] }),
				);
			});

			it('(a) the same push POSTed 20 times at once gives exactly 1 item', async () => {
				const body = inboundPush('wamid-e2e-same');
				await timings.measure('(a) 20 concurrent identical pushes', () =>
					Promise.all(Array.from({ length: 20 }, () => postPush(dedupe.url, body))),
				);
				assert.equal(await settledItems(dedupe.id, 1), 1);
			});

			it('(b) 50 different pushes at concurrency 10 give 50 items; each again, one at a time, gives 0', async () => {
				const before = await settledItems(dedupe.id);
				await timings.measure('(b) 50 distinct pushes, concurrency 10', () =>
					inParallel(
						distinct.map((id) => () => postPush(dedupe.url, inboundPush(id))),
						10,
					),
				);
				assert.equal((await settledItems(dedupe.id, before + 50)) - before, 50);
				await timings.measure('(b) the same 50 again, one at a time', async () => {
					for (const id of distinct) await postPush(dedupe.url, inboundPush(id));
				});
				assert.equal((await settledItems(dedupe.id)) - before, 50);
			});

			it('(c) after an n8n restart, pushes seen before still give 0 items; a new one gives 1', async () => {
				// Pushes handled concurrently just before the restart: their static-data saves race (last save wins).
				const burst = Array.from({ length: 30 }, (_, i) => `wamid-e2e-burst-${i}`);
				let before = await settledItems(dedupe.id);
				await inParallel(
					burst.map((id) => () => postPush(dedupe.url, inboundPush(id))),
					10,
				);
				// Traffic goes on: the next push saves every key the process knows, repairing a lost save.
				await postPush(dedupe.url, inboundPush('wamid-e2e-next'));
				assert.equal((await settledItems(dedupe.id, before + 31)) - before, 31);
				before += 31;
				await timings.measure('(c) n8n restart (same user folder)', async () => {
					await n8n.stop();
					n8n = await startN8n({ userFolder: env.userFolder, port: env.n8n.port });
					client = new N8nClient(n8n.baseUrl, { cookie: client.cookie, apiKey: client.apiKey });
					await client.waitForWebhook(dedupe.path);
				});
				const seen = [...distinct, ...burst, 'wamid-e2e-next', 'wamid-e2e-same'];
				for (const id of seen) await postPush(dedupe.url, inboundPush(id));
				await postPush(dedupe.url, inboundPush('wamid-e2e-after-restart'));
				assert.equal((await settledItems(dedupe.id, before + 1)) - before, 1);
			});
		});

		describe('test listen next to an active registration', () => {
			it('starting and stopping "Listen for test event" leaves the channel and number callbacks byte for byte', async () => {
				const active = await createActive(
					triggerWorkflow(
						'Trigger with registered callbacks',
						{
							events: ['inboundMessage', 'messageStatus', 'templateReview', 'phoneQualityUpdate'],
							configureCallback: true,
							takeOverCallback: true,
							channelId: { __rl: true, mode: 'id', value: CHANNEL },
							phoneNumber: { __rl: true, mode: 'id', value: business },
						},
						{ withCredential: true },
					),
				);
				const hooks = () => JSON.stringify(emu.webhooks());
				const registered = emu.webhooks();
				assert.equal(registered.senders[business].upCallbackUrl, active.url);
				assert.equal(registered.senders[business].statusCallbackUrl, active.url);
				assert.equal(registered.accounts[CHANNEL].statusCallbackUrl, active.url);
				const before = hooks();
				const writes = () =>
					emu.calls().filter((call) => /^Update(Phone|Account)Webhook$/.test(call.action)).length;
				const writesBefore = writes();

				// What the editor's "Listen for test event" and its stop button call.
				const listening = await client.runWorkflow(active.id, { triggerName: TRIGGER });
				assert.equal(listening.waitingForWebhook, true, JSON.stringify(listening));
				await client.waitForWebhook(active.path, { test: true });
				assert.equal(hooks(), before);
				assert.equal(await client.rest('DELETE', `/test-webhook/${active.id}`), true);
				// n8n removes the test webhook (and runs the trigger's delete()) after answering: wait for it.
				await waitFor(
					async () => {
						const probe = await client.raw('OPTIONS', `/webhook-test/${active.path}`, {
							auth: 'none',
							headers: { origin: client.baseUrl, 'access-control-request-method': 'POST' },
						});
						return probe.status >= 400;
					},
					{ timeoutMs: 30_000, what: 'the test webhook to be removed' },
				);
				await sleep(1000);
				assert.equal(hooks(), before);
				assert.equal(writes(), writesBefore);
			});
		});
	},
);
