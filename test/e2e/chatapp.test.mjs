// End-to-end: the packed package in a real n8n 2.8.4, talking to the local CAMS emulator, driven through n8n's own
// REST API with the example workflows of examples/*.json. One n8n and one emulator are shared by every test here.
//
//   npm run test:e2e          (first run installs n8n into ~/.cache, see scripts/n8n/README.md)
//   N8N_E2E_KEEP=1 / N8N_E2E_ECHO_LOGS=1 keep the n8n folder and log / stream n8n's log.
//
// The assertions look at both ends: what the emulator received (its call log: signature method and outcome,
// decoded parameters; its push log) and what n8n recorded (executions and the items of each node).
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

import {
	ACTION_TYPE,
	CREDENTIAL_DEFAULT_NAME,
	CREDENTIAL_PLACEHOLDER_ID,
	CREDENTIAL_TYPE,
	createEmulatorCredential,
	emulatorCredentialData,
	installExamples,
	listExamples,
	PACKAGE_NAME,
	readExample,
	startCamsEmulator,
	TRIGGER_TYPE,
	waitForExampleWebhooks,
} from '../../scripts/n8n/chatapp.mjs';
import { launch, nodeJson } from '../../scripts/n8n/runtime.mjs';
import {
	allNodeItems,
	collectNodeItems,
	createTimings,
	nodesThatRan,
	waitFor,
} from './helpers/wait.mjs';

const timings = createTimings();
const CHANNEL = 'cams-emu-whatsapp';
const BUSINESS = '6591234567';

let emu; // CamsEmulator (in this process)
let seed;
let keys; // EMULATOR_KEYS
let env; // launch() result: {n8n, client, stop, ...}
let client;
let credential;
let wf; // installed examples by key

/** Accepted gateway calls of an action, newest last. */
const accepted = (action) => emu.calls({ action, outcome: 'accepted' });

// 30 min leaves room for a cold n8n install (~3-8 min) in `before`; on a warm cache the whole file takes < 1 min.
describe('Alibaba Cloud Chat App in a real n8n', { timeout: 30 * 60_000 }, () => {
	before(async () => {
		const started = await timings.measure('emulator start', () => startCamsEmulator());
		emu = started.emulator;
		seed = started.seed;
		keys = started.keys;
		env = await timings.measure('n8n: install check + build + pack + start + owner', () =>
			launch(),
		);
		for (const [k, v] of Object.entries(env.timings))
			if (typeof v === 'number') timings.add(`  launch.${k}`, v);
		client = env.client;
		credential = await timings.measure('credential + examples imported and activated', async () => {
			const cred = await createEmulatorCredential(client, emu.url);
			wf = await installExamples(client, { credential: cred });
			await waitForExampleWebhooks(client, wf);
			return cred;
		});
	});

	const testStart = new Map();
	beforeEach((t) => testStart.set(t.name, Date.now()));
	afterEach((t) =>
		timings.add(`test: ${t.name.slice(0, 70)}`, Date.now() - (testStart.get(t.name) ?? Date.now())),
	);

	after(async () => {
		await timings.measure('n8n + emulator stop', async () => {
			await env?.stop();
			await emu?.close();
		});
		timings.print('e2e timings (Alibaba Cloud Chat App in n8n 2.8.4)');
	});

	it('loads the action node, the trigger node and the credential from the packed package', async () => {
		assert.ok(env.nodeTypes.includes(ACTION_TYPE), env.nodeTypes.join(', '));
		assert.ok(env.nodeTypes.includes(TRIGGER_TYPE), env.nodeTypes.join(', '));
		assert.ok(env.nodeTypes.every((t) => t.startsWith(`${PACKAGE_NAME}.`)));
		const creds = (await client.credentialTypes()).map((c) => c.name);
		assert.ok(creds.includes(CREDENTIAL_TYPE));
	});

	it('activation registered the trigger webhooks in CAMS (Configure Callback in CAMS)', () => {
		const hooks = emu.webhooks();
		const url = (key) => Object.values(wf[key].urls)[0].url;
		assert.equal(hooks.senders[BUSINESS].statusCallbackUrl, url('delivery-status-log'));
		assert.equal(hooks.senders[BUSINESS].upCallbackUrl, url('auto-reply'));
		assert.equal(hooks.senders[BUSINESS].httpFlag, 'Y');
		assert.equal(hooks.accounts[CHANNEL].statusCallbackUrl, url('template-review-alert'));
		for (const action of [
			'QueryChatappPhoneNumbers',
			'UpdatePhoneWebhook',
			'UpdateAccountWebhook',
		]) {
			assert.ok(accepted(action).length > 0, `no accepted ${action} call`);
		}
	});

	it('every example file imports unchanged (as the editor does) with the credential linked by name', async () => {
		const files = listExamples();
		assert.deepEqual(
			files.map((f) => f.key),
			[
				'auto-reply',
				'bulk-campaign',
				'crm-order-notification',
				'delivery-status-log',
				'queue-inbound-log',
				'refund-approval',
				'template-review-alert',
			],
		);
		for (const { key, file } of files) {
			const example = readExample(file);
			const refs = example.nodes
				.filter((n) => n.credentials?.[CREDENTIAL_TYPE])
				.map((n) => n.credentials[CREDENTIAL_TYPE]);
			assert.ok(refs.length > 0, `${key} uses no CAMS credential`);
			assert.ok(
				refs.every((r) => r.id === CREDENTIAL_PLACEHOLDER_ID && r.name === CREDENTIAL_DEFAULT_NAME),
				`${key}: ${JSON.stringify(refs)}`,
			);
			// POST /rest/workflows is what the editor calls after "Import from File" + save
			const saved = await client.rest('POST', '/workflows', {
				...example,
				name: `${example.name} (raw import)`,
				active: false,
			});
			const stored = await client.getWorkflow(saved.id);
			for (const node of stored.nodes.filter((n) => n.credentials?.[CREDENTIAL_TYPE])) {
				assert.equal(node.credentials[CREDENTIAL_TYPE].id, credential.id, `${key} / ${node.name}`);
			}
		}
	});

	describe('(1) credential test', () => {
		it('passes with the emulator keys', async () => {
			const result = await client.testCredential(credential);
			assert.deepEqual(result, { status: 'OK', message: 'Connection successful!' });
			const last = emu.calls({ action: 'ListInstance' }).at(-1);
			assert.equal(last.outcome, 'accepted');
			assert.equal(last.signatureMethod, 'ACS3-HMAC-SHA256');
		});

		it('fails with a wrong secret, naming the cause', async () => {
			const result = await client.testCredential({
				...credential,
				data: emulatorCredentialData(emu.url, { accessKeySecret: 'not-the-secret' }),
			});
			assert.equal(result.status, 'Error');
			assert.match(result.message, /SignatureDoesNotMatch/);
			assert.match(result.message, /secret/i);
			const last = emu.calls({ action: 'ListInstance' }).at(-1);
			assert.equal(last.outcome, 'rejected');
			assert.equal(last.code, 'SignatureDoesNotMatch');
		});

		it('fails with an unknown AccessKey ID, naming the cause', async () => {
			const result = await client.testCredential({
				...credential,
				data: emulatorCredentialData(emu.url, { accessKeyId: 'LTAI5tDoesNotExist000' }),
			});
			assert.equal(result.status, 'Error');
			assert.match(result.message, /InvalidAccessKeyId\.NotFound/);
		});
	});

	describe('(2) CRM → WhatsApp order notification', () => {
		let messageId;

		it('the webhook sends a correctly signed SendChatappMessage with the template variables', async () => {
			const crm = wf['crm-order-notification'];
			const { url } = Object.values(crm.urls)[0];
			const order = {
				orderId: 'A7731',
				customerName: 'Bob',
				phone: '+65 9000 0001',
				deliveryDate: '2 May',
				trackingId: 'TRK7731',
			};
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(order),
				signal: AbortSignal.timeout(30_000),
			});
			const body = await res.json();
			assert.equal(res.status, 200, JSON.stringify(body));
			assert.ok(body.MessageId, `webhook answer without MessageId: ${JSON.stringify(body)}`);
			messageId = body.MessageId;

			const call = accepted('SendChatappMessage').find(
				(c) => c.params.To === '6590000001' && c.params.TaskId === 'order-A7731',
			);
			assert.ok(
				call,
				`no accepted SendChatappMessage to 6590000001: ${JSON.stringify(emu.calls({ action: 'SendChatappMessage' }))}`,
			);
			assert.equal(call.signatureMethod, 'ACS3-HMAC-SHA256');
			assert.equal(call.accessKeyId, keys.accessKeyId);
			assert.equal(call.params.ChannelType, 'whatsapp');
			assert.equal(call.params.CustSpaceId, CHANNEL);
			assert.equal(call.params.From, BUSINESS);
			assert.equal(call.params.Type, 'template');
			assert.equal(call.params.TemplateCode, seed.templates.orderShipped.code);
			assert.equal(call.params.Language, 'en_US');
			assert.deepEqual(JSON.parse(call.params.TemplateParams), {
				orderId: 'A7731',
				name: 'Bob',
				date: '2 May',
				trackingId: 'TRK7731',
			});
			const send = emu.sends({ to: '6590000001' }).find((s) => s.messageId === messageId);
			assert.ok(send, 'the emulator has no send with the MessageId n8n answered');
			assert.equal(send.duplicate, false);

			// n8n may store the execution just after answering the webhook: wait for it
			const { executions } = await collectNodeItems(client, crm.id, 'Send Order Shipped Template', {
				until: (items) => items.some((i) => i.MessageId === messageId),
				what: 'the CRM workflow execution',
			});
			const exec = executions.find((e) =>
				allNodeItems(e, 'Send Order Shipped Template').some((i) => i.MessageId === messageId),
			);
			assert.equal(exec.status, 'success');
			assert.equal(exec.mode, 'webhook');
			assert.equal(allNodeItems(exec, 'Order Shipped (CRM Webhook)')[0].body.orderId, 'A7731');
		});

		it('its status pushes reach the active Trigger workflow as Sent, Delivered and Read items', async () => {
			assert.ok(messageId, 'needs the previous test');
			const log = wf['delivery-status-log'];
			const { items } = await collectNodeItems(client, log.id, 'Format Log Entry', {
				until: (all) =>
					['Sent', 'Delivered', 'Read'].every((s) =>
						all.some((i) => i.messageId === messageId && i.status === s),
					),
				what: `Sent/Delivered/Read of ${messageId} in "${log.name}"`,
			});
			const mine = items.filter((i) => i.messageId === messageId);
			assert.deepEqual(mine.map((i) => i.status).sort(), ['Delivered', 'Read', 'Sent']);
			for (const item of mine) {
				assert.equal(item.customer, '6590000001');
				assert.equal(item.businessNumber, BUSINESS);
				assert.equal(item.taskId, 'order-A7731');
			}
			const pushes = emu
				.pushes({ kind: 'ChatAppStatus' })
				.filter((p) => p.events.some((e) => e.MessageId === messageId));
			assert.ok(
				pushes.length > 0 && pushes.every((p) => p.delivered),
				'every status push was acknowledged with code 0',
			);
		});
	});

	describe('(3) auto-reply to inbound messages', () => {
		it('an inbound "hi" gets a reply that quotes it (ContextMessageId)', async () => {
			const inbound = emu.inbound({
				from: '6590000002',
				to: BUSINESS,
				text: 'Hi, is my order on its way?',
				name: 'Dana',
			});
			const call = await waitFor(
				() =>
					accepted('SendChatappMessage').find(
						(c) => c.params.To === '6590000002' && c.params.Type === 'message',
					),
				{ what: 'the auto-reply SendChatappMessage', timeoutMs: 30_000 },
			);
			assert.equal(call.params.ContextMessageId, inbound.MessageId);
			assert.equal(call.signatureMethod, 'ACS3-HMAC-SHA256');
			assert.equal(call.params.From, BUSINESS);
			assert.equal(call.params.CustSpaceId, CHANNEL);
			assert.equal(call.params.MessageType, 'text');
			assert.match(call.params.Content, /Hi Dana!/);

			const reply = wf['auto-reply'];
			const { executions } = await collectNodeItems(client, reply.id, 'Reply', {
				until: (items) => items.length > 0,
				what: 'the auto-reply execution',
			});
			const exec = executions.find((e) =>
				allNodeItems(e, 'Inbound Message').some((i) => i.messageId === inbound.MessageId),
			);
			assert.ok(exec, 'no execution for the injected message');
			const [event] = allNodeItems(exec, 'Inbound Message');
			assert.equal(event.event, 'inboundMessage');
			assert.equal(event.text, 'Hi, is my order on its way?');
			assert.equal(event.customer, '6590000002');
			assert.ok(allNodeItems(exec, 'Reply')[0].MessageId);
		});

		it('a message without the keyword takes the other branch and sends nothing', async () => {
			const inbound = emu.inbound({
				from: '6590000003',
				to: BUSINESS,
				text: 'What are your opening times?',
			});
			const reply = wf['auto-reply'];
			const { executions } = await collectNodeItems(client, reply.id, 'Inbound Message', {
				until: (items) => items.some((i) => i.messageId === inbound.MessageId),
				what: 'the execution of the second inbound message',
			});
			const exec = executions.find((e) =>
				allNodeItems(e, 'Inbound Message').some((i) => i.messageId === inbound.MessageId),
			);
			assert.ok(
				nodesThatRan(exec).includes('Other Messages (Hand to an Agent)'),
				nodesThatRan(exec).join(', '),
			);
			assert.ok(!nodesThatRan(exec).includes('Reply'));
			assert.equal(emu.sends({ to: '6590000003' }).length, 0);
		});

		it('the trigger answers 401 to a push whose path secret is wrong and starts nothing', async () => {
			const { url } = Object.values(wf['auto-reply'].urls)[0];
			const wrong = url.replace(/\/[^/]+$/, '/not-the-secret-0123456789');
			const res = await fetch(wrong, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '[]',
				signal: AbortSignal.timeout(30_000),
			});
			assert.equal(res.status, 401);
			assert.equal((await res.json()).code, 401);
		});
	});

	describe('(4) template review', () => {
		it('a template created from a workflow yields a Template Review event in the Trigger workflow', async () => {
			const review = wf['template-review-alert'];
			const exec = await client.runWorkflowAndWait(review.id, {
				triggerName: 'Submit Template for Review',
			});
			assert.equal(exec.status, 'success', JSON.stringify(exec.data?.resultData?.error));
			const [created] = nodeJson(exec, 'Create Template');
			assert.ok(created?.TemplateCode, JSON.stringify(created));
			const call = accepted('CreateChatappTemplate').at(-1);
			assert.equal(call.params.CustSpaceId, CHANNEL);
			assert.match(call.params.Name, /^appointment_confirmed_\d+$/);
			assert.equal(call.params.Category, 'UTILITY');

			const { items } = await collectNodeItems(client, review.id, 'Template Review Events', {
				until: (all) => all.some((i) => i.templateCode === created.TemplateCode),
				what: `the review event of ${created.TemplateCode}`,
			});
			const event = items.find((i) => i.templateCode === created.TemplateCode);
			assert.equal(event.event, 'templateReview');
			assert.equal(event.auditStatus, 'pass');
			assert.equal(event.language, 'en_US');
			const approved = await collectNodeItems(client, review.id, 'Template Approved', {
				until: (all) => all.some((i) => i.templateCode === created.TemplateCode),
			});
			assert.match(
				approved.items.find((i) => i.templateCode === created.TemplateCode).info,
				/is now pass/,
			);

			// A later rejection (as Meta may pause or reject a template) takes the alert branch.
			emu.setTemplateStatus(
				created.TemplateCode,
				'en_US',
				'fail',
				'INVALID_FORMAT: variables at the start of the body',
			);
			const alerts = await collectNodeItems(client, review.id, 'Alert: Template Rejected', {
				until: (all) => all.some((i) => i.templateCode === created.TemplateCode),
				what: 'the rejection alert',
			});
			const alert = alerts.items.find((i) => i.templateCode === created.TemplateCode);
			assert.equal(alert.auditStatus, 'fail');
			assert.match(alert.alert, /INVALID_FORMAT/);
		});
	});

	describe('(5) list search, load options and resource mapper through n8n REST', () => {
		const base = () => ({
			nodeType: ACTION_TYPE,
			credential,
			currentNodeParameters: {
				resource: 'message',
				operation: 'sendTemplate',
				channelType: 'whatsapp',
				channelId: { __rl: true, mode: 'list', value: CHANNEL },
				from: { __rl: true, mode: 'list', value: BUSINESS },
				template: { __rl: true, mode: 'list', value: seed.templates.orderShipped.code },
				language: 'en_US',
			},
		});

		it('template picker (listSearch searchApprovedTemplates) lists approved templates and filters', async () => {
			const all = await client.listSearch({
				...base(),
				methodName: 'searchApprovedTemplates',
				path: 'parameters.template',
			});
			const names = all.results.map((r) => r.name);
			assert.ok(
				all.results.some((r) => r.value === `${seed.templates.orderShipped.code}|en_US`),
				names.join('\n'),
			);
			assert.ok(
				!all.results.some((r) => r.value.startsWith(`${seed.templates.summerSale.code}|`)),
				'a rejected template is offered',
			);
			const filtered = await client.listSearch({
				...base(),
				methodName: 'searchApprovedTemplates',
				path: 'parameters.template',
				filter: 'order_sh',
			});
			assert.ok(filtered.results.length >= 1);
			assert.ok(
				filtered.results.every((r) => /order_sh/.test(r.name)),
				filtered.results.map((r) => r.name).join(', '),
			);
		});

		it('channel and sender pickers (listSearch) answer from the emulator', async () => {
			const channels = await client.listSearch({
				...base(),
				methodName: 'searchChannels',
				path: 'parameters.channelId',
			});
			assert.ok(
				channels.results.some((r) => r.value === CHANNEL),
				JSON.stringify(channels),
			);
			const numbers = await client.listSearch({
				...base(),
				methodName: 'searchSenders',
				path: 'parameters.from',
			});
			assert.ok(
				numbers.results.some((r) => r.value === BUSINESS),
				JSON.stringify(numbers),
			);
		});

		it('template languages (loadOptions getTemplateLanguages)', async () => {
			const options = await client.loadOptions({
				...base(),
				methodName: 'getTemplateLanguages',
				path: 'parameters.language',
			});
			assert.deepEqual(
				options.map((o) => o.value),
				['en_US', 'es'],
			);
		});

		it('template variables (resourceMapper getTemplateVariables)', async () => {
			const mapper = await client.resourceMapperFields({
				...base(),
				methodName: 'getTemplateVariables',
				path: 'parameters.templateVariables',
			});
			assert.deepEqual(
				mapper.fields.map((f) => f.id),
				seed.templates.orderShipped.variables,
			);
			assert.ok(mapper.fields.every((f) => f.required && f.type === 'string'));
		});
	});

	describe('bulk campaign from a list', () => {
		it('sends one SendChatappMassMessage with every recipient and its variables', async () => {
			const bulk = wf['bulk-campaign'];
			const exec = await client.runWorkflowAndWait(bulk.id);
			assert.equal(exec.status, 'success', JSON.stringify(exec.data?.resultData?.error));
			const out = nodeJson(exec, 'Send Campaign');
			assert.equal(out.length, 3);
			const call = accepted('SendChatappMassMessage').at(-1);
			assert.ok(call, 'no accepted SendChatappMassMessage');
			assert.equal(call.signatureMethod, 'ACS3-HMAC-SHA256');
			const backInStock = emu
				.templates({ custSpaceId: CHANNEL })
				.find((t) => t.name === 'back_in_stock');
			assert.equal(call.params.TemplateCode, backInStock.code);
			const list = JSON.parse(call.params.SenderList);
			assert.deepEqual(
				list.map((r) => [r.To, r.TemplateParams]),
				[
					['6590000101', { name: 'Ana', product: 'Blue mug' }],
					['6590000102', { name: 'Bob', product: 'Blue mug' }],
					['6590000103', { name: 'Chen', product: 'Green teapot' }],
				],
			);
		});
	});
});
