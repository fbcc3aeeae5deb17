import type { INodeParameters } from 'n8n-workflow';

import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../../../../emulator';
import { byId, runChatApp, runChatAppError } from '../../../../helpers/chatApp';

const { orderShipped, welcomeOffer } = SEED_TEMPLATES;

function params(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'message',
		operation: 'sendTemplate',
		channelType: 'whatsapp',
		channelId: byId(SEED_CHANNELS.whatsapp.custSpaceId),
		from: byId(SEED_NUMBERS.connected),
		to: '+65 8123-4567',
		template: byId(orderShipped.code),
		language: 'en_US',
		variablesInput: 'mapper',
		templateVariables: {
			mappingMode: 'defineBelow',
			value: { orderId: 'A-1', name: 'Alice', date: 'Monday', trackingId: 'TRK9' },
		},
		...overrides,
	};
}

describe('Message > Send Template', () => {
	let emu: CamsEmulator;
	beforeAll(async () => (emu = await startEmulator({ statusDelays: { sent: 60_000 } })));
	afterAll(async () => await emu.close());
	beforeEach(() => emu.reset());

	const sends = () => emu.calls({ action: 'SendChatappMessage' });

	it('sends the template with mapped variables, normalised numbers and options', async () => {
		const [item] = await runChatApp(
			emu.url,
			params({
				options: { taskId: 'order-42', buttonPayloads: ['yes', 'no'], contextMessageId: 'wamid-7' },
			}),
		);
		const [call] = sends();
		expect(call.outcome).toBe('accepted');
		expect(call.params).toEqual({
			ChannelType: 'whatsapp',
			Type: 'template',
			CustSpaceId: SEED_CHANNELS.whatsapp.custSpaceId,
			From: SEED_NUMBERS.connected,
			To: '6581234567',
			TemplateCode: orderShipped.code,
			Language: 'en_US',
			TemplateParams: JSON.stringify({
				orderId: 'A-1',
				name: 'Alice',
				date: 'Monday',
				trackingId: 'TRK9',
			}),
			Payload: '["yes","no"]',
			TaskId: 'order-42',
			ContextMessageId: 'wamid-7',
		});
		expect(item.json).toMatchObject({
			To: '6581234567',
			TaskId: 'order-42',
			MessageId: expect.any(String),
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('takes the variables from JSON, and fills the media header variable from Header Media Link', async () => {
		await runChatApp(
			emu.url,
			params({
				template: byId(welcomeOffer.code),
				variablesInput: 'json',
				templateParamsJson: '{"name": "Bob", "discount": 15}',
				options: { headerMediaUrl: 'https://cdn.example.com/banner.jpg' },
			}),
		);
		expect(JSON.parse(sends()[0].params.TemplateParams)).toEqual({
			name: 'Bob',
			discount: '15',
			headerImage: 'https://cdn.example.com/banner.jpg',
		});
	});

	it('maps input fields to variables in auto-map mode', async () => {
		await runChatApp(
			emu.url,
			params({ templateVariables: { mappingMode: 'autoMapInputData', value: null } }),
			{
				items: [{ orderId: 'B-2', name: 'Cai', date: 'Friday', trackingId: 'T1', unrelated: 'x' }],
			},
		);
		expect(JSON.parse(sends()[0].params.TemplateParams)).toEqual({
			orderId: 'B-2',
			name: 'Cai',
			date: 'Friday',
			trackingId: 'T1',
		});
	});

	it('sends the Viber options on Viber only', async () => {
		const viberOptions = { label: 'promotion', ttl: 3600, tag: 'spring', trackingData: 'crm-7' };
		await runChatApp(emu.url, params({ options: viberOptions }));
		expect(sends()[0].params).not.toHaveProperty('Label');
		expect(sends()[0].params).not.toHaveProperty('Ttl');
		expect(sends()[0].params).not.toHaveProperty('Tag');
		expect(sends()[0].params).not.toHaveProperty('TrackingData');

		await runChatApp(
			emu.url,
			params({
				channelType: 'viber',
				channelId: byId(SEED_CHANNELS.viber.custSpaceId),
				from: byId(SEED_NUMBERS.viberServiceId),
				template: byId(SEED_TEMPLATES.viberNotice.code),
				language: 'en',
				templateVariables: { mappingMode: 'defineBelow', value: { orderId: 'V-1' } },
				options: viberOptions,
			}),
		);
		expect(sends()[1].outcome).toBe('accepted');
		expect(sends()[1].params).toMatchObject({
			ChannelType: 'viber',
			Label: 'promotion',
			Ttl: '3600',
			Tag: 'spring',
			TrackingData: 'crm-7',
		});
	});

	it('sends the language a template picked from the list carries, whatever Language says', async () => {
		await runChatApp(
			emu.url,
			params({
				template: { __rl: true, mode: 'list', value: `${orderShipped.code}|es` },
				language: 'en_US',
			}),
		);
		expect(sends()[0].params).toMatchObject({ TemplateCode: orderShipped.code, Language: 'es' });
	});

	it('asks for the language of a template given by code without one', async () => {
		const error = await runChatAppError(emu.url, params({ language: '' }));
		expect(error.message).toBe('Language is empty');
		expect(sends()).toHaveLength(0);
	});

	it('names missing variables and sends nothing', async () => {
		const error = await runChatAppError(
			emu.url,
			params({
				templateVariables: { mappingMode: 'defineBelow', value: { orderId: 'A-1', name: 'Alice' } },
			}),
		);
		expect(error.message).toBe('Template variables missing: date, trackingId');
		expect(error.description).toContain('$(date), $(trackingId)');
		expect(sends()).toHaveLength(0);
	});

	it('reports malformed JSON variables with the parse position', async () => {
		const error = await runChatAppError(
			emu.url,
			params({ variablesInput: 'json', templateParamsJson: '{"name": "Bob",}' }),
		);
		expect(error.message).toMatch(/^Variables \(JSON\) is not valid JSON: .*position \d+/);
		expect(sends()).toHaveLength(0);
	});

	it('rejects a recipient that is not a phone number before any request', async () => {
		const error = await runChatAppError(emu.url, params({ to: 'alice@example.com' }));
		expect(error.message).toBe('Recipient "alice@example.com" is not a valid phone number');
		expect(error.context?.itemIndex).toBe(0);
		expect(emu.calls()).toHaveLength(0);
	});

	it('turns a CAMS error into a NodeApiError with code, RequestId and a hint', async () => {
		const error = await runChatAppError(
			emu.url,
			params({ template: byId('0000000000000000deadbeef00000000') }),
		);
		expect(error.message).toMatch(
			/^GetChatappTemplateDetail failed: DetailError\.TemplateNotExist/,
		);
		expect(error.description).toMatch(/Pick the template from the list.*\(RequestId [\w-]+\)/);
		expect(sends()).toHaveLength(0);
	});

	it('keeps output in input order with pairedItem, and goes on past a bad item with Continue On Fail', async () => {
		const items = ['6581000001', 'not-a-number', '6581000003', '6581000004'].map((to) => ({ to }));
		const output = await runChatApp(emu.url, params({ to: '={{ $json.to }}' }), {
			items,
			continueOnFail: true,
		});
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(output.map((item) => item.json.To ?? 'error')).toEqual([
			'6581000001',
			'error',
			'6581000003',
			'6581000004',
		]);
		expect(output[1].json.error).toBe('Recipient "not-a-number" is not a valid phone number');
		expect(
			sends()
				.map((call) => call.params.To)
				.sort(),
		).toEqual(['6581000001', '6581000003', '6581000004']);
	});

	it('retries throttling answers and sends once', async () => {
		await emu.setFaults({ throttleBurst: 2, actions: ['SendChatappMessage'] });
		const [item] = await runChatApp(emu.url, params());
		expect(item.json.MessageId).toEqual(expect.any(String));
		expect(sends().map((call) => call.code)).toEqual(['Throttling.User', 'Throttling.User', 'OK']);
		expect(emu.stats().duplicates).toBe(0);
	});

	it('does not retry a send whose connection dropped after CAMS accepted it', async () => {
		await emu.setFaults({
			resetConnections: 1,
			resetMode: 'after',
			actions: ['SendChatappMessage'],
		});
		const error = await runChatAppError(emu.url, params());
		expect(error.message).toMatch(/^SendChatappMessage could not be completed/);
		expect(error.description).toMatch(/may have accepted it\. It was not retried/);
		expect(sends()).toHaveLength(1);
		expect(emu.sends()).toHaveLength(1);
	});
});
