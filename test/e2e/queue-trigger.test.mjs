// End-to-end: the Queue Trigger of the packed package in a real n8n 2.8.4, reading the emulator's Simple Message
// Queue with temporary keys from its Dybaseapi QueryTokenForMnsQueue. What the trigger emitted is read back from
// n8n's own executions (the items of the trigger node in runs that ended); the emulator says what is left.
//
//   node --test test/e2e/queue-trigger.test.mjs        (N8N_E2E_KEEP=1 / N8N_E2E_ECHO_LOGS=1 as for chatapp.test.mjs)
import assert from 'node:assert/strict';
import http from 'node:http';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';

import {
	CREDENTIAL_TYPE,
	createEmulatorCredential,
	PACKAGE_NAME,
	startCamsEmulator,
} from '../../scripts/n8n/chatapp.mjs';
import { launch, startN8n } from '../../scripts/n8n/runtime.mjs';
import { createTimings, waitFor } from './helpers/wait.mjs';

const QUEUE_TRIGGER_TYPE = `${PACKAGE_NAME}.alibabaCloudChatAppQueueTrigger`;
const TRIGGER = 'Queue';
const timings = createTimings();

let emu;
let env;
let n8n; // the running n8n instance (replaced after the SIGKILL restart)
let client;
let credential;
let recorder;

/** A local HTTP endpoint the workflows call once per item; it can fail the first calls on purpose. */
async function startRecorder() {
	const state = { hits: [], files: [], failNext: 0 };
	const server = http.createServer((req, res) => {
		if (req.method === 'GET') {
			// A media file, as OSS serves the link in an inbound message.
			state.files.push(req.url);
			res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(2048, 7));
			return;
		}
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			if (state.failNext > 0) {
				state.failNext--;
				res.writeHead(500).end('{"fail":true}');
				return;
			}
			state.hits.push(JSON.parse(body || '{}').id);
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	state.url = `http://127.0.0.1:${server.address().port}`;
	state.close = () => new Promise((resolve) => server.close(resolve));
	return state;
}

function statusEvent(tag, i) {
	return {
		MessageId: `${tag}-${i}`,
		From: '6591234567',
		To: `659${String(i).padStart(8, '0')}`,
		Timestamp: 1764644645000 + i,
		Status: 'Delivered',
		MsgFrameType: 'message',
	};
}

function newQueue(tag, events) {
	const name = `Alicom-Queue-${tag}-ChatAppStatus`;
	emu.queues.createQueue(name);
	for (let i = 0; i < events; i++) emu.queues.deliver(name, statusEvent(tag, i));
	return name;
}

async function createQueueWorkflow(
	name,
	queueName,
	{ deduplicate = true, cred = credential, options = {} } = {},
) {
	return await client.createWorkflow({
		name,
		nodes: [
			{
				id: 'a1b2c3d4-0000-4000-8000-000000000001',
				name: TRIGGER,
				type: QUEUE_TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					queueSource: 'cams',
					queueName: { __rl: true, mode: 'name', value: queueName },
					endpoints: 'custom',
					customQueueEndpoint: emu.url,
					dybaseapiEndpoint: emu.url,
					deduplicate,
					options: { waitSeconds: 2, retryDelaySeconds: 1, ...options },
				},
				credentials: { [CREDENTIAL_TYPE]: { id: cred.id, name: cred.name } },
			},
			{
				id: 'a1b2c3d4-0000-4000-8000-000000000002',
				name: 'Record',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					method: 'POST',
					url: recorder.url,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ id: $json.messageId }) }}',
					options: {},
				},
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
	});
}

/** The messageIds the trigger emitted into each execution (finished, failed or crashed). */
function emittedIds(execution) {
	const runs = execution?.data?.resultData?.runData?.[TRIGGER];
	if (runs?.length)
		return runs.flatMap((run) => (run?.data?.main ?? []).flat().map((i) => i?.json?.messageId));
	const stack = execution?.data?.executionData?.nodeExecutionStack ?? [];
	const start = stack.find((entry) => entry?.node?.name === TRIGGER);
	return (start?.data?.main ?? []).flat().map((i) => i?.json?.messageId);
}

/** Every execution of the workflow with its data, page by page (public API cursor). */
async function executionsOf(workflowId) {
	const all = [];
	let cursor;
	do {
		const q = new URLSearchParams({ workflowId, includeData: 'true', limit: '100' });
		if (cursor) q.set('cursor', cursor);
		const page = await client.api('GET', `/executions?${q}`);
		all.push(...page.data);
		cursor = page.nextCursor;
	} while (cursor);
	return all;
}

/** The activation error n8n shows for a workflow (GET /rest/active-workflows/error/:id), or undefined. */
async function activationError(workflowId) {
	const value = await client.rest('GET', `/active-workflows/error/${workflowId}`);
	return typeof value === 'string' ? value : (value?.error ?? undefined);
}

/**
 * Emission counts per messageId over the executions that ran to an end (success or error). An execution
 * n8n was killed in the middle of is "crashed": it did not run the workflow, and its messages are delivered
 * again; counting it would call every at-least-once redelivery a duplicate.
 */
async function emissions(workflowId) {
	const counts = new Map();
	const executions = await executionsOf(workflowId);
	for (const execution of executions) {
		if (!['success', 'error'].includes(execution.status)) continue;
		for (const id of emittedIds(execution)) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return { counts, executions };
}

const queueEmpty = (name) => emu.queues.stats(name).total === 0;

describe('Queue Trigger in a real n8n', { timeout: 30 * 60_000 }, () => {
	before(async () => {
		emu = (await startCamsEmulator()).emulator;
		recorder = await startRecorder();
		env = await timings.measure('n8n: build + pack + start', () =>
			launch({ env: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all', EXECUTIONS_DATA_PRUNE: 'false' } }),
		);
		n8n = env.n8n;
		client = env.client;
		credential = await createEmulatorCredential(client, emu.url);
	});

	after(async () => {
		// After the SIGKILL test, the n8n running is the one restarted on the same folder; env.stop() then finds
		// its own process gone and still removes the user folder and the packed tarball.
		if (n8n && n8n !== env?.n8n) await n8n.stop();
		await env?.stop();
		await recorder?.close();
		await emu?.close();
		timings.print('queue-trigger e2e timings');
	});

	it('(a) emits 1,000 enqueued events exactly once and empties the queue', async () => {
		const queue = newQueue('e2eA', 1000);
		const wf = await createQueueWorkflow('queue (a)', queue);
		await client.activateWorkflow(wf.id);
		await timings.measure('(a) drain 1,000', () =>
			waitFor(() => queueEmpty(queue), { timeoutMs: 240_000, what: 'queue (a) empty' }),
		);
		await client.deactivateWorkflow(wf.id);
		const { counts, executions } = await emissions(wf.id);
		assert.equal(counts.size, 1000);
		assert.deepEqual(
			[...counts.values()].filter((n) => n !== 1),
			[],
		);
		assert.deepEqual(
			executions.filter((e) => e.status !== 'success').map((e) => e.status),
			[],
		);
		assert.equal(emu.queues.stats(queue).deleted, 1000);
	});

	it('(b) a failing first run gets its messages again; they are deleted after the successful run', async () => {
		const queue = newQueue('e2eB', 16);
		recorder.failNext = 1;
		const wf = await createQueueWorkflow('queue (b)', queue);
		await client.activateWorkflow(wf.id);
		await waitFor(() => queueEmpty(queue), { timeoutMs: 120_000, what: 'queue (b) empty' });
		await client.deactivateWorkflow(wf.id);
		const { counts, executions } = await emissions(wf.id);
		assert.ok(
			executions.some((e) => e.status === 'error'),
			'the first run failed',
		);
		assert.equal(counts.size, 16);
		const ok = executions.filter((e) => e.status === 'success').flatMap(emittedIds);
		assert.equal(new Set(ok).size, 16, 'every event reached a successful run');
		assert.ok(emu.queues.requests({ operation: 'ChangeMessageVisibility', queue }).length > 0);
	});

	/** Drains 2,000 events, SIGKILLs n8n after 300 were deleted, restarts it on the same folder and port. */
	async function killWhileDraining(tag, deduplicate) {
		const queue = newQueue(tag, 2000);
		const wf = await createQueueWorkflow(`queue (c) ${tag}`, queue, { deduplicate });
		emu.queues.configure({ visibilityTimeoutS: 5 });
		await client.activateWorkflow(wf.id);
		await waitFor(() => emu.queues.stats(queue).deleted >= 300, {
			timeoutMs: 120_000,
			what: '300 deleted',
		});
		const killedAt = Date.now();
		process.kill(-n8n.pid, 'SIGKILL');
		await waitFor(() => n8n.exited, { timeoutMs: 20_000, what: 'n8n killed' });
		const inFlight = emu.queues.stats(queue).inactive;
		n8n = await timings.measure(`(c) ${tag}: restart after SIGKILL`, () =>
			startN8n({ userFolder: env.userFolder, port: env.n8n.port }),
		);
		await timings.measure(`(c) ${tag}: drain the rest`, () =>
			waitFor(() => queueEmpty(queue), { timeoutMs: 300_000, what: `queue ${tag} empty` }),
		);
		await client.deactivateWorkflow(wf.id);
		emu.queues.configure({ visibilityTimeoutS: 30 });
		const { counts, executions } = await emissions(wf.id);
		const missing = Array.from({ length: 2000 }, (_, i) => `${tag}-${i}`).filter(
			(id) => !counts.has(id),
		);
		assert.deepEqual(missing, [], 'every event emitted at least once');
		const twice = [...counts.entries()].filter(([, n]) => n > 1);
		process.stderr.write(
			`(c) ${tag}: in flight at the kill ${inFlight}, emitted twice ${twice.length}\n`,
		);
		return { inFlight, twice, executions, killedAt };
	}

	/** When the first run that carried `id` to a successful end stopped (ms), or undefined. */
	function firstSuccessEnd(executions, id) {
		const ends = executions
			.filter((e) => e.status === 'success' && emittedIds(e).includes(id))
			.map((e) => Date.parse(e.stoppedAt));
		return ends.length ? Math.min(...ends) : undefined;
	}

	// With de-duplication on, the only event that can run twice is one whose run succeeded in the last moment before
	// the kill, before its message was deleted and before n8n saved the trigger's static data again (n8n saves it on
	// the next emit): at most one batch. A run the kill cut short ("crashed") did not process its events, so they run
	// again; that is the at-least-once contract, not a duplicate.
	it('(c) SIGKILL while draining 2,000 events, then restart: at least once, no duplicates with de-dup on', async () => {
		const { twice, executions, killedAt } = await killWhileDraining('e2eC', true);
		assert.ok(
			twice.length <= 16,
			`${twice.length} events emitted twice (at most one batch that ended at the kill)`,
		);
		// And only events whose first run had just succeeded: the kill fell between that run's end and the
		// delete of its messages. An event whose run ended earlier is never emitted again.
		for (const [id] of twice) {
			const end = firstSuccessEnd(executions, id);
			assert.ok(end !== undefined, `${id}: emitted twice, but never in a successful run`);
			assert.ok(
				killedAt - end < 3000,
				`${id}: its first run ended ${killedAt - end} ms before the kill, yet it ran again`,
			);
		}
	});

	it('(c) the same with de-duplication off: duplicates are at most the messages in flight at the kill', async () => {
		const { inFlight, twice } = await killWhileDraining('e2eCoff', false);
		assert.ok(twice.length <= inFlight, `${twice.length} emitted twice, ${inFlight} in flight`);
		assert.ok(
			twice.every(([, n]) => n === 2),
			'no event emitted more than twice',
		);
	});

	it('(d) drains on across token refreshes with a 5 s token lifetime', async () => {
		emu.queues.configure({ tokenLifetimeMs: 5000 });
		const queue = newQueue('e2eD', 0);
		const wf = await createQueueWorkflow('queue (d)', queue);
		const tokensBefore = emu.calls({ action: 'QueryTokenForMnsQueue' }).length;
		await client.activateWorkflow(wf.id);
		// Events arrive over ~14 s, across two refreshes at least.
		for (let i = 0; i < 15; i++) {
			emu.queues.deliver(queue, statusEvent('e2eD', i));
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		await waitFor(() => queueEmpty(queue), { timeoutMs: 60_000, what: 'queue (d) empty' });
		await client.deactivateWorkflow(wf.id);
		emu.queues.configure({ tokenLifetimeMs: 10 * 60_000 });
		const tokens = emu.calls({ action: 'QueryTokenForMnsQueue' }).slice(tokensBefore);
		assert.ok(tokens.length >= 3, `tokens fetched: ${tokens.length}`);
		assert.deepEqual(
			emu.queues.requests({ queue }).filter((r) => r.status === 403),
			[],
		);
		const { counts } = await emissions(wf.id);
		assert.equal(counts.size, 15);
	});

	it('(e) a wrong AccessKey or queue name shows a clear error, and the trigger recovers when the fault is gone', async () => {
		// Unknown AccessKey: Dybaseapi refuses it until the key exists.
		const key = {
			accessKeyId: 'LTAI5tE2eLateKey0001',
			accessKeySecret: 'E2eLateSecret0123456789abcdefXYZ',
		};
		const lateCred = await createEmulatorCredential(client, emu.url, {
			name: 'late key',
			overrides: key,
		});
		const queue = newQueue('e2eE', 3);
		const wf = await createQueueWorkflow('queue (e) key', queue, { cred: lateCred });
		await client.activateWorkflow(wf.id);
		const keyError = await waitFor(async () => await activationError(wf.id), {
			timeoutMs: 60_000,
			what: 'an activation error for the unknown key',
		});
		assert.match(String(keyError), /QueryTokenForMnsQueue|InvalidAccessKeyId/);
		assert.match(String(keyError), /Check the AccessKey ID and Secret/);
		emu.addKey(key);
		await waitFor(() => queueEmpty(queue), {
			timeoutMs: 120_000,
			what: 'queue (e) drained after the key exists',
		});
		await client.deactivateWorkflow(wf.id);

		// Missing queue: QueueNotExist until the queue exists.
		const missing = 'Alicom-Queue-e2eLater-ChatAppStatus';
		const wf2 = await createQueueWorkflow('queue (e) name', missing);
		await client.activateWorkflow(wf2.id);
		const queueError = await waitFor(async () => await activationError(wf2.id), {
			timeoutMs: 60_000,
			what: 'an activation error for the missing queue',
		});
		assert.match(String(queueError), new RegExp(`${missing}.*QueueNotExist`));
		assert.match(String(queueError), /queue delivery/i);
		emu.queues.createQueue(missing);
		emu.queues.deliver(missing, statusEvent('e2eLater', 0));
		await waitFor(() => queueEmpty(missing), { timeoutMs: 120_000, what: 'the new queue drained' });
		await client.deactivateWorkflow(wf2.id);
		const { counts } = await emissions(wf2.id);
		assert.deepEqual([...counts.keys()], ['e2eLater-0']);
	});

	it('(f) inbound media lands in the binary field "data" of the run, as with the webhook trigger', async () => {
		// CAMS writes an inbound image to the number's inbound queue; its file link is served by the emulator (http).
		const queue = 'Alicom-Queue-e2eF-ChatAppInbound';
		emu.queues.createQueue(queue);
		emu.queues.deliver(queue, {
			MessageId: 'e2eF-0',
			From: '6590000001',
			To: '6591234567',
			NoticeType: 'inbound',
			Type: 'IMAGE',
			Message: JSON.stringify({
				id: 'media-e2eF',
				mimeType: 'image/png',
				url: `${recorder.url}/e2eF.png`,
			}),
			Timestamp: 1764644645000,
		});
		const wf = await createQueueWorkflow('queue (f) media', queue, {
			options: { downloadMedia: true, allowHttpMedia: true },
		});
		await client.activateWorkflow(wf.id);
		await waitFor(() => queueEmpty(queue), { timeoutMs: 60_000, what: 'queue (f) empty' });
		await client.deactivateWorkflow(wf.id);
		const executions = (await executionsOf(wf.id)).filter((e) => e.status === 'success');
		assert.equal(executions.length, 1);
		const [item] = executions[0].data.resultData.runData[TRIGGER][0].data.main[0];
		assert.equal(item.json.messageType, 'IMAGE');
		assert.equal(item.json.mediaError, undefined);
		assert.equal(item.binary?.data?.mimeType, 'image/png');
		assert.ok(recorder.files.includes('/e2eF.png'), 'n8n fetched the file');
	});
});
