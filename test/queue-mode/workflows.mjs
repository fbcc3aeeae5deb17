// Workflows and traffic of the queue-mode cases: a webhook-started bulk Send Template, a Chat App Trigger that
// reports each item to the sink, CAMS-shaped inbound pushes, and which worker ran an execution.
import { randomUUID } from 'node:crypto';

import {
	ACTION_TYPE,
	CREDENTIAL_TYPE,
	PACKAGE_NAME,
	TRIGGER_TYPE,
} from '../../scripts/n8n/chatapp.mjs';

const byId = (value) => ({ __rl: true, mode: 'id', value });
const credentials = (credential) => ({
	[CREDENTIAL_TYPE]: { id: credential.id, name: credential.name },
});

/** Webhook (answers at once) → Code (count recipients) → Send Template with Continue On Fail. */
export function sendWorkflow({ name, count, offset, credential, seed }) {
	const path = `qm/send-${randomUUID()}`;
	const template = seed.templates.orderShipped;
	const code = `return Array.from({ length: ${count} }, (_, i) => ({ json: { phone: '658' + String(${offset} + i).padStart(7, '0'), orderId: 'A-' + (${offset} + i) } }));`;
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Recipients',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: code },
			},
			{
				id: randomUUID(),
				name: 'Send Template',
				type: ACTION_TYPE,
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueRegularOutput',
				credentials: credentials(credential),
				parameters: {
					resource: 'message',
					operation: 'sendTemplate',
					channelType: 'whatsapp',
					channelId: byId(seed.channels.whatsapp.custSpaceId),
					from: byId(seed.numbers.connected),
					to: '={{ $json.phone }}',
					template: byId(template.code),
					language: template.language,
					variablesInput: 'mapper',
					templateVariables: {
						mappingMode: 'defineBelow',
						value: {
							orderId: '={{ $json.orderId }}',
							name: 'Customer',
							date: 'Monday',
							trackingId: '={{ "TRK" + $json.orderId }}',
						},
					},
					options: {},
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: 'Send Template', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** A report of each item to the sink, as the second node of a trigger workflow. */
const reportNode = (sinkUrl) => ({
	id: randomUUID(),
	name: 'Report',
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	position: [220, 0],
	parameters: {
		method: 'POST',
		url: sinkUrl,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify({ id: $json.messageId }) }}',
		options: {},
	},
});

/** Chat App Trigger (inbound, callback configured in CAMS, de-duplication on) → HTTP Request to the sink. */
export function triggerWorkflow({ credential, seed, sinkUrl }) {
	return {
		name: 'queue mode trigger',
		nodes: [
			{
				id: randomUUID(),
				name: 'Chat App Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: randomUUID(),
				credentials: credentials(credential),
				parameters: {
					events: ['inboundMessage'],
					configureCallback: true,
					channelId: byId(seed.channels.whatsapp.custSpaceId),
					phoneNumber: byId(seed.numbers.connected),
					pathSecret: `qm${randomUUID().replace(/-/g, '')}`,
					options: {},
				},
			},
			reportNode(sinkUrl),
		],
		connections: {
			'Chat App Trigger': { main: [[{ node: 'Report', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Queue Trigger (the CAMS-managed queue, read through the emulator's endpoints) → report to the sink. */
export function queueWorkflow({ credential, emulatorUrl, queueName, sinkUrl }) {
	return {
		name: 'queue mode queue trigger',
		nodes: [
			{
				id: randomUUID(),
				name: 'Queue',
				type: `${PACKAGE_NAME}.alibabaCloudChatAppQueueTrigger`,
				typeVersion: 1,
				position: [0, 0],
				credentials: credentials(credential),
				parameters: {
					queueSource: 'cams',
					queueName: { __rl: true, mode: 'name', value: queueName },
					endpoints: 'custom',
					customQueueEndpoint: emulatorUrl,
					dybaseapiEndpoint: emulatorUrl,
					deduplicate: false,
					options: { waitSeconds: 2, retryDelaySeconds: 1 },
				},
			},
			reportNode(sinkUrl),
		],
		connections: { Queue: { main: [[{ node: 'Report', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** A delivery status event as CAMS writes it to the ChatAppStatus queue. */
export function statusEvent(messageId) {
	return {
		MessageId: messageId,
		From: '6591234567',
		To: '6590000001',
		Timestamp: Date.now(),
		Status: 'Delivered',
		MsgFrameType: 'message',
	};
}

/** One inbound text event as CAMS pushes it (ChatAppInbound: a JSON array). */
export function pushBody(messageId, seed) {
	return JSON.stringify([
		{
			MessageId: messageId,
			CustSpaceId: seed.channels.whatsapp.custSpaceId,
			From: '+6590000001',
			To: seed.numbers.connected,
			Name: 'Queue Mode',
			NoticeType: 'inbound',
			Type: 'TEXT',
			Message: `hello ${messageId}`,
			Timestamp: Date.now(),
		},
	]);
}

/** POSTs [url, body] pairs with `concurrency` requests in flight; returns {status} per pair, in order. */
export async function postConcurrently(requests, concurrency) {
	const answers = new Array(requests.length);
	let next = 0;
	const lane = async () => {
		while (next < requests.length) {
			const index = next++;
			const [url, body] = requests[index];
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
			});
			await res.arrayBuffer();
			answers[index] = { status: res.status };
		}
	};
	await Promise.all(Array.from({ length: concurrency }, lane));
	return answers;
}

/** Which worker ran an execution, from the workers' own logs ("Worker started execution <id> ("). */
export function workerOf(qm, executionId) {
	const worker = qm.workers.find((w) =>
		w.logs().includes(`Worker started execution ${executionId} (`),
	);
	return worker?.role ?? 'unknown';
}
