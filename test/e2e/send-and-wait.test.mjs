// End-to-end: Message > Send and Wait for Response in a real n8n 2.8.4 with the packed package, talking to the local
// CAMS emulator. The tests "tap" the links the emulator received (its links() record) the way a phone would, over
// n8n's real /webhook-waiting route, and read what n8n recorded (execution status, node output).
//
//   node --test test/e2e/send-and-wait.test.mjs      (part of `npm run test:e2e`)
//
// n8n signs resume links with N8N_HMAC_SIGNATURE_SECRET (else a key derived from the encryption key) and builds
// them on WEBHOOK_URL; scripts/n8n sets WEBHOOK_URL, and the secret is passed here through launch({ env }) so the
// test can check the signature independently. n8n's wait tracker polls every 60 s, so a 5 s Limit Wait Time resumes
// within about a minute: that run starts first and is checked last.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	ACTION_TYPE,
	createEmulatorCredential,
	installExamples,
	startCamsEmulator,
} from '../../scripts/n8n/chatapp.mjs';
import { launch, nodeJson } from '../../scripts/n8n/runtime.mjs';
import { startFakeOpenAi } from './helpers/fakeOpenAi.mjs';
import { requireTs } from './helpers/ts.mjs';
import { createTimings, nodesThatRan, waitFor } from './helpers/wait.mjs';

const timings = createTimings();
const CHANNEL = 'cams-emu-whatsapp';
const BUSINESS = '6591234567';
const HMAC_SECRET = 'e2e-send-and-wait-hmac-secret-0123456789';
const PERSON =
	'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36';

let emu;
let env;
let client;
let credential;
let refund; // the installed refund-approval example
let timeoutRun; // {workflowId, executionId, startedAt} of the Limit Wait Time run

/**
 * A workflow node. `type` is 'chatApp' (this package's action node), a full type name, or an n8n-nodes-base name;
 * nodes of this package get the emulator credential.
 */
function node(name, type, position, parameters = {}, typeVersion) {
	const fullType =
		type === 'chatApp' ? ACTION_TYPE : type.includes('.') ? type : `n8n-nodes-base.${type}`;
	return {
		id: crypto.randomUUID(),
		name,
		type: fullType,
		typeVersion: typeVersion ?? (type === 'set' ? 3.4 : 1),
		position: [position, 0],
		parameters,
		...(fullType.startsWith(ACTION_TYPE) && {
			credentials: { alibabaCloudChatAppApi: { id: credential.id, name: credential.name } },
		}),
	};
}

/** A straight line of nodes, each feeding the next. */
function chain(name, nodes) {
	const connections = {};
	nodes.slice(1).forEach((next, i) => {
		connections[nodes[i].name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return { name, nodes, connections };
}

/** Manual Trigger → Set (the input a timeout must give back) → Send and Wait. */
function sendAndWaitWorkflow(name, parameters) {
	return chain(name, [
		node('Start', 'manualTrigger', 0),
		node('Request', 'set', 200, {
			assignments: { assignments: [{ id: 'a1', name: 'refundId', value: name, type: 'string' }] },
			options: {},
		}),
		node('Send and Wait', 'chatApp', 400, {
			resource: 'message',
			operation: 'sendAndWait',
			channelType: 'whatsapp',
			channelId: { __rl: true, mode: 'id', value: CHANNEL },
			from: { __rl: true, mode: 'id', value: BUSINESS },
			message: `Approve ${name}?`,
			...parameters,
		}),
	]);
}

/** Starts a manual run of a new Send and Wait workflow to `to` and waits until n8n parks it. */
async function startWaiting(name, to, parameters = {}) {
	const wf = await client.createWorkflow(sendAndWaitWorkflow(name, { to, ...parameters }));
	const { executionId } = await client.runWorkflow(wf.id);
	const execution = await client.waitForExecution(executionId, { waiting: true });
	return { workflowId: wf.id, executionId, execution };
}

/** The links the emulator received for a recipient, waiting until `count` are there. */
async function linksFor(to, count) {
	return await waitFor(
		() => {
			const links = emu.links({ to });
			return links.length >= count && links;
		},
		{ what: `${count} link(s) sent to ${to}` },
	);
}

const { resumeSignatureValid } = requireTs('test/helpers/resumeLinks.ts');
/** n8n's signature of the link, recomputed with the secret n8n was started with. */
const signatureValid = (link) => resumeSignatureValid(link, HMAC_SECRET);

/** Opens a link as a phone's browser would (GET, a browser user agent) and reads the page. */
async function tap(url, { method = 'GET', body, headers = {} } = {}) {
	const res = await fetch(url, {
		method,
		body,
		headers: { 'user-agent': PERSON, ...headers },
		signal: AbortSignal.timeout(30_000),
	});
	return {
		status: res.status,
		type: res.headers.get('content-type') ?? '',
		text: await res.text(),
	};
}

const finished = (executionId) => client.waitForExecution(executionId, { timeoutMs: 60_000 });

describe('Send and Wait for Response in a real n8n', { timeout: 30 * 60_000 }, () => {
	before(async () => {
		const started = await timings.measure('emulator start', () => startCamsEmulator());
		emu = started.emulator;
		env = await timings.measure('n8n: install check + build + pack + start + owner', () =>
			launch({ env: { N8N_HMAC_SIGNATURE_SECRET: HMAC_SECRET } }),
		);
		client = env.client;
		credential = await createEmulatorCredential(client, emu.url);
		// The 5 s limit resumes on n8n's next wait-tracker poll (up to ~60 s): start it first.
		emu.inbound({ from: '6590000501', to: BUSINESS });
		timeoutRun = {
			...(await startWaiting('R-timeout', '6590000501', {
				options: {
					limitWaitTime: {
						values: {
							limitType: 'atSpecifiedTime',
							maxDateAndTime: '={{ $now.plus({ seconds: 5 }).toISO() }}',
						},
					},
				},
			})),
			startedAt: Date.now(),
		};
		refund = (await installExamples(client, { credential, only: ['refund-approval'] }))[
			'refund-approval'
		];
		await client.waitForWebhook(refund.urls['Refund Requested'].path);
	});

	after(async () => {
		await env?.stop();
		await emu?.close();
		timings.print('e2e timings (Send and Wait for Response, n8n 2.8.4)');
	});

	describe('AI Agent human review (the …HitlTool n8n generates from the operation)', () => {
		const HITL_TYPE = `${ACTION_TYPE}HitlTool`;
		const SEND_TO_CUSTOMER = {
			resource: 'message',
			operation: 'send',
			channelType: 'whatsapp',
			channelId: { __rl: true, mode: 'id', value: CHANNEL },
			from: { __rl: true, mode: 'id', value: BUSINESS },
			messageType: 'text',
			text: "={{ $fromAI('text', 'the message to the customer', 'string') }}",
		};
		let model;
		let openAiCredential;

		before(async () => {
			model = await startFakeOpenAi({ argument: 'Your refund R-7 is approved.' });
			// the public API's schema for openAiApi has no allowedHttpRequestDomains
			openAiCredential = await client.api('POST', '/credentials', {
				name: 'OpenAI (local stand-in)',
				type: 'openAiApi',
				data: { apiKey: 'sk-local', url: model.url, header: false },
			});
		});
		after(async () => await model?.close());

		/** Start → AI Agent (a chat model, and "Tell Customer" gated by "Human Review"). */
		async function runAgent(reviewer, customer) {
			emu.inbound({ from: reviewer, to: BUSINESS });
			emu.inbound({ from: customer, to: BUSINESS });
			const agent = node(
				'AI Agent',
				'@n8n/n8n-nodes-langchain.agent',
				200,
				{
					promptType: 'define',
					text: 'Tell the customer that refund R-7 is approved.',
					options: {},
				},
				3.1,
			);
			const chatModel = {
				...node(
					'OpenAI Model',
					'@n8n/n8n-nodes-langchain.lmChatOpenAi',
					200,
					{
						model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' },
						options: {},
					},
					1.2,
				),
				credentials: { openAiApi: { id: openAiCredential.id, name: openAiCredential.name } },
			};
			const review = node('Human Review', HITL_TYPE, 400, {
				channelType: 'whatsapp',
				channelId: { __rl: true, mode: 'id', value: CHANNEL },
				from: { __rl: true, mode: 'id', value: BUSINESS },
				to: reviewer,
				approvalOptions: { values: { approvalType: 'double' } },
			});
			const tool = node('Tell Customer', `${ACTION_TYPE}Tool`, 600, {
				...SEND_TO_CUSTOMER,
				to: customer,
			});
			const wf = await client.createWorkflow({
				name: `Agent with human review (${reviewer})`,
				nodes: [node('Start', 'manualTrigger', 0), agent, chatModel, review, tool],
				connections: {
					Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
					'OpenAI Model': {
						ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
					},
					'Tell Customer': { ai_tool: [[{ node: 'Human Review', type: 'ai_tool', index: 0 }]] },
					'Human Review': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
				},
			});
			const { executionId } = await client.runWorkflow(wf.id);
			const waiting = await client.waitForExecution(executionId, { waiting: true });
			return { executionId, waiting, links: await linksFor(reviewer, 2) };
		}

		it("n8n generates the tool with the operation's parameters", async () => {
			const types = await client.nodeTypes();
			const hitl = types.find((t) => t.name === HITL_TYPE);
			assert.ok(hitl, env.nodeTypes.join(', '));
			const props = Object.fromEntries(hitl.properties.map((p) => [p.name, p]));
			assert.equal(props.operation.type, 'hidden');
			assert.equal(props.operation.default, 'sendAndWait');
			assert.equal(props.resource.default, 'message');
			assert.equal(props.responseType.default, 'approval');
			assert.match(props.message.default, /The agent wants to call/);
			assert.ok(props.approvalOptions && props.to && props.channelType);
		});

		it("Approve: the agent's gated tool call waits for the reviewer, then runs", async () => {
			const { executionId, waiting, links } = await runAgent('6590000801', '6590000802');
			assert.equal(waiting.status, 'waiting');
			assert.equal(emu.sends({ to: '6590000802' }).length, 0, 'nothing reaches the customer yet');
			const request = emu.calls({ action: 'SendChatappMessage' }).at(-1);
			assert.equal(request.params.To, '6590000801');
			assert.match(
				JSON.parse(request.params.Content).text,
				/^The agent wants to call Tell[ _]Customer/,
			);
			assert.equal((await tap(links[0].url)).status, 200);
			const exec = await finished(executionId);
			assert.equal(exec.status, 'success', JSON.stringify(exec.data?.resultData?.error));
			assert.deepEqual(
				emu.sends({ to: '6590000802' }).map((send) => JSON.parse(send.content)),
				[{ text: 'Your refund R-7 is approved.' }],
			);
			assert.match(nodeJson(exec, 'AI Agent')[0].output, /"MessageId"/);
		});

		it('Decline: the gated tool does not run and the model is told the call was rejected', async () => {
			const { executionId, links } = await runAgent('6590000803', '6590000804');
			assert.equal((await tap(links[1].url)).status, 200);
			const exec = await finished(executionId);
			assert.equal(exec.status, 'success', JSON.stringify(exec.data?.resultData?.error));
			assert.equal(emu.sends({ to: '6590000804' }).length, 0);
			assert.match(nodeJson(exec, 'AI Agent')[0].output, /rejected the tool call to Tell Customer/);
		});
	});

	/** POSTs a refund request to the example's webhook; returns its execution once n8n shows it waiting. */
	async function requestRefund(refundId, managerPhone) {
		emu.inbound({ from: managerPhone, to: BUSINESS, text: 'hi' }); // opens the 24-hour window
		const res = await fetch(refund.urls['Refund Requested'].url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				refundId,
				orderId: 'A1001',
				amount: 40,
				currency: 'EUR',
				reason: 'Damaged',
				managerPhone,
			}),
			signal: AbortSignal.timeout(30_000),
		});
		assert.equal(res.status, 200);
		// The public API's execution list leaves waiting executions out; the link names the execution.
		const [link] = await linksFor(managerPhone, 1);
		const id = new URL(link.url).pathname.split('/')[2];
		return await waitFor(
			async () => {
				const execution = await client.getExecution(id);
				return execution.status === 'waiting' && execution;
			},
			{ what: `execution ${id} of ${refundId} waiting` },
		);
	}

	describe('refund approval example (Webhook → Send and Wait → IF approved)', () => {
		it('the execution waits; the Approve link from the message resumes it with approved: true', async () => {
			const waiting = await requestRefund('R-100', '6590000101');
			const links = await linksFor('6590000101', 2);
			assert.deepEqual(
				links.map((l) => l.label),
				['Approve', 'Decline'],
			);
			const [approve, decline] = links;
			assert.match(approve.url, new RegExp(`^${env.n8n.baseUrl}/webhook-waiting/${waiting.id}/`));
			assert.match(approve.url, /[?&]approved=true&signature=[0-9a-f]{64}$/);
			assert.match(decline.url, /[?&]approved=false&signature=[0-9a-f]{64}$/);
			assert.ok(signatureValid(approve.url) && signatureValid(decline.url));
			const send = emu.calls({ action: 'SendChatappMessage' }).at(-1);
			assert.equal(send.params.TaskId, 'refund-R-100');
			assert.match(JSON.parse(send.params.Content).text, /^Refund R-100: 40 EUR for order A1001/);

			const page = await tap(approve.url);
			assert.equal(page.status, 200);
			assert.match(page.type, /text\/html/);
			assert.match(page.text, /Got it, thanks/);
			assert.match(page.text, /Your answer has been passed on/);
			const exec = await finished(waiting.id);
			assert.equal(exec.status, 'success');
			assert.deepEqual(nodeJson(exec, 'Ask Manager to Approve'), [{ data: { approved: true } }]);
			assert.ok(nodesThatRan(exec).includes('Issue Refund (Your Payment System)'));
			assert.deepEqual(nodeJson(exec, 'Issue Refund (Your Payment System)'), [
				{ refundId: 'R-100', decision: 'approved' },
			]);

			const again = await tap(decline.url);
			assert.equal(again.status, 200, 'a second tap after the answer');
			assert.equal((await client.getExecution(waiting.id)).status, 'success');
		});

		it('the Decline link resumes it with approved: false and takes the other branch', async () => {
			const waiting = await requestRefund('R-101', '6590000102');
			const [, decline] = await linksFor('6590000102', 2);
			assert.equal((await tap(decline.url)).status, 200);
			const exec = await finished(waiting.id);
			assert.equal(exec.status, 'success');
			assert.deepEqual(nodeJson(exec, 'Ask Manager to Approve'), [{ data: { approved: false } }]);
			assert.deepEqual(nodeJson(exec, 'Declined or No Answer'), [
				{ refundId: 'R-101', decision: 'declined' },
			]);
			assert.ok(!nodesThatRan(exec).includes('Issue Refund (Your Payment System)'));
		});

		it('an altered or missing signature gets 401 and the execution keeps waiting; a link preview too', async () => {
			const waiting = await requestRefund('R-102', '6590000103');
			const [approve] = await linksFor('6590000103', 2);
			const altered = approve.url.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
			const unsigned = approve.url.replace(/&signature=[0-9a-f]+$/, '');
			const flipped = approve.url.replace('approved=true', 'approved=false');
			for (const url of [altered, unsigned, flipped]) {
				const res = await tap(url);
				assert.equal(res.status, 401, `${url} -> ${res.status} ${res.text}`);
			}
			const preview = await tap(approve.url, { headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } });
			assert.equal(preview.status, 200);
			assert.equal(preview.text, '');
			const still = await client.getExecution(waiting.id);
			assert.equal(still.status, 'waiting');
			assert.equal(nodeJson(still, 'Approved?').length, 0);

			// the real link still works afterwards
			assert.equal((await tap(approve.url)).status, 200);
			const exec = await finished(waiting.id);
			assert.deepEqual(nodeJson(exec, 'Ask Manager to Approve'), [{ data: { approved: true } }]);
		});
	});

	it('Free Text: the link opens a form; the submitted text is the node output', async () => {
		emu.inbound({ from: '6590000201', to: BUSINESS });
		const { executionId, execution } = await startWaiting('R-free', '6590000201', {
			responseType: 'freeText',
			options: { responseFormTitle: 'Why?' },
		});
		assert.equal(execution.status, 'waiting');
		const [respond] = await linksFor('6590000201', 1);
		assert.equal(respond.label, 'Respond');
		const send = emu.calls({ action: 'SendChatappMessage' }).at(-1);
		assert.equal(send.params.MessageType, 'interactive');
		const form = await tap(respond.url);
		assert.equal(form.status, 200);
		assert.match(form.text, /<h1>Why\?<\/h1>/);
		assert.match(form.text, /<form method="post"/);
		assert.equal((await client.getExecution(executionId)).status, 'waiting', 'GET resumes nothing');
		// what the browser posts: the form's fields, to the page's own (signed) address
		const done = await tap(respond.url, {
			method: 'POST',
			body: new URLSearchParams({ 'field-0': 'Only half: the box was fine' }).toString(),
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		assert.equal(done.status, 200);
		assert.match(done.text, /Got it, thanks/);
		const exec = await finished(executionId);
		assert.equal(exec.status, 'success');
		assert.deepEqual(nodeJson(exec, 'Send and Wait'), [
			{ data: { text: 'Only half: the box was fine' } },
		]);
	});

	it('Custom Form: the fields defined in the node come back under their labels, typed', async () => {
		emu.inbound({ from: '6590000202', to: BUSINESS });
		const { executionId } = await startWaiting('R-form', '6590000202', {
			responseType: 'customForm',
			formFields: {
				values: [
					{
						fieldLabel: 'Decision',
						fieldType: 'dropdown',
						fieldOptions: { values: [{ option: 'Full refund' }, { option: 'Half refund' }] },
						requiredField: true,
					},
					{ fieldLabel: 'Amount', fieldType: 'number' },
					{
						fieldLabel: 'Notify',
						fieldType: 'checkbox',
						fieldOptions: { values: [{ option: 'Customer' }, { option: 'Finance' }] },
					},
				],
			},
			options: { messageButtonLabel: 'Decide' },
		});
		const [link] = await linksFor('6590000202', 1);
		assert.equal(link.label, 'Decide');
		const form = await tap(link.url);
		assert.match(form.text, /<select id="field-0" name="field-0" required>/);
		const body = new URLSearchParams([
			['field-0', 'Half refund'],
			['field-1', '20.5'],
			['field-2', 'Customer'],
			['field-2', 'Finance'],
		]);
		const done = await tap(link.url, {
			method: 'POST',
			body: body.toString(),
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		assert.equal(done.status, 200);
		const exec = await finished(executionId);
		assert.equal(exec.status, 'success');
		assert.deepEqual(nodeJson(exec, 'Send and Wait'), [
			{ data: { Decision: 'Half refund', Amount: 20.5, Notify: ['Customer', 'Finance'] } },
		]);
	});

	it('WhatsApp outside the 24-hour window: a Template > Create template with URL buttons carries the links', async () => {
		// 1. the template, made with the node's own builder in n8n
		const waitingBase = `${env.n8n.baseUrl}/webhook-waiting/`;
		const creator = await client.createWorkflow(
			chain('Create the resume-link template', [
				node('Start', 'manualTrigger', 0),
				node('Create Template', 'chatApp', 200, {
					resource: 'template',
					operation: 'create',
					channelType: 'whatsapp',
					channelId: { __rl: true, mode: 'id', value: CHANNEL },
					name: 'refund_decision',
					language: 'en_US',
					category: 'UTILITY',
					bodyText: 'Refund $(refundId) is waiting for your decision.',
					buttons: {
						button: [
							{ type: 'URL', text: 'Approve', url: `${waitingBase}$(approvePath)` },
							{ type: 'URL', text: 'Decline', url: `${waitingBase}$(declinePath)` },
						],
					},
					variableExamples: {
						example: [
							{ name: 'refundId', value: 'R-1' },
							{ name: 'approvePath', value: '1/node?approved=true&signature=ab12' },
							{ name: 'declinePath', value: '1/node?approved=false&signature=cd34' },
						],
					},
				}),
			]),
		);
		const created = await client.runWorkflowAndWait(creator.id);
		assert.equal(created.status, 'success', JSON.stringify(created.data?.resultData?.error));
		const [{ TemplateCode: code }] = nodeJson(created, 'Create Template');
		await waitFor(() => emu.templates({ code })[0]?.auditStatus === 'pass', {
			what: `approval of template ${code}`,
		});

		// 2. Send and Wait to a customer who has not written: CAMS refuses the message, the template goes
		const to = '6590000601';
		const { executionId } = await startWaiting('R-template', to, {
			whatsappSendAs: 'auto',
			template: { __rl: true, mode: 'id', value: code },
			language: 'en_US',
			variablesInput: 'json',
			templateParamsJson: '{"refundId": "R-template"}',
			approvalOptions: { values: { approvalType: 'double' } },
		});
		const sends = emu.calls({ action: 'SendChatappMessage' }).filter((c) => c.params.To === to);
		assert.deepEqual(
			sends.map((c) => [c.params.Type, c.outcome, c.code]),
			[
				['message', 'rejected', 'InvalidParameter.OutOfSession'],
				['template', 'accepted', 'OK'],
			],
		);
		const links = emu.links({ to });
		assert.deepEqual(
			links.map((l) => [l.type, l.label]),
			[
				['template', 'Approve'],
				['template', 'Decline'],
			],
		);
		assert.ok(links.every((l) => l.url.startsWith(`${waitingBase}${executionId}/`)));
		assert.ok(links.every((l) => signatureValid(l.url)));

		// 3. the Decline button of the template resumes the execution
		assert.equal((await tap(links[1].url)).status, 200);
		const exec = await finished(executionId);
		assert.equal(exec.status, 'success');
		assert.deepEqual(nodeJson(exec, 'Send and Wait'), [{ data: { approved: false } }]);
	});

	it('a send that fails does not wait: the execution ends with the normal send error', async () => {
		// no inbound message: outside the 24-hour window, and Send As is "Message"
		const wf = await client.createWorkflow(sendAndWaitWorkflow('R-fail', { to: '6590000301' }));
		const { executionId } = await client.runWorkflow(wf.id);
		const exec = await finished(executionId);
		assert.equal(exec.status, 'error');
		assert.match(JSON.stringify(exec.data.resultData.error), /InvalidParameter\.OutOfSession/);
		assert.equal(emu.links({ to: '6590000301' }).length, 0);
	});

	it('Limit Wait Time 5 s: the execution resumes on its own with the node input, as n8n nodes do', async () => {
		assert.ok(emu.links({ to: '6590000501' }).length === 1, 'the timeout run sent its message');
		const exec = await client.waitForExecution(timeoutRun.executionId, { timeoutMs: 150_000 });
		timings.add('timeout: start -> resumed', Date.now() - timeoutRun.startedAt);
		assert.equal(exec.status, 'success');
		assert.deepEqual(nodeJson(exec, 'Send and Wait'), [{ refundId: 'R-timeout' }]);
	});
});
