/**
 * The waiting webhook of Send and Wait for Response in n8n-core's real WebhookContext: what a tap on
 * a link or a form submission turns into (the node's output, n8n's shapes), and the pages shown.
 */
import type { IDataObject, INodeParameters, IWebhookResponseData } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { createWebhookContext } from '../../../../helpers/n8nCore';

const PERSON =
	'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36';

interface Sent {
	status?: number;
	headers: Record<string, string>;
	body?: string;
}

async function tap(
	fields: INodeParameters,
	request: { method: string; query?: IDataObject; body?: unknown; userAgent?: string },
): Promise<{ result: IWebhookResponseData; sent: Sent }> {
	const sent: Sent = { headers: {} };
	const response = {
		setHeader: (name: string, value: string) => (sent.headers[name.toLowerCase()] = value),
		status(code: number) {
			sent.status = code;
			return response;
		},
		send: (body: string) => (sent.body = body),
	};
	const context = createWebhookContext({
		nodeType: new AlibabaCloudChatApp(),
		parameters: {
			resource: 'message',
			operation: 'sendAndWait',
			message: 'Refund #123 <b>40 EUR</b>?',
			...fields,
		},
		request: {
			method: request.method,
			query: request.query ?? {},
			body: request.body ?? {},
			headers: { 'user-agent': request.userAgent ?? PERSON },
		},
		response,
	});
	const result = await new AlibabaCloudChatApp().webhook.call(context);
	return { result, sent };
}

const output = (result: IWebhookResponseData) => result.workflowData?.[0].map((item) => item.json);
const paired = (result: IWebhookResponseData) =>
	result.workflowData?.[0].map((item) => item.pairedItem);

describe('Approval links', () => {
	it.each([
		['GET', 'true', true],
		['GET', 'false', false],
		['POST', 'true', true],
	])(
		'%s with approved=%s resumes with { data: { approved: %s } }',
		async (method, approved, expected) => {
			const { result } = await tap({}, { method, query: { approved, signature: 'ab' } });
			expect(output(result)).toStrictEqual([{ data: { approved: expected } }]);
			expect(paired(result)).toStrictEqual([{ item: 0 }]);
			expect(result.webhookResponse).toContain('Got it, thanks');
			expect(result.webhookResponse).toContain('This page can be closed now');
		},
	);

	it('the confirmation shows the text set in the node, escaped', async () => {
		const { result } = await tap(
			{ options: { confirmationText: 'Refund <approved>, thanks' } },
			{ method: 'GET', query: { approved: 'true' } },
		);
		expect(result.webhookResponse).toContain('Refund &lt;approved&gt;, thanks');
	});

	it('a link preview (WhatsApp fetching the link) answers empty and leaves the execution waiting', async () => {
		const { result, sent } = await tap(
			{},
			{ method: 'GET', query: { approved: 'true' }, userAgent: 'WhatsApp/2.23.20.0 A' },
		);
		expect(result).toStrictEqual({ noWebhookResponse: true });
		expect(sent).toMatchObject({ status: 200, body: '' });
	});
});

describe('Free Text', () => {
	it('GET serves a form that posts to its own (signed) address; nothing resumes', async () => {
		const { result, sent } = await tap(
			{ responseType: 'freeText', options: { responseFormTitle: 'Refund note' } },
			{ method: 'GET', query: { approved: 'true', signature: 'ab' } },
		);
		expect(result).toStrictEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(200);
		expect(sent.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(sent.headers['content-security-policy']).toMatch(/^sandbox .*allow-forms/);
		expect(sent.body).toContain('<h1>Refund note</h1>');
		expect(sent.body).toContain('Refund #123 &lt;b&gt;40 EUR&lt;/b&gt;?');
		expect(sent.body).toMatch(/<form method="post" enctype="application\/x-www-form-urlencoded">/);
		expect(sent.body).not.toMatch(/action=/);
		expect(sent.body).toContain('<textarea id="field-0" name="field-0" rows="5" required>');
	});

	it('POST (urlencoded or multipart) resumes with { data: { text } }', async () => {
		const urlencoded = await tap(
			{ responseType: 'freeText' },
			{ method: 'POST', body: { 'field-0': 'Refund only half' } },
		);
		expect(output(urlencoded.result)).toStrictEqual([{ data: { text: 'Refund only half' } }]);
		const multipart = await tap(
			{ responseType: 'freeText' },
			{ method: 'POST', body: { data: { 'field-0': 'OK' }, files: {} } },
		);
		expect(output(multipart.result)).toStrictEqual([{ data: { text: 'OK' } }]);
	});
});

describe('Custom Form', () => {
	const fields = {
		responseType: 'customForm',
		formFields: {
			values: [
				{
					fieldLabel: 'Decision',
					fieldType: 'dropdown',
					fieldOptions: { values: [{ option: 'Full' }, { option: 'Half' }] },
					requiredField: true,
				},
				{ fieldLabel: 'Amount', fieldType: 'number' },
				{
					fieldLabel: 'Notify',
					fieldType: 'checkbox',
					fieldOptions: { values: [{ option: 'Customer' }, { option: 'Finance' }] },
				},
				{ fieldLabel: 'Note', fieldType: 'text' },
			],
		},
	};

	it('GET lists the fields; POST resumes with each answer under its label, typed as n8n does', async () => {
		const page = await tap(fields, { method: 'GET' });
		expect(page.sent.body).toContain('<select id="field-0" name="field-0" required>');
		expect(page.sent.body).toContain(
			'<input id="field-1" name="field-1" type="number" step="any">',
		);
		expect(page.sent.body).toContain('<input type="checkbox" name="field-2" value="Finance">');
		const { result } = await tap(fields, {
			method: 'POST',
			body: {
				'field-0': 'Half',
				'field-1': '20.5',
				'field-2': ['Customer', 'Finance'],
				'field-3': '',
			},
		});
		expect(output(result)).toStrictEqual([
			{ data: { Decision: 'Half', Amount: 20.5, Notify: ['Customer', 'Finance'], Note: '' } },
		]);
	});

	it("fields given as JSON, in the Form node's syntax", async () => {
		const json = {
			responseType: 'customForm',
			defineForm: 'json',
			jsonOutput: '[{"fieldLabel": "Reason", "fieldType": "textarea", "requiredField": true}]',
		};
		const { result } = await tap(json, { method: 'POST', body: { 'field-0': 'Damaged' } });
		expect(output(result)).toStrictEqual([{ data: { Reason: 'Damaged' } }]);
	});
});
