import type { INodeParameters } from 'n8n-workflow';

import {
	SEED_CHANNELS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../../../../emulator';
import { templateProperties } from '../../../../emulator/actions/admin';
import { call } from '../../../../emulator/helpers';
import {
	byId,
	jsonParam,
	paramsOf,
	received,
	runChatAppError,
	runChatAppJson,
} from '../../../../helpers/chatApp';

const WHATSAPP = SEED_CHANNELS.whatsapp.custSpaceId;
const VIBER = SEED_CHANNELS.viber.custSpaceId;
const { orderShipped, accountAlert, viberNotice, paymentReceived } = SEED_TEMPLATES;

let emu: CamsEmulator;

beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => {
	emu.reset();
	await emu.close();
});
beforeEach(() => emu.reset());

function template(operation: string, fields: INodeParameters = {}): INodeParameters {
	return {
		resource: 'template',
		operation,
		channelType: 'whatsapp',
		channelId: byId(WHATSAPP),
		...fields,
	};
}

describe('Template > Get', () => {
	it('sends GetChatappTemplateDetail and simplifies by default, keeping CAMS names', async () => {
		const [simple] = await runChatAppJson(
			emu.url,
			template('get', { template: byId(orderShipped.code), language: 'en_US' }),
		);
		expect(paramsOf(emu, 'GetChatappTemplateDetail')).toEqual({
			CustSpaceId: WHATSAPP,
			TemplateCode: orderShipped.code,
			Language: 'en_US',
			TemplateType: 'WHATSAPP',
		});
		expect(simple).toEqual({
			TemplateCode: orderShipped.code,
			Name: 'order_shipped',
			Language: 'en_US',
			Category: 'UTILITY',
			TemplateType: 'WHATSAPP',
			AuditStatus: 'pass',
			Reason: '',
			QualityScore: 'GREEN',
		});
	});

	it('returns the full detail with Simplify off', async () => {
		const [full] = await runChatAppJson(
			emu.url,
			template('get', { template: byId(orderShipped.code), language: 'en_US', simplify: false }),
		);
		expect(full.Components).toHaveLength(4);
		expect(full.Example).toEqual({
			orderId: 'A1001',
			name: 'Bob',
			date: '2 May',
			trackingId: 'TRK123',
		});
	});

	it('asks for the Viber template type on a Viber channel', async () => {
		await runChatAppJson(emu.url, {
			...template('get', { template: byId(viberNotice.code), language: 'en' }),
			channelType: 'viber',
			channelId: byId(VIBER),
		});
		expect(paramsOf(emu, 'GetChatappTemplateDetail')).toEqual(
			expect.objectContaining({ CustSpaceId: VIBER, TemplateType: 'VIBER' }),
		);
	});
});

describe('Template > Get Many', () => {
	it('sends the filters and one page when the limit fits in it', async () => {
		const list = await runChatAppJson(
			emu.url,
			template('getAll', {
				limit: 2,
				filters: { auditStatus: 'pass', language: 'en_US', category: 'UTILITY', name: 'order' },
			}),
		);
		expect(received(emu)).toEqual([
			{
				action: 'ListChatappTemplate',
				outcome: 'accepted',
				params: {
					CustSpaceId: WHATSAPP,
					TemplateType: 'WHATSAPP',
					AuditStatus: 'pass',
					Language: 'en_US',
					Category: 'UTILITY',
					Name: 'order',
					Page: JSON.stringify({ Index: 1, Size: 2 }),
				},
			},
		]);
		expect(list).toEqual([
			expect.objectContaining({
				TemplateName: 'order_shipped',
				Language: 'en_US',
				AuditStatus: 'pass',
			}),
		]);
	});

	it('walks every page with Return All', async () => {
		const seed = emu.state.templates[0];
		for (let i = 0; i < 110; i++)
			emu.state.templates.push({
				...seed,
				code: `extra${String(i).padStart(27, '0')}`,
				name: `extra_${i}`,
			});
		const list = await runChatAppJson(emu.url, template('getAll', { returnAll: true }));
		expect(list).toHaveLength(SEED_TEMPLATES.whatsappCount + 110);
		expect(
			emu.calls({ action: 'ListChatappTemplate' }).map((entry) => jsonParam(entry.params, 'Page')),
		).toEqual([
			{ Index: 1, Size: 100 },
			{ Index: 2, Size: 100 },
		]);
	});

	it('returns at most Limit entries', async () => {
		const list = await runChatAppJson(
			emu.url,
			template('getAll', { limit: 2, filters: { code: paymentReceived.code } }),
		);
		expect(list).toHaveLength(2);
		expect(list.every((entry) => entry.TemplateCode === paymentReceived.code)).toBe(true);
		expect(paramsOf(emu, 'ListChatappTemplate').Code).toBe(paymentReceived.code);
	});
});

describe('Template > Update', () => {
	it('sends ModifyChatappTemplate with the new components, and the template goes back to review', async () => {
		const [updated] = await runChatAppJson(
			emu.url,
			template('update', {
				template: byId(accountAlert.code),
				language: 'en_US',
				category: 'UTILITY',
				bodyText: 'A new device signed in to $(account) at $(time).',
				variableExamples: {
					example: [
						{ name: 'account', value: 'bob@example.com' },
						{ name: 'time', value: '10:00' },
					],
				},
			}),
		);
		const params = paramsOf(emu, 'ModifyChatappTemplate');
		expect(params).toEqual({
			CustSpaceId: WHATSAPP,
			TemplateCode: accountAlert.code,
			Language: 'en_US',
			TemplateType: 'WHATSAPP',
			Category: 'UTILITY',
			Components: JSON.stringify([
				{ Type: 'BODY', Text: 'A new device signed in to $(account) at $(time).' },
			]),
			Example: JSON.stringify({ account: 'bob@example.com', time: '10:00' }),
		});
		expect(updated).toEqual(
			expect.objectContaining({
				TemplateCode: accountAlert.code,
				TemplateName: 'account_alert',
				Language: 'en_US',
			}),
		);
		expect(emu.templates({ code: accountAlert.code })[0].auditStatus).toBe('auditing');
	});

	it('validates the new content before calling', async () => {
		const error = await runChatAppError(
			emu.url,
			template('update', {
				template: byId(accountAlert.code),
				language: 'en_US',
				category: 'UTILITY',
				bodyText: 'Hi',
				footerText: 'f'.repeat(61),
			}),
		);
		expect(error.message).toBe(
			'Template not sent to CAMS. Footer: the footer is 61 characters long; at most 60 are allowed',
		);
		expect(received(emu)).toEqual([]);
	});

	it('refuses Viber templates, which CAMS cannot modify', async () => {
		const error = await runChatAppError(emu.url, {
			...template('update', { template: byId(viberNotice.code), language: 'en', bodyText: 'Hi' }),
			channelType: 'viber',
			channelId: byId(VIBER),
		});
		expect(error.message).toBe('Update works for WhatsApp templates only');
		expect(received(emu)).toEqual([]);
	});

	it('reports CAMS refusing to change an approved template', async () => {
		const error = await runChatAppError(
			emu.url,
			template('update', {
				template: byId(orderShipped.code),
				language: 'en_US',
				category: 'UTILITY',
				bodyText: 'Hi',
			}),
		);
		expect(error.message).toMatch(
			/^ModifyChatappTemplate failed: InvalidParameter - Only rejected/,
		);
	});
});

describe('Template > Delete', () => {
	it('deletes every language and returns Success, the template acted on and the RequestId', async () => {
		const output = await runChatAppJson(
			emu.url,
			template('delete', { template: byId(paymentReceived.code) }),
		);
		expect(output).toEqual([
			{
				Success: true,
				CustSpaceId: WHATSAPP,
				TemplateCode: paymentReceived.code,
				RequestId: expect.any(String),
			},
		]);
		expect(paramsOf(emu, 'DeleteChatappTemplate')).toEqual({
			CustSpaceId: WHATSAPP,
			TemplateCode: paymentReceived.code,
		});
		expect(emu.templates({ code: paymentReceived.code })).toEqual([]);
	});

	it('deletes one language with its template type, and names both in the output', async () => {
		const output = await runChatAppJson(
			emu.url,
			template('delete', {
				template: byId(paymentReceived.code),
				deleteScope: 'language',
				language: 'id',
			}),
		);
		expect(paramsOf(emu, 'DeleteChatappTemplate')).toEqual({
			CustSpaceId: WHATSAPP,
			TemplateCode: paymentReceived.code,
			Language: 'id',
			TemplateType: 'WHATSAPP',
		});
		expect(output).toEqual([
			{
				Success: true,
				CustSpaceId: WHATSAPP,
				TemplateCode: paymentReceived.code,
				Language: 'id',
				TemplateType: 'WHATSAPP',
				RequestId: expect.any(String),
			},
		]);
		expect(
			emu
				.templates({ code: paymentReceived.code })
				.map((entry) => entry.language)
				.sort(),
		).toEqual(['en_US', 'zh_CN']);
	});

	it('reports a template that does not exist', async () => {
		const error = await runChatAppError(
			emu.url,
			template('delete', { template: byId('0'.repeat(32)) }),
		);
		expect(error.message).toMatch(/^DeleteChatappTemplate failed: DelError\.TemplateNotExist/);
		expect(error.description).toMatch(/^No template with this code/);
	});
});

describe('Template > Update Properties', () => {
	it('sends ModifyChatappTemplateProperties with the chosen flags only', async () => {
		const [output] = await runChatAppJson(
			emu.url,
			template('updateProperties', {
				template: byId(orderShipped.code),
				language: 'en_US',
				updateFields: { allowSend: false },
			}),
		);
		expect(paramsOf(emu, 'ModifyChatappTemplateProperties')).toEqual({
			CustSpaceId: WHATSAPP,
			TemplateCode: orderShipped.code,
			Language: 'en_US',
			TemplateType: 'WHATSAPP',
			AllowSend: 'false',
		});
		expect(output).toEqual({
			Success: true,
			TemplateCode: orderShipped.code,
			Language: 'en_US',
			AllowSend: false,
			RequestId: expect.any(String),
		});
		const [stored] = emu
			.templates({ code: orderShipped.code })
			.filter((entry) => entry.language === 'en_US');
		expect(templateProperties(stored)).toEqual({ AllowSend: false, CategoryChangePaused: false });
	});

	it('asks for at least one property, before any request', async () => {
		const error = await runChatAppError(
			emu.url,
			template('updateProperties', { template: byId(orderShipped.code), language: 'en_US' }),
		);
		expect(error.message).toBe('No property to update');
		expect(error.description).toContain('Allow Sending');
		expect(received(emu)).toEqual([]);
	});
});

describe('Template > Get Metrics', () => {
	it('sends the date range as epoch milliseconds and returns one item per day', async () => {
		const day = Date.UTC(2025, 2, 1);
		await call(emu, 'SendChatappMessage', {
			ChannelType: 'whatsapp',
			Type: 'template',
			CustSpaceId: WHATSAPP,
			From: '6591234567',
			To: '6581234567',
			TemplateCode: paymentReceived.code,
			Language: 'en_US',
			TemplateParams: JSON.stringify({ amount: '5' }),
		});
		expect(emu.state.messages).toHaveLength(1);
		emu.state.messages[0].sendTime = day + 3600_000;
		const output = await runChatAppJson(
			emu.url,
			template('getMetrics', {
				template: byId(paymentReceived.code),
				language: 'en_US',
				start: '2025-03-01T00:00:00Z',
				end: '2025-03-03T00:00:00Z',
			}),
		);
		expect(paramsOf(emu, 'GetChatappTemplateMetric')).toEqual({
			CustSpaceId: WHATSAPP,
			TemplateCode: paymentReceived.code,
			Language: 'en_US',
			TemplateType: 'WHATSAPP',
			Start: String(day),
			End: String(day + 2 * 86_400_000),
			Granularity: 'DAILY',
		});
		expect(output.map((entry) => [entry.Start, entry.SentCount])).toEqual([
			[day, 1],
			[day + 86_400_000, 0],
		]);
	});

	it('refuses an end before the start, before any request', async () => {
		const error = await runChatAppError(
			emu.url,
			template('getMetrics', {
				template: byId(orderShipped.code),
				language: 'en_US',
				start: '2025-03-03T00:00:00Z',
				end: '2025-03-01T00:00:00Z',
			}),
		);
		expect(error.message).toBe('End must be after Start');
		expect(received(emu)).toEqual([]);
	});
});
