/**
 * What a run of sends tells the workflow (issue 10): error items to route on under Continue On
 * Fail, no send started after a failure, and each recipient's messages in input order. The real
 * node, n8n-core's ExecuteContext and our signing credential against the emulator.
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../../../../emulator';
import { AlibabaCloudChatApp } from '../../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import * as errors from '../../../../../nodes/AlibabaCloudChatApp/transport/errors';
import { resetLimiters } from '../../../../../nodes/AlibabaCloudChatApp/transport/limiter';
import { byId, credentialsFor, runChatApp, type NodeFailure } from '../../../../helpers/chatApp';
import { createExecuteHarness } from '../../../../helpers/n8nCore';

const SENT_ELSEWHERE = { sent: 60_000, delivered: 60_000, read: 60_000, failed: 60_000 };

/** Send Template to `$json.to`; the order ID carries the item's sequence number. */
function templateSend(from: string = SEED_NUMBERS.connected): INodeParameters {
	return {
		resource: 'message',
		operation: 'sendTemplate',
		channelType: 'whatsapp',
		channelId: byId(SEED_CHANNELS.whatsapp.custSpaceId),
		from: byId(from),
		to: '={{ $json.to }}',
		template: byId(SEED_TEMPLATES.orderShipped.code),
		language: SEED_TEMPLATES.orderShipped.language,
		variablesInput: 'mapper',
		templateVariables: {
			mappingMode: 'defineBelow',
			value: { orderId: '={{ $json.seq }}', name: 'Ann', date: 'Monday', trackingId: 'TRK' },
		},
	};
}

const items = (count: number, recipients: number) =>
	Array.from({ length: count }, (_, seq) => ({
		to: `+65 8${String(seq % recipients).padStart(7, '0')}`,
		seq,
	}));

describe('send outcomes', () => {
	let emu: CamsEmulator;
	beforeAll(async () => (emu = await startEmulator({ statusDelays: SENT_ELSEWHERE })));
	afterAll(async () => await emu.close());
	beforeEach(() => {
		emu.reset();
		resetLimiters();
	});

	describe('Continue On Fail items', () => {
		it('says "unknown" with ECONNRESET, the recipient and the description when CAMS accepted and the connection reset', async () => {
			emu.setFaults({ resetConnections: 1, resetMode: 'after', actions: ['SendChatappMessage'] });
			const [item] = await runChatApp(emu.url, templateSend(), {
				items: items(1, 1),
				continueOnFail: true,
			});
			expect(emu.sends()).toHaveLength(1); // CAMS did accept it
			expect(item.json).toEqual({
				error: 'SendChatappMessage could not be completed: ECONNRESET',
				description: expect.stringContaining('CAMS may have accepted it'),
				errorCode: 'ECONNRESET',
				requestId: null,
				recipient: '6580000000',
				operation: 'sendTemplate',
				sent: 'unknown',
			});
			expect(item.pairedItem).toEqual({ item: 0 });
		});

		it('says "no" with the CAMS code and RequestId when throttling outlasts the retries', async () => {
			emu.setFaults({ throttleBurst: 100, actions: ['SendChatappMessage'] });
			const [item] = await runChatApp(emu.url, templateSend(), {
				items: items(1, 1),
				continueOnFail: true,
			});
			expect(emu.sends()).toHaveLength(0);
			expect(item.json).toMatchObject({
				errorCode: 'Throttling.User',
				requestId: expect.any(String),
				recipient: '6580000000',
				operation: 'sendTemplate',
				sent: 'no',
				description: expect.stringContaining('Lower the rate'),
			});
		});

		it('says "no" when CAMS refuses the send', async () => {
			const [item] = await runChatApp(emu.url, templateSend(SEED_NUMBERS.pending), {
				items: items(1, 1),
				continueOnFail: true,
			});
			const [call] = emu.calls({ action: 'SendChatappMessage' });
			expect(item.json).toMatchObject({
				errorCode: call.code,
				requestId: call.requestId,
				sent: 'no',
				recipient: '6580000000',
			});
		});

		it('says "no" for an item the node refused before sending', async () => {
			const [bad, good] = await runChatApp(emu.url, templateSend(), {
				items: [
					{ to: 'not a number', seq: 0 },
					{ to: '6581234567', seq: 1 },
				],
				continueOnFail: true,
			});
			expect(bad.json).toMatchObject({ sent: 'no', errorCode: null, operation: 'sendTemplate' });
			expect(good.json.MessageId).toEqual(expect.any(String));
		});
	});

	it('starts no send after the first item failed (25 in flight, 245/s)', async () => {
		// Free-form text (no template lookup first), so item 0 goes out alone at once and fails
		// while the other workers wait for their slots (4 ms apart).
		const input = items(100, 100);
		for (const { to } of input)
			emu.inbound({ from: to.replace(/\D/g, ''), to: SEED_NUMBERS.connected, text: 'hi' });
		emu.setFaults({ serverErrors: 1, actions: ['SendChatappMessage'] });
		// When the node learned of the failure: the moment it built the error from CAMS's answer.
		let failedAt = Infinity;
		const original = errors.camsApiError;
		const build = jest.spyOn(errors, 'camsApiError').mockImplementation((...args) => {
			failedAt = Math.min(failedAt, Date.now());
			return original(...args);
		});
		const nodeType = new AlibabaCloudChatApp();
		const harness = createExecuteHarness({
			nodeType,
			parameters: {
				...templateSend(),
				operation: 'send',
				messageType: 'text',
				text: '={{ "message " + $json.seq }}',
				options: { concurrency: 25, perSecond: 245 },
			},
			credentials: credentialsFor(emu.url),
			items: input,
		});
		let thrown: unknown;
		try {
			await nodeType.execute.call(harness.context);
		} catch (error) {
			thrown = error;
		} finally {
			build.mockRestore();
		}
		expect(thrown).toBeDefined();
		const calls = emu.calls({ action: 'SendChatappMessage' });
		expect(calls[0]).toMatchObject({ outcome: 'server-error', params: { To: '6580000000' } });
		const starts = harness.credentialsHelper.authenticated
			.filter((record) => record.incoming.headers?.['x-acs-action'] === 'SendChatappMessage')
			.map((record) => record.at);
		expect(starts.length).toBe(calls.length);
		expect(starts.filter((at) => at > failedAt)).toEqual([]);
		expect(calls.length).toBeLessThan(input.length);
		const error = thrown as NodeFailure;
		expect(error.context?.itemIndex).toBe(0);
		expect(error.description).toContain(`${input.length - calls.length} item(s) were not started`);
		expect(error.description).toContain(`${calls.length - 1} item(s) already under way`);
	});

	it('keeps input order per recipient under random latency', async () => {
		emu.configure({ latency: { fixedMs: 5, jitterMs: 40 } });
		const input = items(1000, 10);
		const output = await runChatApp(emu.url, templateSend(), { items: input });
		expect(output).toHaveLength(1000);
		const byRecipient = new Map<string, number[]>();
		for (const send of emu.sends()) {
			const seq = Number(send.templateParams?.orderId);
			byRecipient.set(send.to, [...(byRecipient.get(send.to) ?? []), seq]);
		}
		expect(byRecipient.size).toBe(10);
		for (const [to, seqs] of byRecipient) {
			expect([to, seqs]).toEqual([to, [...seqs].sort((a, b) => a - b)]);
			expect(seqs).toHaveLength(100);
		}
	}, 60_000);
});
