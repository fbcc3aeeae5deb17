// The editor, in a real browser: n8n 2.8.4 started through scripts/n8n with the packed package and the
// CAMS emulator, driven in Debian's Chromium by playwright-core. DOM checks, not pixels; one screenshot
// per check in test/ui/output/ (git-ignored).
//
//   npm run test:ui        (installs chromium with apt-get when /usr/bin/chromium is missing)
//   N8N_E2E_PKG_DIR=<dir>  load another checkout of the package (to see these checks fail on older code)
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import {
	ACTION_TYPE,
	createEmulatorCredential,
	CREDENTIAL_TYPE,
	startCamsEmulator,
	TRIGGER_TYPE,
} from '../../scripts/n8n/chatapp.mjs';
import { DEFAULT_OWNER, launch } from '../../scripts/n8n/runtime.mjs';
import { launchBrowser, signIn, watchProblems, withScreenshot } from './helpers/browser.mjs';
import {
	clickOption,
	closeDropdown,
	closeNode,
	listValue,
	notices,
	openList,
	openNode,
	openOptions,
	openWorkflow,
	panelText,
	param,
	pickFromList,
	resetPanel,
	selectOption,
	trackDynamicRequests,
} from './helpers/ndv.mjs';

const WHATSAPP = 'cams-emu-whatsapp';
let emu;
let env;
let browser;
let page;
let problems;
let settle;
let actionWorkflow;
let triggerWorkflow;
const started = Date.now();

const rl = (value, cachedResultName) => ({
	__rl: true,
	mode: 'list',
	value,
	...(cachedResultName ? { cachedResultName } : {}),
});

function actionNode(name, credential, position) {
	return {
		id: randomUUID(),
		name,
		type: ACTION_TYPE,
		typeVersion: 1,
		position,
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			channelType: 'whatsapp',
			channelId: rl(WHATSAPP, 'Emulator WhatsApp (whatsapp)'),
			from: rl(''),
			to: '+65 9000 0001',
			template: rl(''),
		},
	};
}

function triggerNode(name, events, position) {
	return {
		id: randomUUID(),
		name,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position,
		webhookId: randomUUID(),
		parameters: { events },
	};
}

/** Every resource × operation the action node declares, as n8n serves its description. */
async function operationCount() {
	const action = (await env.client.nodeTypes()).find((type) => type.name === ACTION_TYPE);
	return action.properties
		.filter((property) => property.name === 'operation')
		.reduce((sum, property) => sum + property.options.length, 0);
}

/** Fails with what went wrong in the editor since the last call (HTTP errors, console errors). */
async function assertNoProblems() {
	await settle();
	assert.deepEqual(problems.take(), [], 'editor errors');
}

describe('the editor in Chromium', { timeout: 30 * 60_000 }, () => {
	before(async () => {
		({ emulator: emu } = await startCamsEmulator());
		env = await launch();
		const credential = await createEmulatorCredential(env.client, emu.url);
		actionWorkflow = await env.client.createWorkflow({
			name: 'UI: send template',
			nodes: [
				actionNode('Send Template', credential, [0, 0]),
				actionNode('Walk', credential, [300, 0]),
				{
					...actionNode('Expression Template', credential, [600, 0]),
					parameters: {
						...actionNode('', credential).parameters,
						template: { __rl: true, mode: 'id', value: '={{ $json.template }}' },
						language: 'en_US',
					},
				},
			],
		});
		triggerWorkflow = await env.client.createWorkflow({
			name: 'UI: triggers',
			nodes: [
				triggerNode('Inbound Trigger', ['inboundMessage'], [0, 0]),
				triggerNode('Review Trigger', ['templateReview'], [0, 300]),
			],
		});
		({ browser, page } = await launchBrowser());
		problems = watchProblems(page, env.n8n.baseUrl);
		settle = trackDynamicRequests(page);
		await signIn(page, env.n8n.baseUrl, DEFAULT_OWNER);
		problems.take(); // the editor probes the session before login: an expected 401
	});

	after(async () => {
		await browser?.close();
		await env?.stop();
		await emu?.close();
		process.stderr.write(`[ui] suite ran in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
	});

	describe('trigger', () => {
		before(async () => {
			await openWorkflow(page, env.n8n.baseUrl, triggerWorkflow.id, 'Inbound Trigger');
			problems.take();
		});

		it('shows the Configure Callback switch and the credential; the switch shows the number fields', async () => {
			await withScreenshot(page, '01-configure-callback', async () => {
				await openNode(page, 'Inbound Trigger');
				await param(page, 'configureCallback').waitFor();
				await page.locator('[data-test-id="node-credentials-select"]').waitFor();
				assert.equal(await param(page, 'channelId').count(), 0);
				await param(page, 'configureCallback').locator('.el-switch').click();
				await param(page, 'channelId').waitFor();
				await param(page, 'phoneNumber').waitFor();
				const state = await param(page, 'configureCallback')
					.locator('input[role="switch"]')
					.getAttribute('aria-checked');
				assert.equal(state, 'true');
				await assertNoProblems();
			});
		});

		it('shows no channel-level notice on a trigger with only Inbound Message selected', async () => {
			await withScreenshot(page, '02-inbound-notices', async () => {
				await resetPanel(page);
				// The canvas names the events as the panel does.
				const reviewNode = page.locator(
					'[data-test-id="canvas-node"][data-node-name="Review Trigger"]',
				);
				assert.match(await reviewNode.innerText(), /Template Review/);
				// The notice is there when the events need it…
				await openNode(page, 'Review Trigger');
				const review = (await notices(page)).join('\n');
				assert.match(review, /Template review and account events/, review);
				await closeNode(page);
				// …and not on an inbound-only trigger, with the switch off or on.
				await openNode(page, 'Inbound Trigger');
				await param(page, 'configureCallback').waitFor();
				if ((await param(page, 'channelId').count()) > 0)
					await param(page, 'configureCallback').locator('.el-switch').click();
				await param(page, 'channelId').waitFor({ state: 'detached' });
				const off = (await notices(page)).join('\n');
				assert.match(off, /Production URL/, off);
				assert.doesNotMatch(off, /channel-level|template review/i, off);
				await param(page, 'configureCallback').locator('.el-switch').click();
				await param(page, 'channelId').waitFor();
				const on = (await notices(page)).join('\n');
				assert.doesNotMatch(on, /channel-level|template review/i, on);
				assert.match(on, /test event/i, on);
				await assertNoProblems();
			});
		});

		it('selects every event in turn without an editor error', async () => {
			await withScreenshot(page, '03-walk-trigger-events', async () => {
				await resetPanel(page);
				await openNode(page, 'Inbound Trigger');
				await param(page, 'configureCallback').waitFor();
				if ((await param(page, 'channelId').count()) === 0)
					await param(page, 'configureCallback').locator('.el-switch').click();
				await param(page, 'channelId').waitFor(); // with the number fields and their lists
				const events = await openOptions(page, 'events');
				assert.equal(events.length, 10, events.join(', '));
				let previous = 'Inbound Message';
				for (const event of events.filter((name) => name !== previous)) {
					await clickOption(page, event); // add it
					await settle();
					await clickOption(page, previous); // and drop the one before
					await settle();
					assert.deepEqual(problems.take(), [], `after selecting ${event}`);
					previous = event;
				}
				await closeDropdown(page);
				await assertNoProblems();
			});
		});

		it('names the events with capitals in the node creator', async () => {
			await withScreenshot(page, '04-event-names', async () => {
				await resetPanel(page);
				await page.goto(`${env.n8n.baseUrl}/workflow/new`);
				await page.locator('[data-test-id="canvas-add-button"]').click();
				await page.locator('[data-test-id="node-creator-search-bar"]').waitFor();
				await page.keyboard.type('Alibaba Cloud Chat');
				await page
					.locator('[data-test-id="node-creator-item-name"]')
					.filter({ hasText: /^Alibaba Cloud Chat App/ })
					.first()
					.click();
				await page.getByText('On WABA Account Update', { exact: true }).first().waitFor();
				const text = await page.locator('body').innerText();
				for (const name of ['On Inbound Message', 'On Message Status', 'On Template Review'])
					assert.ok(text.includes(name), name);
				assert.doesNotMatch(text, /On waba account update/);
				await assertNoProblems();
			});
		});
	});

	describe('action', () => {
		before(async () => {
			await openWorkflow(page, env.n8n.baseUrl, actionWorkflow.id, 'Send Template');
			await openNode(page, 'Send Template');
			problems.take();
		});

		it('lists every approved template × language, and picking one sets its language', async () => {
			await withScreenshot(page, '05-template-picker', async () => {
				const expected = emu
					.templates()
					.filter(
						(t) =>
							t.custSpaceId === WHATSAPP &&
							t.auditStatus === 'pass' &&
							t.templateType === 'WHATSAPP',
					)
					.map((t) => `${t.name} · ${t.language} · ${t.category}`)
					.sort();
				const items = await openList(page, 'template');
				assert.deepEqual([...items].sort(), expected);
				await closeDropdown(page).catch(() => page.keyboard.press('Escape'));
				await pickFromList(page, 'template', 'order_shipped · en_US · UTILITY');
				assert.equal(await listValue(page, 'template'), 'order_shipped · en_US · UTILITY');
				// The language comes with the pick: no second choice to make.
				await param(page, 'language').waitFor({ state: 'detached' });
				await assertNoProblems();
			});
		});

		it('labels the variables with their component, for the picked language', async () => {
			await withScreenshot(page, '06-variable-mapper', async () => {
				await page.getByText('orderId (header, body)').first().waitFor();
				await page.getByText('trackingId (button 1 "Track order")').first().waitFor();
				await pickFromList(page, 'template', 'order_shipped · es · UTILITY');
				await page.getByText('trackingId (button 1 "Seguir pedido")').first().waitFor();
				const text = await panelText(page);
				assert.match(text, /name \(body\)/);
				assert.doesNotMatch(text, /Track order/);
				await assertNoProblems();
			});
		});

		it('lists senders for WhatsApp and for Viber', async () => {
			await withScreenshot(page, '07-sender-picker', async () => {
				await pickFromList(page, 'from', '6591234567 (Emulator Shop)');
				assert.equal(await listValue(page, 'from'), '6591234567 (Emulator Shop)');
				await selectOption(page, 'channelType', 'Viber');
				await pickFromList(page, 'channelId', 'Emulator Viber (viber)');
				// The list keeps the selected WhatsApp number on top; the Viber service ID is listed with it.
				const senders = await openList(page, 'from');
				assert.ok(senders.includes('Emulator Viber Shop (3000001)'), senders.join(', '));
				await pickFromList(page, 'from', 'Emulator Viber Shop (3000001)');
				assert.equal(await listValue(page, 'from'), 'Emulator Viber Shop (3000001)');
				await assertNoProblems();
			});
		});

		it('points to JSON input when the template is an expression', async () => {
			await withScreenshot(page, '08-mapper-expression', async () => {
				await resetPanel(page);
				await openNode(page, 'Expression Template');
				await page
					.getByText(/set "Variables Input" to JSON/i)
					.first()
					.waitFor();
				// Language stays for a template given by an expression, with readable names.
				await param(page, 'language').waitFor();
				const languages = await openOptions(page, 'language');
				assert.ok(languages.includes('English (US) (en_US)'), languages.slice(0, 5).join(', '));
				await closeDropdown(page);
				await assertNoProblems();
			});
		});

		it('selects every resource and operation in turn without an editor error', async () => {
			await withScreenshot(page, '09-walk-operations', async () => {
				await resetPanel(page);
				await openNode(page, 'Walk');
				const resources = await openOptions(page, 'resource');
				await closeDropdown(page);
				let walked = 0;
				const failures = []; // every failing step, not just the first
				for (const resource of resources) {
					await selectOption(page, 'resource', resource);
					await settle();
					const operations = await openOptions(page, 'operation');
					await closeDropdown(page);
					// From each operation straight to the next (Send Template → Upload Media among them).
					for (const operation of operations) {
						await selectOption(page, 'operation', operation);
						await settle();
						const found = problems.take();
						if (found.length > 0) failures.push(`${resource} → ${operation}: ${found.join(' | ')}`);
						walked++;
					}
				}
				assert.deepEqual(failures, [], failures.join('\n'));
				assert.equal(walked, await operationCount());
				await assertNoProblems();
			});
		});
	});
});
