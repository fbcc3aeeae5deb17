/**
 * Send and Wait for Response run in n8n-core's real ExecuteContext against the CAMS emulator: the
 * message each channel gets, in-window versus template sending on WhatsApp, the signed links the
 * emulator recorded, and the wait n8n is asked for (or not, when the send fails).
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { startEmulator, type CamsEmulator } from '../../../../emulator';
import { byId, credentialsFor, jsonParam, runChatAppJson } from '../../../../helpers/chatApp';
import { createExecuteHarness, type ExecuteHarness } from '../../../../helpers/n8nCore';
import { resumeSignatureValid } from '../../../../helpers/resumeLinks';
import { SEED } from './sendHarness';

const WAITING_BASE = 'https://n8n.example.com/webhook-waiting';
const HMAC_SECRET = 'test-hmac-secret'; // the harness's InstanceSettings
const WA = SEED.whatsapp;

let emu: CamsEmulator;

beforeAll(async () => {
	emu = await startEmulator({ auditDelayMs: 20 });
});
afterAll(async () => {
	await emu.close();
});
beforeEach(() => emu.reset());

function parameters(channelType: string, fields: INodeParameters = {}): INodeParameters {
	const seed = SEED[channelType];
	return {
		resource: 'message',
		operation: 'sendAndWait',
		channelType,
		channelId: byId(seed.channelId),
		from: byId(seed.from),
		to: seed.to,
		message: 'Approve refund #123 of 40 EUR?',
		...fields,
	};
}

interface Run {
	harness: ExecuteHarness;
	output?: INodeExecutionData[][];
	error?: Error & { description?: string };
}

async function run(
	fields: INodeParameters,
	{ waitingBase = WAITING_BASE, continueOnFail = false } = {},
): Promise<Run> {
	const harness = createExecuteHarness({
		nodeType: new AlibabaCloudChatApp(),
		parameters: fields,
		credentials: credentialsFor(emu.url),
		items: [{ refund: 123 }, { refund: 124 }],
		continueOnFail,
	});
	(harness.additionalData as { webhookWaitingBaseUrl: string }).webhookWaitingBaseUrl = waitingBase;
	try {
		return { harness, output: await new AlibabaCloudChatApp().execute.call(harness.context) };
	} catch (error) {
		return { harness, error: error as Error };
	}
}

/** Whether n8n's waiting webhook would accept the link. */
const signatureValid = (link: string) => resumeSignatureValid(link, HMAC_SECRET);

const resumeLink = (approved: string) =>
	expect.stringMatching(
		new RegExp(
			`^${WAITING_BASE}/test-execution-id/node-under-test-id\\?approved=${approved}&signature=[0-9a-f]{64}$`,
		),
	);

function expectWaiting({ harness, output, error }: Run, waitTill: Date = WAIT_INDEFINITELY) {
	expect(error).toBeUndefined();
	expect(harness.runExecutionData.validateSignature).toBe(true);
	expect(harness.runExecutionData.waitTill).toStrictEqual(waitTill);
	// while waiting the node passes its input on (also what a timeout resumes with)
	expect(output?.[0].map((item) => item.json)).toStrictEqual([{ refund: 123 }, { refund: 124 }]);
}

const sendCalls = () => emu.calls({ action: 'SendChatappMessage' });
const content = (index = 0) => jsonParam(sendCalls()[index].params, 'Content') as IDataObject;

describe('WhatsApp inside the 24-hour window', () => {
	beforeEach(() => emu.inbound({ from: WA.to, to: WA.from }));

	it('one Approve link: a CTA URL button with the signed resume link, then the execution waits', async () => {
		const result = await run(parameters('whatsapp'));
		expectWaiting(result);
		const [call] = sendCalls();
		expect(call.outcome).toBe('accepted');
		expect(call.params).toMatchObject({
			ChannelType: 'whatsapp',
			Type: 'message',
			MessageType: 'interactive',
			From: WA.from,
			To: WA.to,
		});
		expect(content()).toStrictEqual({
			type: 'cta_url',
			body: { text: 'Approve refund #123 of 40 EUR?' },
			action: { name: 'cta_url', parameters: { display_text: 'Approve', url: resumeLink('true') } },
		});
		const links = emu.links({ to: WA.to });
		expect(links.map(({ label, url }) => ({ label, url }))).toStrictEqual([
			{ label: 'Approve', url: resumeLink('true') },
		]);
		expect(signatureValid(links[0].url)).toBe(true);
	});

	it('Approve and Decline: a text with both links (a CTA message holds one), labels as set', async () => {
		const result = await run(
			parameters('whatsapp', {
				approvalOptions: {
					values: { approvalType: 'double', approveLabel: '✓ Refund', disapproveLabel: '✗ Keep' },
				},
				options: { appendAttribution: true },
			}),
		);
		expectWaiting(result);
		expect(sendCalls()[0].params.MessageType).toBe('text');
		const links = emu.links({ to: WA.to });
		expect(links.map(({ label, url }) => ({ label, url }))).toStrictEqual([
			{ label: '✓ Refund', url: resumeLink('true') },
			{ label: '✗ Keep', url: resumeLink('false') },
		]);
		expect(links.every((link) => signatureValid(link.url))).toBe(true);
		expect(content().text).toBe(
			`Approve refund #123 of 40 EUR?\n\n*✓ Refund:*\n${links[0].url}\n\n*✗ Keep:*\n${links[1].url}\n\nThis message was sent automatically with n8n`,
		);
	});

	it('Free Text: one "Respond" link to the form; Limit Wait Time sets when the wait ends', async () => {
		const before = Date.now();
		const result = await run(
			parameters('whatsapp', {
				responseType: 'freeText',
				options: {
					limitWaitTime: {
						values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' },
					},
				},
			}),
		);
		const waitTill = result.harness.runExecutionData.waitTill as Date;
		expect(waitTill.getTime()).toBeGreaterThanOrEqual(before + 45 * 60_000);
		expect(waitTill.getTime()).toBeLessThanOrEqual(Date.now() + 45 * 60_000);
		expectWaiting(result, waitTill);
		expect(emu.links({ to: WA.to }).map(({ label, url }) => ({ label, url }))).toStrictEqual([
			{ label: 'Respond', url: resumeLink('true') },
		]);
	});
});

/** A WhatsApp template made with Template > Create (builder) whose URL buttons end in the resume path. */
async function createResumeTemplate(buttons: Array<{ text: string; variable: string }>) {
	const [created] = await runChatAppJson(emu.url, {
		resource: 'template',
		operation: 'create',
		channelType: 'whatsapp',
		channelId: byId(WA.channelId),
		name: 'refund_approval',
		language: 'en_US',
		category: 'UTILITY',
		bodyText: 'Refund $(order) is waiting for your decision.',
		buttons: {
			button: buttons.map(({ text, variable }) => ({
				type: 'URL',
				text,
				url: `${WAITING_BASE}/$(${variable})`,
			})),
		},
		variableExamples: {
			example: [
				{ name: 'order', value: '#123' },
				...buttons.map(({ variable }) => ({
					name: variable,
					value: '812/0c1e-node?approved=true&signature=ab12',
				})),
			],
		},
	});
	const call = emu.calls({ action: 'CreateChatappTemplate' })[0];
	expect(jsonParam(call.params, 'Components')).toContainEqual({
		Type: 'BUTTONS',
		Buttons: buttons.map(({ text, variable }) => ({
			Type: 'URL',
			Text: text,
			Url: `${WAITING_BASE}/$(${variable})`,
			UrlType: 'dynamic',
		})),
	});
	emu.setTemplateStatus(String(created.TemplateCode), 'en_US', 'pass');
	return String(created.TemplateCode);
}

const templateFields = (code: string, sendAs: string): INodeParameters => ({
	whatsappSendAs: sendAs,
	template: byId(code),
	language: 'en_US',
	variablesInput: 'json',
	templateParamsJson: '{"order": "#123"}',
	approvalOptions: { values: { approvalType: 'double' } },
});

describe('WhatsApp outside the 24-hour window', () => {
	it('Send As "Message": the normal send error, and the execution does not wait', async () => {
		const result = await run(parameters('whatsapp'));
		expect(result.error?.message).toMatch(/InvalidParameter\.OutOfSession/);
		expect(result.error?.description).toMatch(/Send Template/);
		expect(result.harness.runExecutionData.waitTill).toBeUndefined();
		expect(emu.sends()).toHaveLength(0);
	});

	it('with Continue On Fail: one error item for the first input, no wait', async () => {
		const result = await run(parameters('whatsapp'), { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.output).toStrictEqual([
			[{ json: { error: expect.stringMatching(/OutOfSession/) }, pairedItem: { item: 0 } }],
		]);
		expect(result.harness.runExecutionData.waitTill).toBeUndefined();
	});

	it('Send As "Message, Else Template": CAMS refuses the message, the template carries both links', async () => {
		const code = await createResumeTemplate([
			{ text: 'Approve', variable: 'approve' },
			{ text: 'Decline', variable: 'decline' },
		]);
		const result = await run(parameters('whatsapp', templateFields(code, 'auto')));
		expectWaiting(result);
		expect(sendCalls().map((call) => [call.params.Type, call.outcome])).toStrictEqual([
			['message', 'rejected'],
			['template', 'accepted'],
		]);
		const params = jsonParam(sendCalls()[1].params, 'TemplateParams') as Record<string, string>;
		expect(params.order).toBe('#123');
		expect(`${WAITING_BASE}/${params.approve}`).toEqual(resumeLink('true'));
		expect(`${WAITING_BASE}/${params.decline}`).toEqual(resumeLink('false'));
		const links = emu.links({ to: WA.to });
		expect(links.map(({ label, url, type }) => ({ label, url, type }))).toStrictEqual([
			{ label: 'Approve', url: resumeLink('true'), type: 'template' },
			{ label: 'Decline', url: resumeLink('false'), type: 'template' },
		]);
		expect(links.every((link) => signatureValid(link.url))).toBe(true);
	});

	it('"Message, Else Template" never sends the template when the message may have gone out', async () => {
		const code = await createResumeTemplate([
			{ text: 'Approve', variable: 'approve' },
			{ text: 'Decline', variable: 'decline' },
		]);
		emu.inbound({ from: WA.to, to: WA.from }); // in the window: CAMS accepts the message…
		await emu.setFaults({ resetConnections: 1, resetMode: 'after' }); // …but the answer is lost
		const result = await run(parameters('whatsapp', templateFields(code, 'auto')));
		expect(result.error?.message).toMatch(/SendChatappMessage could not be completed/);
		expect(sendCalls().map((call) => call.params.Type)).toStrictEqual(['message']);
		expect(emu.sends()).toHaveLength(1);
		expect(result.harness.runExecutionData.waitTill).toBeUndefined();
	});

	it('Send As "Template": only the template is sent', async () => {
		const code = await createResumeTemplate([
			{ text: 'Approve', variable: 'approve' },
			{ text: 'Decline', variable: 'decline' },
		]);
		const result = await run(parameters('whatsapp', templateFields(code, 'template')));
		expectWaiting(result);
		expect(sendCalls().map((call) => [call.params.Type, call.outcome])).toStrictEqual([
			['template', 'accepted'],
		]);
	});

	it('a template with too few URL buttons is refused before sending, saying how to make one', async () => {
		const code = await createResumeTemplate([{ text: 'Approve', variable: 'approve' }]);
		const result = await run(parameters('whatsapp', templateFields(code, 'template')));
		expect(result.error?.message).toMatch(/has 1 URL button ending in a variable; 2 are needed/);
		expect(result.error?.description).toContain(`${WAITING_BASE}/$(resumePath)`);
		expect(sendCalls()).toHaveLength(0);
		expect(result.harness.runExecutionData.waitTill).toBeUndefined();
	});
});

describe('Viber and Messenger', () => {
	it('Viber, one link: a text with a button', async () => {
		expectWaiting(await run(parameters('viber')));
		expect(sendCalls()[0].params.MessageType).toBe('text_button');
		expect(content()).toStrictEqual({
			text: 'Approve refund #123 of 40 EUR?',
			caption: 'Approve',
			action: resumeLink('true'),
		});
		expect(emu.links({ to: SEED.viber.to }).map((link) => link.label)).toStrictEqual(['Approve']);
	});

	it('Messenger: a text with "Label: link" lines', async () => {
		expectWaiting(
			await run(
				parameters('messenger', { approvalOptions: { values: { approvalType: 'double' } } }),
			),
		);
		expect(sendCalls()[0].params.MessageType).toBe('text');
		const links = emu.links({ to: SEED.messenger.to });
		expect(links.map(({ label, url }) => ({ label, url }))).toStrictEqual([
			{ label: 'Approve', url: resumeLink('true') },
			{ label: 'Decline', url: resumeLink('false') },
		]);
		expect(content().text).toBe(
			`Approve refund #123 of 40 EUR?\n\nApprove: ${links[0].url}\n\nDecline: ${links[1].url}`,
		);
	});
});

describe('no public URL', () => {
	it('links that would point to localhost are refused with an error naming WEBHOOK_URL; nothing is sent', async () => {
		emu.inbound({ from: WA.to, to: WA.from });
		const result = await run(parameters('whatsapp'), {
			waitingBase: 'http://localhost:5678/webhook-waiting',
		});
		expect(result.error?.message).toMatch(/n8n has no public URL/);
		expect(result.error?.description).toMatch(/WEBHOOK_URL/);
		expect(emu.calls()).toHaveLength(0);
		expect(result.harness.runExecutionData.waitTill).toBeUndefined();
	});

	it('a resume link n8n cannot form at all is reported the same way', async () => {
		const result = await run(parameters('whatsapp'), { waitingBase: 'not a url' });
		expect(result.error?.message).toBe('n8n could not form a resume link');
		expect(result.error?.description).toMatch(/WEBHOOK_URL/);
	});
});
