import type { INodeParameters } from 'n8n-workflow';

import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../../../../emulator';
import { byId, runChatApp, runChatAppError } from '../../../../helpers/chatApp';

const whatsapp = SEED_CHANNELS.whatsapp.custSpaceId;

function params(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'message',
		operation: 'getAll',
		channelType: 'whatsapp',
		channelId: byId(whatsapp),
		from: byId(SEED_NUMBERS.connected),
		...overrides,
	};
}

describe('Message > Get Many', () => {
	let emu: CamsEmulator;
	beforeAll(async () => {
		emu = await startEmulator({ statusDelays: { sent: 60_000 }, pageSizeCap: 20 });
		const items = Array.from({ length: 25 }, (_, i) => ({
			phone: `658100${String(i).padStart(4, '0')}`,
		}));
		await runChatApp(
			emu.url,
			{
				resource: 'message',
				operation: 'sendTemplate',
				channelType: 'whatsapp',
				channelId: byId(whatsapp),
				from: byId(SEED_NUMBERS.connected),
				to: '={{ $json.phone }}',
				template: byId(SEED_TEMPLATES.holidayHours.code),
				language: 'en_US',
			},
			{ items },
		);
	});
	afterAll(async () => await emu.close());

	const listCalls = () => emu.calls({ action: 'ListChatappMessage' });

	it('returns up to the limit from the first page', async () => {
		const before = listCalls().length;
		const output = await runChatApp(emu.url, params({ limit: 5 }));
		expect(output).toHaveLength(5);
		const calls = listCalls().slice(before);
		expect(calls).toHaveLength(1);
		expect(calls[0].params).toMatchObject({
			CustSpaceId: whatsapp,
			ChannelType: 'whatsapp',
			BusinessNumber: SEED_NUMBERS.connected,
			Page: '{"Index":1,"Size":5}',
		});
	});

	it('walks every page with Return All', async () => {
		const before = listCalls().length;
		const output = await runChatApp(emu.url, params({ returnAll: true }));
		expect(output.length).toBeGreaterThanOrEqual(25);
		expect(listCalls().length - before).toBe(Math.ceil(output.length / 20));
	});

	it('passes the filters, with times as epoch milliseconds and numbers normalised', async () => {
		const before = listCalls().length;
		await runChatApp(
			emu.url,
			params({
				returnAll: true,
				filters: {
					eventAction: 'DOWN',
					userNumber: '+65 8100 0003',
					templateCode: SEED_TEMPLATES.holidayHours.code,
					startTime: '2026-01-01T00:00:00.000Z',
					endTime: String(Date.UTC(2026, 11, 31)),
				},
			}),
		);
		expect(listCalls()[before].params).toMatchObject({
			EventAction: 'DOWN',
			UserNumber: '6581000003',
			TemplateCode: SEED_TEMPLATES.holidayHours.code,
			StartTime: String(Date.UTC(2026, 0, 1)),
			EndTime: String(Date.UTC(2026, 11, 31)),
		});
	});

	it('reads a time filter given in epoch seconds as seconds', async () => {
		const before = listCalls().length;
		await runChatApp(emu.url, params({ filters: { startTime: Date.UTC(2026, 0, 1) / 1000 } }));
		expect(listCalls()[before].params.StartTime).toBe(String(Date.UTC(2026, 0, 1)));
	});

	it('rejects an empty channel before any request', async () => {
		const before = listCalls().length;
		const error = await runChatAppError(emu.url, params({ channelId: byId('') }));
		expect(error.message).toBe('Channel is empty');
		expect(error.context?.itemIndex).toBe(0);
		expect(listCalls()).toHaveLength(before);
	});

	it('rejects a time filter that is not a date, before any request', async () => {
		const before = listCalls().length;
		const error = await runChatAppError(
			emu.url,
			params({ filters: { startTime: 'last tuesday' } }),
		);
		expect(error.message).toBe('Sent After is not a date: "last tuesday"');
		expect(listCalls()).toHaveLength(before);
	});
});
