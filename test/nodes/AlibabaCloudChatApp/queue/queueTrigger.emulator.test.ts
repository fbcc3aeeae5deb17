/**
 * The queue trigger in n8n-core's TriggerContext against the emulator's queue endpoint and
 * Dybaseapi token action: drain, at-least-once on failed runs, token refresh, errors, faults.
 */
import { selectEvents } from '../../../../nodes/AlibabaCloudChatApp/notifications/pipeline';
import { EVENT_OPTIONS } from '../../../../nodes/AlibabaCloudChatApp/triggers/events.description';
import type { EventKind } from '../../../../nodes/AlibabaCloudChatApp/notifications/types';
import { EMULATOR_KEYS, SEED_NUMBERS, startEmulator, type CamsEmulator } from '../../../emulator';
import { credentialsFor } from '../../../helpers/chatApp';
import { fixture } from '../notifications/fixtures';
import {
	inboundQueue,
	managedQueueParameters,
	startQueueTrigger,
	statusEvent,
	statusQueue,
	until,
	type QueueTriggerRun,
} from '../../../helpers/queueTrigger';

let emu: CamsEmulator;
let run: QueueTriggerRun | undefined;

beforeAll(async () => {
	emu = await startEmulator();
});
afterEach(async () => {
	await run?.close();
	run = undefined;
	emu.reset();
});
afterAll(async () => await emu.close());

const status = (i: number) => statusEvent(i);

function fill(count: number, queue = statusQueue()) {
	for (let i = 0; i < count; i++) emu.queues.deliver(queue, status(i));
}

const ids = (run: QueueTriggerRun) => run.items().map((item) => item.messageId);

describe('queue trigger: CAMS-managed queue', () => {
	it('emits every event exactly once, shaped as the HTTP trigger shapes it, and empties the queue', async () => {
		fill(100);
		run = await startQueueTrigger({ emu, parameters: managedQueueParameters(emu, statusQueue()) });
		await until(() => emu.queues.stats(statusQueue()).total === 0, 20_000, 'an empty queue');
		expect(new Set(ids(run)).size).toBe(100);
		expect(ids(run)).toHaveLength(100);
		const allKinds = new Set(EVENT_OPTIONS.map((option) => option.value as EventKind));
		const expected = selectEvents(
			[status(7)],
			{ filter: { kinds: allKinds }, deduplicate: false },
			undefined,
			0,
		).events[0];
		expect(run.items().find((item) => item.messageId === 'mid-7')).toEqual(expected);
		expect(emu.queues.requests({ operation: 'BatchDeleteMessage' }).length).toBeGreaterThan(0);
		expect(emu.calls({ action: 'QueryTokenForMnsQueue' })[0].params).toMatchObject({
			MessageType: 'ChatAppStatus',
			QueueName: statusQueue(),
		});
	});

	it('gives the messages of a failed run back and deletes them after a later successful run', async () => {
		fill(5);
		run = await startQueueTrigger({
			emu,
			parameters: managedQueueParameters(emu, statusQueue()),
			outcome: (_items, index) => (index === 0 ? 'error' : 'success'),
		});
		await until(
			() => emu.queues.stats(statusQueue()).total === 0,
			20_000,
			'an empty queue',
			() =>
				JSON.stringify({
					requests: emu.queues.requests(),
					calls: emu.calls().map((c) => [c.action, c.code]),
					ex: run!.executions.length,
					err: run!.errors.map(String),
				}),
		);
		expect(run.executions.length).toBeGreaterThanOrEqual(2);
		// Nothing lost: every event reached a successful run; the failed one was not de-duplicated away.
		expect(
			new Set(
				run.executions
					.slice(1)
					.flat()
					.map((item) => item.json.messageId),
			).size,
		).toBe(5);
		expect(emu.queues.requests({ operation: 'ChangeMessageVisibility' }).length).toBe(5);
	});

	it('flags messages delivered more often than allowed and deletes them when told to', async () => {
		fill(1);
		run = await startQueueTrigger({
			emu,
			parameters: managedQueueParameters(emu, statusQueue(), {
				options: {
					waitSeconds: 2,
					retryDelaySeconds: 1,
					maxDeliveries: 1,
					afterMaxDeliveries: 'delete',
				},
			}),
			outcome: () => 'error',
		});
		await until(
			() => emu.queues.stats(statusQueue()).total === 0,
			20_000,
			'the poison message deleted',
		);
		expect(run.executions).toHaveLength(2);
		expect(run.executions[0][0].json.redelivered).toBeUndefined();
		expect(run.executions[1][0].json).toMatchObject({
			redelivered: true,
			dequeueCount: 2,
			messageId: 'mid-0',
		});
	});

	it('drains on across token refreshes', async () => {
		emu.queues.configure({ tokenLifetimeMs: 3000 });
		run = await startQueueTrigger({
			emu,
			parameters: managedQueueParameters(emu, statusQueue(), { options: { waitSeconds: 1 } }),
		});
		for (let round = 0; round < 4; round++) {
			emu.queues.deliver(statusQueue(), status(round));
			await until(() => run!.items().length === round + 1, 10_000, `event ${round}`);
			await new Promise((resolve) => setTimeout(resolve, 1500));
		}
		expect(emu.calls({ action: 'QueryTokenForMnsQueue' }).length).toBeGreaterThanOrEqual(2);
		expect(emu.queues.requests().filter((r) => r.status === 403)).toEqual([]);
		expect(run.errors).toEqual([]);
	});

	it('backs off from server errors and dropped connections without ending the loop', async () => {
		fill(20);
		emu.queues.setFaults({ serverErrors: 2, resetConnections: 1 });
		run = await startQueueTrigger({ emu, parameters: managedQueueParameters(emu, statusQueue()) });
		await until(() => emu.queues.stats(statusQueue()).total === 0, 30_000, 'an empty queue');
		expect(new Set(ids(run)).size).toBe(20);
		expect(run.errors).toEqual([]);
	});

	it('reports a missing queue with its name and the fix, through the trigger error', async () => {
		run = await startQueueTrigger({
			emu,
			parameters: managedQueueParameters(emu, 'Alicom-Queue-000-ChatAppStatus'),
		});
		await until(() => run!.errors.length > 0, 10_000, 'a trigger error');
		expect(run.errors[0].message).toContain('Alicom-Queue-000-ChatAppStatus');
		expect(run.errors[0].message).toContain('QueueNotExist');
		expect((run.errors[0] as { description?: string }).description).toMatch(/queue delivery/i);
	});

	it('reports a wrong AccessKey secret from Dybaseapi with the fix', async () => {
		run = await startQueueTrigger({
			emu,
			parameters: managedQueueParameters(emu, statusQueue()),
			credentials: credentialsFor(emu.url, { accessKeySecret: 'wrong-secret' }),
		});
		await until(() => run!.errors.length > 0, 10_000, 'a trigger error');
		expect(run.errors[0].message).toContain('QueryTokenForMnsQueue');
		expect(run.errors[0].message).toContain('SignatureDoesNotMatch');
		expect((run.errors[0] as { description?: string }).description).toMatch(/AccessKey/);
	});

	it('stops within the long-poll wait when closed', async () => {
		run = await startQueueTrigger({
			emu,
			parameters: managedQueueParameters(emu, statusQueue(), { options: { waitSeconds: 30 } }),
		});
		await until(
			() =>
				emu.queues.requests().length === 0 &&
				emu.calls({ action: 'QueryTokenForMnsQueue' }).length > 0,
			5000,
			'a long poll',
		);
		const started = Date.now();
		await run.close();
		run = undefined;
		expect(Date.now() - started).toBeLessThan(25_000);
	});

	it('in a manual test run, emits one batch only and deletes just that batch after the run', async () => {
		fill(40);
		run = await startQueueTrigger({
			emu,
			mode: 'manual',
			parameters: managedQueueParameters(emu, statusQueue()),
		});
		await until(() => emu.queues.stats(statusQueue()).deleted === 16, 10_000, 'one batch deleted');
		expect(run.executions).toHaveLength(1);
		expect(run.executions[0]).toHaveLength(16);
		expect(emu.queues.stats(statusQueue()).total).toBe(24);
	});

	it('receives what a number with QueueFlag Y puts in its inbound queue', async () => {
		emu.setWebhooks({ senders: { [SEED_NUMBERS.connected]: { queueFlag: 'Y', httpFlag: 'N' } } });
		run = await startQueueTrigger({ emu, parameters: managedQueueParameters(emu, inboundQueue()) });
		emu.inbound({
			from: '6590000042',
			to: SEED_NUMBERS.connected,
			type: 'TEXT',
			text: 'hello queue',
		});
		await until(() => run!.items().length === 1, 10_000, 'the inbound message');
		expect(run.items()[0]).toMatchObject({ event: 'inboundMessage', customer: '6590000042' });
	});

	it('downloads inbound media into binary data before the run, as the webhook trigger does', async () => {
		emu.setWebhooks({ senders: { [SEED_NUMBERS.connected]: { queueFlag: 'Y', httpFlag: 'N' } } });
		emu.inbound({ from: '6590000043', to: SEED_NUMBERS.connected, type: 'IMAGE' });
		// A second image whose link is dead: its item says so, and the run still happens.
		const [image] = fixture('inbound-image');
		const deadLink = JSON.stringify({
			id: 'm-dead',
			mimeType: 'image/png',
			url: 'http://127.0.0.1:1/x',
		});
		emu.queues.deliver(inboundQueue(), { ...image, MessageId: 'wamid-dead', Message: deadLink });
		// The emulator serves media over http://, which only Allow HTTP Media Links lets through.
		run = await startQueueTrigger({
			emu,
			parameters: managedQueueParameters(emu, inboundQueue(), {
				options: { waitSeconds: 2, downloadMedia: true, allowHttpMedia: true },
			}),
		});
		await until(() => run!.items().length === 2, 10_000, 'both images');
		const items = run.executions.flat();
		const downloaded = items.find((item) => item.json.messageId !== 'wamid-dead')!;
		expect(downloaded.json.mediaError).toBeUndefined();
		expect(downloaded.binary?.data.mimeType).toBe(
			(downloaded.json.media as { mimeType: string }).mimeType,
		);
		expect(Buffer.from(downloaded.binary!.data.data, 'base64').length).toBeGreaterThan(0);
		const dead = items.find((item) => item.json.messageId === 'wamid-dead')!;
		expect(dead.binary).toBeUndefined();
		expect(dead.json.mediaError).toEqual(expect.any(String));
		await until(() => emu.queues.stats(inboundQueue()).total === 0, 10_000, 'an empty queue');
	});
});

describe('queue trigger: own queue', () => {
	it('reads a queue of the account with the credential AccessKey', async () => {
		emu.queues.createQueue('my-chatapp-events');
		fill(10, 'my-chatapp-events');
		run = await startQueueTrigger({
			emu,
			parameters: {
				queueSource: 'own',
				queueName: { __rl: true, mode: 'name', value: 'my-chatapp-events' },
				queueEndpoint: emu.url,
				options: { waitSeconds: 1 },
			},
		});
		await until(() => emu.queues.stats('my-chatapp-events').total === 0, 10_000, 'an empty queue');
		expect(new Set(ids(run)).size).toBe(10);
		expect(emu.queues.requests({ queue: 'my-chatapp-events' })[0].accessKeyId).toBe(
			EMULATOR_KEYS.accessKeyId,
		);
	});

	it('cannot read the Communications queue with the own AccessKey and says so', async () => {
		run = await startQueueTrigger({
			emu,
			parameters: {
				queueSource: 'own',
				queueName: { __rl: true, mode: 'name', value: statusQueue() },
				queueEndpoint: emu.url,
			},
		});
		await until(() => run!.errors.length > 0, 10_000, 'a trigger error');
		expect(run.errors[0].message).toContain('AccessDenied');
	});
});
