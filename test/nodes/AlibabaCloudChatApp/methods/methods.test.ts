import type { INodeParameters } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { getTemplateLanguages } from '../../../../nodes/AlibabaCloudChatApp/methods/loadOptions';
import { getTemplateVariables } from '../../../../nodes/AlibabaCloudChatApp/methods/resourceMapping';
import {
	searchApprovedTemplates,
	searchChannels,
	searchSenders,
	searchTemplates,
} from '../../../../nodes/AlibabaCloudChatApp/methods/listSearch';
import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../../../emulator';
import { call } from '../../../emulator/helpers';
import { byId, credentialsFor } from '../../../helpers/chatApp';
import { createLoadOptionsContext } from '../../../helpers/n8nCore';

const whatsapp = SEED_CHANNELS.whatsapp.custSpaceId;

function contextFor(emu: CamsEmulator, parameters: INodeParameters) {
	return createLoadOptionsContext({
		nodeType: new AlibabaCloudChatApp(),
		parameters: { resource: 'message', operation: 'sendTemplate', ...parameters },
		credentials: credentialsFor(emu.url),
	});
}

describe('list searches, load options and the variable mapper', () => {
	let emu: CamsEmulator;
	// A gateway that serves 7 templates per page, so every list needs several pages.
	beforeAll(async () => (emu = await startEmulator({ pageSizeCap: 7 })));
	afterAll(async () => await emu.close());
	beforeEach(() => emu.reset());

	const listCalls = () => emu.calls({ action: 'ListChatappTemplate' });

	it('walks every page of ListChatappTemplate and offers approved templates only', async () => {
		const context = contextFor(emu, { channelType: 'whatsapp', channelId: byId(whatsapp) });
		const { results } = await searchApprovedTemplates.call(context);
		const approved = emu
			.templates()
			.filter(
				(t) =>
					t.custSpaceId === whatsapp && t.auditStatus === 'pass' && t.templateType === 'WHATSAPP',
			);
		expect(approved.length).toBeGreaterThan(7);
		expect(results).toHaveLength(approved.length);
		expect(listCalls().length).toBe(Math.ceil(approved.length / 7));
		expect(listCalls().map((call) => JSON.parse(call.params.Page).Index)).toEqual(
			listCalls().map((_, i) => i + 1),
		);
		expect(
			listCalls().every(
				(call) => call.params.AuditStatus === 'pass' && call.params.TemplateType === 'WHATSAPP',
			),
		).toBe(true);
		// One entry per template and language; the value carries both.
		const shipped = results.filter((result) =>
			String(result.value).startsWith(`${SEED_TEMPLATES.orderShipped.code}|`),
		);
		expect(shipped.map((result) => [result.name, result.value])).toEqual(
			expect.arrayContaining([
				['order_shipped · en_US · UTILITY', `${SEED_TEMPLATES.orderShipped.code}|en_US`],
				['order_shipped · es · UTILITY', `${SEED_TEMPLATES.orderShipped.code}|es`],
			]),
		);
		expect(new Set(results.map((result) => result.value)).size).toBe(results.length);
	});

	it('lists templates in every review state for management, filtered by the search text', async () => {
		const context = contextFor(emu, { channelType: 'whatsapp', channelId: byId(whatsapp) });
		const all = await searchTemplates.call(context);
		expect(
			all.results.some(
				(result) =>
					String(result.value).startsWith(`${SEED_TEMPLATES.summerSale.code}|`) &&
					/fail/.test(result.name),
			),
		).toBe(true);
		const filtered = await searchTemplates.call(context, 'ORDER_SH');
		expect(new Set(filtered.results.map((result) => String(result.value).split('|')[0]))).toEqual(
			new Set([SEED_TEMPLATES.orderShipped.code]),
		);
	});

	it('asks for a channel before listing what depends on it, without calling CAMS', async () => {
		const context = contextFor(emu, { channelType: 'whatsapp', channelId: byId('') });
		const hint = { results: [{ name: 'Choose a channel first', value: '' }] };
		expect(await searchApprovedTemplates.call(context)).toEqual(hint);
		expect(await searchSenders.call(context)).toEqual(hint);
		expect(emu.calls()).toHaveLength(0);
	});

	it('walks every page of ListInstance for the channel picker', async () => {
		for (let i = 0; i < 9; i++) {
			const created = await call(emu, 'CreateInstance', {
				ChannelType: 'WHATSAPP',
				InstanceName: `Shop ${i}`,
			});
			expect(created.json.Code).toBe('OK');
		}
		const before = emu.calls({ action: 'ListInstance' }).length;
		const channels = await searchChannels.call(contextFor(emu, { channelType: 'whatsapp' }));
		expect(channels.results).toHaveLength(10);
		expect(channels.results.map((result) => result.name)).toEqual(
			expect.arrayContaining(['Shop 8 (whatsapp)']),
		);
		const pages = emu.calls({ action: 'ListInstance' }).slice(before);
		expect(pages.map((page) => page.params.PageIndex)).toEqual(['1', '2']);
	});

	it('lists the senders of every channel type: numbers, Viber service IDs, a Messenger hint', async () => {
		const viber = await searchSenders.call(
			contextFor(emu, { channelType: 'viber', channelId: byId(SEED_CHANNELS.viber.custSpaceId) }),
		);
		expect(viber.results).toEqual([
			{
				name: `Emulator Viber Shop (${SEED_NUMBERS.viberServiceId})`,
				value: SEED_NUMBERS.viberServiceId,
			},
		]);
		expect(emu.calls({ action: 'ListViberServiceMessage' })[0].params.CustSpaceId).toBe(
			SEED_CHANNELS.viber.custSpaceId,
		);
		expect(emu.calls({ action: 'QueryChatappPhoneNumbers' })).toHaveLength(0);

		const messenger = await searchSenders.call(
			contextFor(emu, {
				channelType: 'messenger',
				channelId: byId(SEED_CHANNELS.messenger.custSpaceId),
			}),
		);
		expect(messenger.results).toHaveLength(1);
		expect(messenger.results[0]).toMatchObject({ value: '' });
		expect(messenger.results[0].name).toContain('Page ID');
	});

	it('lists channels of the chosen type and the business numbers of a channel', async () => {
		const channels = await searchChannels.call(contextFor(emu, { channelType: 'viber' }));
		expect(channels.results.map((result) => result.value)).toEqual([
			SEED_CHANNELS.viber.custSpaceId,
		]);
		expect(emu.calls({ action: 'ListInstance' })[0].params.ChannelType).toBe('viber');

		const numbers = await searchSenders.call(
			contextFor(emu, { channelType: 'whatsapp', channelId: byId(whatsapp) }),
		);
		expect(numbers.results.map((result) => result.value)).toEqual(
			expect.arrayContaining([SEED_NUMBERS.connected]),
		);
	});

	it('throws the CAMS error itself when CAMS refuses a list', async () => {
		const context = contextFor(emu, {
			channelType: 'viber',
			channelId: byId(SEED_CHANNELS.whatsapp.custSpaceId),
		});
		await expect(searchSenders.call(context)).rejects.toThrow(/not a Viber channel/);
	});

	it('offers the languages a template exists in', async () => {
		const context = contextFor(emu, {
			channelType: 'whatsapp',
			channelId: byId(whatsapp),
			template: byId(SEED_TEMPLATES.paymentReceived.code),
		});
		const languages = await getTemplateLanguages.call(context);
		expect(languages).toEqual([
			{ name: 'English (US) (en_US)', value: 'en_US' },
			{ name: 'Indonesian (id)', value: 'id' },
			{ name: 'Chinese (China) (zh_CN)', value: 'zh_CN' },
		]);
	});

	it("builds one required mapper field per variable of the template's detail", async () => {
		const context = contextFor(emu, {
			channelType: 'whatsapp',
			channelId: byId(whatsapp),
			template: byId(SEED_TEMPLATES.welcomeOffer.code),
			language: 'en_US',
		});
		const { fields } = await getTemplateVariables.call(context);
		expect(fields.map((field) => [field.id, field.displayName, field.required])).toEqual([
			['headerImage', 'headerImage (header media link)', true],
			['name', 'name (body)', true],
			['discount', 'discount (body)', true],
		]);
		const [detail] = emu.calls({ action: 'GetChatappTemplateDetail' });
		expect(detail.params).toMatchObject({
			TemplateCode: SEED_TEMPLATES.welcomeOffer.code,
			Language: 'en_US',
			TemplateType: 'WHATSAPP',
		});
	});

	it('names the component of each variable, for a template picked with its language', async () => {
		const context = contextFor(emu, {
			channelType: 'whatsapp',
			channelId: byId(whatsapp),
			template: { __rl: true, mode: 'list', value: `${SEED_TEMPLATES.orderShipped.code}|es` },
			language: 'en_US',
		});
		const { fields } = await getTemplateVariables.call(context);
		expect(fields.map((field) => field.displayName)).toEqual([
			'orderId (header, body)',
			'name (body)',
			'date (body)',
			'trackingId (button 1 "Seguir pedido")',
		]);
		expect(emu.calls({ action: 'GetChatappTemplateDetail' })[0].params.Language).toBe('es');
	});

	it('asks for a new pick when the template is left over from another channel', async () => {
		const context = contextFor(emu, {
			channelType: 'viber',
			channelId: byId(SEED_CHANNELS.viber.custSpaceId),
			template: { __rl: true, mode: 'list', value: `${SEED_TEMPLATES.orderShipped.code}|es` },
		});
		const mapper = await getTemplateVariables.call(context);
		expect(mapper.fields).toEqual([]);
		expect(mapper.emptyFieldsNotice).toMatch(
			/does not exist on this channel: pick the template again/,
		);
		expect(emu.calls({ action: 'GetChatappTemplateDetail' })[0].outcome).not.toBe('accepted');
	});

	it('offers no mapper fields until a template and language are chosen', async () => {
		const context = contextFor(emu, { channelType: 'whatsapp', channelId: byId(whatsapp) });
		expect((await getTemplateVariables.call(context)).fields).toEqual([]);
		expect(emu.calls()).toHaveLength(0);
	});

	it('points to JSON input when the template or its language is an expression', async () => {
		for (const parameters of [
			{ template: byId('={{ $json.template }}'), language: 'en_US' },
			{ template: byId(SEED_TEMPLATES.orderShipped.code), language: '={{ $json.language }}' },
		]) {
			const context = contextFor(emu, {
				channelType: 'whatsapp',
				channelId: byId(whatsapp),
				...parameters,
			});
			const mapper = await getTemplateVariables.call(context);
			expect(mapper.fields).toEqual([]);
			expect(mapper.emptyFieldsNotice).toMatch(/"Variables Input" to JSON/);
		}
		expect(emu.calls()).toHaveLength(0);
	});
});
