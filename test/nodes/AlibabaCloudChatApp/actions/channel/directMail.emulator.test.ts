import type { INodeParameters } from 'n8n-workflow';

import { SEED_CHANNELS, startEmulator, type CamsEmulator } from '../../../../emulator';
import { DM_ACCOUNTS } from '../../../../emulator/actions/admin';
import {
	byId,
	paramsOf,
	received,
	runChatAppError,
	runChatAppJson,
} from '../../../../helpers/chatApp';

let emu: CamsEmulator;
let emailChannel: string;

beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => {
	emu.reset();
	await emu.close();
});
beforeEach(async () => {
	emu.reset();
	const [created] = await runChatAppJson(emu.url, {
		resource: 'channel',
		operation: 'create',
		instanceChannelType: 'EMAIL',
		instanceName: 'Shop Email',
	});
	emailChannel = String(created.CustSpaceId);
	emu.state.calls = [];
});

const channel = (operation: string, fields: INodeParameters = {}): INodeParameters => ({
	resource: 'channel',
	operation,
	...fields,
});
const notice = DM_ACCOUNTS[0];

describe('Channel > DirectMail accounts', () => {
	it('lists the sender addresses with ListDmAccount, filtered and paged', async () => {
		const list = await runChatAppJson(
			emu.url,
			channel('getAllDmAccounts', {
				returnAll: true,
				filters: { sendType: 'trigger', keyword: 'mail.emulator' },
			}),
		);
		expect(received(emu)).toEqual([
			{
				action: 'ListDmAccount',
				outcome: 'accepted',
				params: { SendType: 'trigger', Keyword: 'mail.emulator', PageIndex: '1', PageSize: '50' },
			},
		]);
		expect(list.map((entry) => entry.AccountName)).toEqual([
			'notice@mail.emulator.example',
			'billing@mail.emulator.example',
		]);
		const limited = await runChatAppJson(emu.url, channel('getAllDmAccounts', { limit: 1 }));
		expect(limited).toEqual([DM_ACCOUNTS[0]]);
	});

	it('binds, reads back and unbinds the sender of an e-mail channel', async () => {
		const [bound] = await runChatAppJson(
			emu.url,
			channel('bindDmAccount', {
				channelId: byId(emailChannel),
				accountName: notice.AccountName,
				sendType: 'trigger',
			}),
		);
		expect(paramsOf(emu, 'BindDmAccount')).toEqual({
			CustSpaceId: emailChannel,
			AccountCode: notice.AccountName,
			ExtendAttr: JSON.stringify({ AccountName: notice.AccountName, SendType: 'trigger' }),
		});
		expect(bound).toEqual({
			Success: true,
			CustSpaceId: emailChannel,
			AccountCode: notice.AccountName,
			AccountName: notice.AccountName,
			SendType: 'trigger',
			RequestId: expect.any(String),
		});

		const boundAccounts = await runChatAppJson(
			emu.url,
			channel('getBoundDmAccount', { channelId: byId(emailChannel) }),
		);
		expect(paramsOf(emu, 'ListBindDmAccount')).toEqual({ CustSpaceId: emailChannel });
		expect(boundAccounts).toEqual([
			expect.objectContaining({
				AccountCode: notice.AccountName,
				ExtendAttr: { AccountName: notice.AccountName, SendType: 'trigger' },
			}),
		]);

		const [unbound] = await runChatAppJson(
			emu.url,
			channel('unbindDmAccount', { channelId: byId(emailChannel) }),
		);
		expect(paramsOf(emu, 'UnbindDmAccount')).toEqual({ CustSpaceId: emailChannel });
		expect(unbound).toEqual({
			Success: true,
			CustSpaceId: emailChannel,
			RequestId: expect.any(String),
		});
		expect(
			await runChatAppJson(
				emu.url,
				channel('getBoundDmAccount', { channelId: byId(emailChannel) }),
			),
		).toEqual([]);
	});

	it('sends a separate account code when one is given', async () => {
		await runChatAppJson(
			emu.url,
			channel('bindDmAccount', {
				channelId: byId(emailChannel),
				accountName: notice.AccountName,
				sendType: 'trigger',
				options: { accountCode: 'dm-3001' },
			}),
		);
		expect(paramsOf(emu, 'BindDmAccount').AccountCode).toBe('dm-3001');
	});

	it('reports CAMS refusing a WhatsApp channel or a sender of the other send type', async () => {
		const whatsapp = await runChatAppError(
			emu.url,
			channel('bindDmAccount', {
				channelId: byId(SEED_CHANNELS.whatsapp.custSpaceId),
				accountName: notice.AccountName,
				sendType: 'trigger',
			}),
		);
		expect(whatsapp.message).toMatch(
			/^BindDmAccount failed: InvalidParameter\.ChannelTypeNotSupport - .*not an e-mail channel/,
		);
		const batch = await runChatAppError(
			emu.url,
			channel('bindDmAccount', {
				channelId: byId(emailChannel),
				accountName: notice.AccountName,
				sendType: 'batch',
			}),
		);
		expect(batch.message).toMatch(/is a trigger address, not batch/);
	});

	it('requires the sender address before any request', async () => {
		const error = await runChatAppError(
			emu.url,
			channel('bindDmAccount', { channelId: byId(emailChannel), accountName: ' ' }),
		);
		expect(error.message).toBe('Sender Address is empty');
		expect(received(emu)).toEqual([]);
	});
});
