// `npm run test:queue-mode`: the packed package in a real n8n 2.8.4 cluster in queue mode (Postgres, Redis, a main,
// two workers, a webhook processor; scripts/n8n/queueMode.mjs) against the CAMS emulator, all on 127.0.0.1.
// Each case prints one JSON line with its figures. QUEUE_MODE_SENDS sets the sends per workflow of the
// shared-quota case (default 5,000; CI runs the reduced 1,000).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { createEmulatorCredential, startCamsEmulator } from '../../scripts/n8n/chatapp.mjs';
import { N8nClient } from '../../scripts/n8n/client.mjs';
import { launchQueueMode } from '../../scripts/n8n/queueMode.mjs';
import { waitFor } from '../e2e/helpers/wait.mjs';
import { startSink } from './sink.mjs';
import {
	postConcurrently,
	pushBody,
	queueWorkflow,
	sendWorkflow,
	statusEvent,
	triggerWorkflow,
	workerOf,
} from './workflows.mjs';

const SENDS = Number(process.env.QUEUE_MODE_SENDS || 5000);
const QUOTA = 250;
const report = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

let qm;
let emu;
let seed;
let credential;
let sink;
let webhooks; // a client of the webhook processor, for its registration probes

describe('the package in n8n queue mode', { timeout: 30 * 60_000 }, () => {
	before(async () => {
		const started = await startCamsEmulator({ qps: { SendChatappMessage: QUOTA } });
		emu = started.emulator;
		seed = started.seed;
		sink = await startSink();
		qm = await launchQueueMode({ workers: 2 });
		credential = await createEmulatorCredential(qm.client, emu.url);
		webhooks = new N8nClient(qm.webhookUrl);
	});

	after(async () => {
		await qm?.stop();
		await sink?.close();
		await emu?.close();
	});

	it('(a) two workflows sending at once share the account quota: no throttling surfaced, no duplicate, items paired and in order', async () => {
		const workflows = [];
		for (const [index, offset] of [1_000_000, 2_000_000].entries()) {
			const body = sendWorkflow({
				name: `shared quota ${index}`,
				count: SENDS,
				offset,
				credential,
				seed,
			});
			const created = await qm.client.createWorkflow(body);
			await qm.client.activateWorkflow(created.id);
			workflows.push({ ...created, offset, path: body.nodes[0].parameters.path });
		}
		for (const wf of workflows) await webhooks.waitForWebhook(wf.path);
		emu.reset();
		await Promise.all(
			workflows.map((wf) => fetch(`${qm.webhookUrl}/webhook/${wf.path}`, { method: 'POST' })),
		);
		const executions = [];
		for (const wf of workflows) {
			const [summary] = await waitFor(
				async () => {
					const list = await qm.client.listExecutions({ workflowId: wf.id });
					return list.some((e) => e.finished || ['success', 'error', 'crashed'].includes(e.status))
						? list
						: null;
				},
				{ timeoutMs: 20 * 60_000, intervalMs: 1000, what: `the send execution of ${wf.name}` },
			);
			executions.push(await qm.client.getExecution(summary.id));
		}
		const accepted = emu.calls({ action: 'SendChatappMessage', outcome: 'accepted' });
		const stats = emu.stats();
		const seconds = (accepted.at(-1).at - accepted[0].at) / 1000;
		let surfaced = 0;
		let otherErrors = 0;
		let outOfOrder = 0;
		for (const [i, execution] of executions.entries()) {
			assert.equal(execution.status, 'success', `execution of ${workflows[i].name}`);
			const items = execution.data.resultData.runData['Send Template'][0].data.main[0];
			assert.equal(items.length, SENDS, 'one output item per input item');
			for (const [index, item] of items.entries()) {
				if (item.pairedItem?.item !== index) outOfOrder++;
				const expectedTo = `658${String(workflows[i].offset + index).padStart(7, '0')}`;
				if (item.json.error) {
					if (/Throttling|LimitControl|throttl/i.test(String(item.json.error))) surfaced++;
					else otherErrors++;
				} else if (item.json.To !== expectedTo) outOfOrder++;
			}
		}
		const line = {
			case: 'shared-quota',
			workflows: 2,
			sendsPerWorkflow: SENDS,
			workers: executions.map((e) => workerOf(qm, e.id)),
			seconds: Number(seconds.toFixed(1)),
			quotaShare: Number((accepted.length / seconds / QUOTA).toFixed(3)),
			throttledByEmulator: stats.throttled.SendChatappMessage ?? 0,
			throttlingSurfaced: surfaced,
			otherErrors,
			duplicates: stats.duplicates,
			outOfOrder,
		};
		report(line);
		assert.equal(accepted.length, 2 * SENDS - surfaced - otherErrors);
		assert.equal(line.throttlingSurfaced, 0);
		assert.equal(line.otherErrors, 0);
		assert.equal(line.duplicates, 0);
		assert.equal(line.outOfOrder, 0);
		assert.ok(line.quotaShare >= 0.9, `quota share ${line.quotaShare} < 0.9`);
		for (const wf of workflows) await qm.client.deactivateWorkflow(wf.id);
	});

	it('(b, d) the trigger: registered once by main, 1,000 pushes through the webhook processor run on workers, repeats measured', async () => {
		const before = emu.calls({ action: 'UpdatePhoneWebhook', outcome: 'accepted' }).length;
		const body = triggerWorkflow({ credential, seed, sinkUrl: sink.url });
		const created = await qm.client.createWorkflow(body);
		await qm.client.activateWorkflow(created.id);
		const registrations = emu.calls({ action: 'UpdatePhoneWebhook', outcome: 'accepted' });
		const triggerNode = created.nodes.find((n) => n.name === 'Chat App Trigger');
		const hookPath = `${triggerNode.webhookId}/${triggerNode.parameters.pathSecret}`;
		await webhooks.waitForWebhook(hookPath);
		report({
			case: 'registration',
			updatePhoneWebhookCalls: registrations.length - before,
			registeredUrl: registrations.at(-1)?.params?.UpCallbackUrl,
		});
		// (d) once, by main, with the webhook processor's URL (WEBHOOK_URL), not once per process.
		assert.equal(registrations.length - before, 1);
		assert.ok(String(registrations.at(-1).params.UpCallbackUrl).startsWith(qm.webhookUrl));

		const url = (base) => `${base}/webhook/${hookPath}`;
		const ids = Array.from({ length: 1000 }, (_, i) => `qm-push-${i}`);
		const answers = await postConcurrently(
			ids.map((id) => [url(qm.webhookUrl), pushBody(id, seed)]),
			10,
		);
		assert.deepEqual(
			[...new Set(answers.map((a) => a.status))],
			[200],
			'every push acknowledged with 200',
		);
		await waitFor(() => sink.count() >= 1000, {
			timeoutMs: 5 * 60_000,
			intervalMs: 500,
			what: '1,000 items executed on the workers',
		});
		const firstWave = sink.count();
		// Repeats of delivered pushes: 100 to the same process (the webhook processor), 100 to another (main).
		await postConcurrently(
			ids.slice(0, 100).map((id) => [url(qm.webhookUrl), pushBody(id, seed)]),
			10,
		);
		await postConcurrently(
			ids.slice(100, 200).map((id) => [url(qm.main.baseUrl), pushBody(id, seed)]),
			10,
		);
		// Let any repeat that passed reach the sink: the executions of the repeats must all have ended.
		await waitFor(
			async () => {
				const running = await qm.client.listExecutions({
					workflowId: created.id,
					status: 'running',
				});
				return running.length === 0;
			},
			{ timeoutMs: 120_000, intervalMs: 500, what: 'the repeats to finish' },
		);
		const counts = sink.countsById();
		const passedSame = ids.slice(0, 100).filter((id) => counts.get(id) > 1).length;
		const passedOther = ids.slice(100, 200).filter((id) => counts.get(id) > 1).length;
		report({
			case: 'trigger-dedupe',
			pushes: 1000,
			items: firstWave,
			repeatsSameProcess: 100,
			passedSameProcess: passedSame,
			repeatsOtherProcess: 100,
			passedOtherProcess: passedOther,
			workersUsed: qm.workers.filter((w) => /Worker started execution/.test(w.logs())).length,
		});
		assert.equal(firstWave, 1000, 'exactly one item per distinct push');
		assert.equal(passedSame, 0, 'repeats reaching the same process are dropped');
		// (d) deactivation restores the callbacks once, on main.
		const beforeDeactivation = emu.calls({
			action: 'UpdatePhoneWebhook',
			outcome: 'accepted',
		}).length;
		await qm.client.deactivateWorkflow(created.id);
		const restores =
			emu.calls({ action: 'UpdatePhoneWebhook', outcome: 'accepted' }).length - beforeDeactivation;
		report({ case: 'deregistration', updatePhoneWebhookCalls: restores });
		assert.equal(restores, 1);
	});

	it('(c) the queue trigger polls on main only, deletes after the workers finish, and loses nothing when a worker is killed', async () => {
		const slow = await startSink({ delayMs: 150 }); // keeps runs on their worker long enough to be cut
		const queueName = 'Alicom-Queue-qm-ChatAppStatus';
		emu.queues.createQueue(queueName);
		emu.queues.configure({ visibilityTimeoutS: 10 });
		const ids = Array.from({ length: 400 }, (_, i) => `qm-queue-${i}`);
		for (const id of ids) emu.queues.deliver(queueName, statusEvent(id));
		const created = await qm.client.createWorkflow(
			queueWorkflow({ credential, emulatorUrl: emu.url, queueName, sinkUrl: slow.url }),
		);
		try {
			await qm.client.activateWorkflow(created.id);
			await waitFor(() => slow.count() >= 80, {
				timeoutMs: 120_000,
				what: 'the first queued events on the workers',
			});
			const victim = qm.workers[0];
			process.kill(-victim.pid, 'SIGKILL');
			await waitFor(
				() =>
					emu.queues.stats(queueName).total === 0 &&
					ids.every((id) => (slow.countsById().get(id) ?? 0) >= 1),
				{ timeoutMs: 5 * 60_000, intervalMs: 500, what: 'every event emitted and the queue empty' },
			);
			const counts = slow.countsById();
			const executions = await qm.client.listExecutions({ workflowId: created.id, limit: 250 });
			const enqueuedBy = (instance) =>
				executions.filter((e) => instance.logs().includes(`Enqueued execution ${e.id} (`)).length;
			const line = {
				case: 'queue-trigger',
				events: ids.length,
				emitted: ids.filter((id) => counts.has(id)).length,
				lost: ids.filter((id) => !counts.has(id)).length,
				emittedTwice: ids.filter((id) => counts.get(id) > 1).length,
				executions: executions.length,
				enqueuedByMain: enqueuedBy(qm.main),
				enqueuedElsewhere: [...qm.workers, qm.webhook].reduce((sum, p) => sum + enqueuedBy(p), 0),
				killedWorker: victim.role,
				queueLeft: emu.queues.stats(queueName).total,
			};
			report(line);
			assert.equal(line.lost, 0, 'nothing lost');
			assert.equal(line.queueLeft, 0);
			assert.equal(line.enqueuedElsewhere, 0, 'only main runs the trigger');
			assert.equal(line.enqueuedByMain, line.executions);
		} finally {
			await qm.client.deactivateWorkflow(created.id).catch(() => {});
			await slow.close();
		}
	});
});
