import type { INodeParameters } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { getTemplateLanguages } from '../../../../nodes/AlibabaCloudChatApp/methods/loadOptions';
import { getTemplateVariables } from '../../../../nodes/AlibabaCloudChatApp/methods/resourceMapping';
import {
	searchApprovedTemplates,
	searchChannels,
	searchPhoneNumbers,
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
		const shipped = results.filter((result) => result.value === SEED_TEMPLATES.orderShipped.code);
		expect(shipped.map((result) => result.name)).toContain('order_shipped · en_US · UTILITY');
	});

	it('lists templates in every review state for management, filtered by the search text', async () => {
		const context = contextFor(emu, { channelType: 'whatsapp', channelId: byId(whatsapp) });
		const all = await searchTemplates.call(context);
		expect(
			all.results.some(
				(result) => result.value === SEED_TEMPLATES.summerSale.code && /fail/.test(result.name),
			),
		).toBe(true);
		const filtered = await searchTemplates.call(context, 'ORDER_SH');
		expect(new Set(filtered.results.map((result) => result.value))).toEqual(
			new Set([SEED_TEMPLATES.orderShipped.code]),
		);
	});

	it('asks for a channel before listing what depends on it', async () => {
		const context = contextFor(emu, { channelType: 'whatsapp', channelId: byId('') });
		await expect(searchApprovedTemplates.call(context)).rejects.toThrow('Choose a channel first');
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

	it('says the sender list is for WhatsApp only instead of asking CAMS for a Viber channel', async () => {
		const context = contextFor(emu, {
			channelType: 'viber',
			channelId: byId(SEED_CHANNELS.viber.custSpaceId),
		});
		const error = (await searchPhoneNumbers
			.call(context)
			.catch((failure: unknown) => failure)) as Error & { description?: string };
		expect(error.message).toBe('This list has WhatsApp business numbers only');
		expect(error.description).toBe('Switch this field to "ID" and enter your Viber service ID.');
		expect(emu.calls({ action: 'QueryChatappPhoneNumbers' })).toHaveLength(0);
	});

	it('lists channels of the chosen type and the business numbers of a channel', async () => {
		const channels = await searchChannels.call(contextFor(emu, { channelType: 'viber' }));
		expect(channels.results.map((result) => result.value)).toEqual([
			SEED_CHANNELS.viber.custSpaceId,
		]);
		expect(emu.calls({ action: 'ListInstance' })[0].params.ChannelType).toBe('viber');

		const numbers = await searchPhoneNumbers.call(
			contextFor(emu, { channelType: 'whatsapp', channelId: byId(whatsapp) }),
		);
		expect(numbers.results.map((result) => result.value)).toEqual(
			expect.arrayContaining([SEED_NUMBERS.connected]),
		);
	});

	it('offers the languages a template exists in', async () => {
		const context = contextFor(emu, {
			channelType: 'whatsapp',
			channelId: byId(whatsapp),
			template: byId(SEED_TEMPLATES.paymentReceived.code),
		});
		const languages = await getTemplateLanguages.call(context);
		expect(languages.map((option) => option.value)).toEqual(['en_US', 'id', 'zh_CN']);
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
			['name', 'name', true],
			['discount', 'discount', true],
		]);
		const [detail] = emu.calls({ action: 'GetChatappTemplateDetail' });
		expect(detail.params).toMatchObject({
			TemplateCode: SEED_TEMPLATES.welcomeOffer.code,
			Language: 'en_US',
			TemplateType: 'WHATSAPP',
		});
	});

	it('offers no mapper fields until a template and language are chosen', async () => {
		const context = contextFor(emu, { channelType: 'whatsapp', channelId: byId(whatsapp) });
		expect((await getTemplateVariables.call(context)).fields).toEqual([]);
		expect(emu.calls()).toHaveLength(0);
	});
});
