import type { INodeParameters } from 'n8n-workflow';

import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../../../../emulator';
import { byId, runChatApp, runChatAppError } from '../../../../helpers/chatApp';

const { paymentReceived } = SEED_TEMPLATES;

function params(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'message',
		operation: 'sendBulkTemplate',
		channelType: 'whatsapp',
		channelId: byId(SEED_CHANNELS.whatsapp.custSpaceId),
		from: byId(SEED_NUMBERS.connected),
		to: '={{ $json.phone }}',
		template: byId(paymentReceived.code),
		language: '={{ $json.language }}',
		variablesInput: 'mapper',
		templateVariables: { mappingMode: 'defineBelow', value: { amount: '={{ $json.amount }}' } },
		...overrides,
	};
}

const recipients = (count: number, language = 'en_US') =>
	Array.from({ length: count }, (_, i) => ({
		phone: `+65 8${String(i).padStart(7, '0')}`,
		amount: `$${i}`,
		language,
	}));

describe('Message > Send Bulk Template', () => {
	let emu: CamsEmulator;
	beforeAll(async () => (emu = await startEmulator({ statusDelays: { sent: 60_000 } })));
	afterAll(async () => await emu.close());
	beforeEach(() => emu.reset());

	const massCalls = () => emu.calls({ action: 'SendChatappMassMessage' });

	it('packs items into calls of at most the batch size, each recipient with its own variables', async () => {
		const items = recipients(5);
		const output = await runChatApp(
			emu.url,
			params({ options: { batchSize: 2, taskId: 'campaign-7' } }),
			{ items },
		);
		const calls = massCalls();
		expect(calls.map((call) => JSON.parse(call.params.SenderList).length)).toEqual([2, 2, 1]);
		expect(calls[0].params).toMatchObject({
			ChannelType: 'whatsapp',
			CustSpaceId: SEED_CHANNELS.whatsapp.custSpaceId,
			From: SEED_NUMBERS.connected,
			TemplateCode: paymentReceived.code,
			Language: 'en_US',
			TaskId: 'campaign-7',
		});
		expect(JSON.parse(calls[0].params.SenderList)).toEqual([
			{ To: '6580000000', TemplateParams: { amount: '$0' } },
			{ To: '6580000001', TemplateParams: { amount: '$1' } },
		]);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const groupIds = output.map((item) => item.json.GroupMessageId);
		expect(new Set(groupIds).size).toBe(3);
		expect(groupIds[0]).toBe(groupIds[1]);
		expect(output.every((item) => item.json.TaskId === 'campaign-7')).toBe(true);
		expect(emu.sends()).toHaveLength(5);
	});

	it('sends items whose template language differs in separate calls, and gives each call a task ID', async () => {
		const items = [...recipients(2, 'en_US'), ...recipients(1, 'zh_CN')].map((item, i) => ({
			...item,
			phone: `659000000${i}`,
		}));
		const output = await runChatApp(emu.url, params(), { items });
		expect(
			massCalls().map((call) => [call.params.Language, JSON.parse(call.params.SenderList).length]),
		).toEqual([
			['en_US', 2],
			['zh_CN', 1],
		]);
		expect(output[0].json.TaskId).toMatch(/^n8n-bulk-/);
		expect(output[0].json.TaskId).toBe(output[1].json.TaskId);
		expect(output[2].json.TaskId).not.toBe(output[0].json.TaskId);
	});

	it('fills 1,000 recipients per call by default', async () => {
		await runChatApp(emu.url, params(), { items: recipients(1001) });
		expect(massCalls().map((call) => JSON.parse(call.params.SenderList).length)).toEqual([1000, 1]);
	});

	it('sends nothing when one item is invalid and Continue On Fail is off', async () => {
		const items = recipients(3);
		items[1].phone = 'call me';
		const error = await runChatAppError(emu.url, params(), { items });
		expect(error.message).toBe('Recipient "call me" is not a valid phone number');
		expect(error.context?.itemIndex).toBe(1);
		expect(massCalls()).toHaveLength(0);
	});

	it('sends the valid items and reports the invalid one with Continue On Fail', async () => {
		const items = recipients(3);
		items[2].amount = '';
		const output = await runChatApp(emu.url, params(), { items, continueOnFail: true });
		expect(output.map((item) => item.json.error ?? 'sent')).toEqual([
			'sent',
			'sent',
			'Template variable missing: amount',
		]);
		expect(JSON.parse(massCalls()[0].params.SenderList)).toHaveLength(2);
	});
});
