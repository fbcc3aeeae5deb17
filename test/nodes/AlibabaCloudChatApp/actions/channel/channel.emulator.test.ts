import type { INodeParameters } from 'n8n-workflow';

import { SEED_CHANNELS, startEmulator, type CamsEmulator } from '../../../../emulator';
import {
	byId,
	byMode,
	paramsOf,
	received,
	runChatAppError,
	runChatAppJson,
} from '../../../../helpers/chatApp';

const { whatsapp, viber } = SEED_CHANNELS;

let emu: CamsEmulator;

beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => {
	emu.reset();
	await emu.close();
});
beforeEach(() => emu.reset());

const channel = (operation: string, fields: INodeParameters = {}): INodeParameters => ({
	resource: 'channel',
	operation,
	...fields,
});

describe('Channel > Create', () => {
	it('sends CreateInstance with the type, name and details, and returns the new channel', async () => {
		const [created] = await runChatAppJson(
			emu.url,
			channel('create', {
				instanceChannelType: 'EMAIL',
				instanceName: 'Shop Email',
				additionalFields: {
					instanceDescription: 'Receipts',
					contactMail: 'ops@shop.example.com',
					isConfirmAudit: true,
					countryId: 'SG',
				},
			}),
		);
		expect(paramsOf(emu, 'CreateInstance')).toEqual({
			ChannelType: 'EMAIL',
			InstanceName: 'Shop Email',
			InstanceDescription: 'Receipts',
			ContactMail: 'ops@shop.example.com',
			CountryId: 'SG',
			IsConfirmAudit: 'Y',
		});
		expect(created).toEqual(
			expect.objectContaining({
				InstanceName: 'Shop Email',
				ChannelType: 'EMAIL',
				InstanceId: expect.any(String),
				CustSpaceId: expect.any(String),
			}),
		);
		expect(emu.state.channels.get(String(created.CustSpaceId))?.instanceName).toBe('Shop Email');
	});

	it('reports the name CAMS refuses', async () => {
		const error = await runChatAppError(
			emu.url,
			channel('create', { instanceName: whatsapp.instanceName }),
		);
		expect(
			[error.message, ...((error as { messages?: string[] }).messages ?? [])].join(' '),
		).toMatch(/InstanceNameExist/);
		expect(emu.calls().map((entry) => entry.code)).toEqual(['InvalidParameter.InstanceNameExist']);
	});
});

describe('Channel > Update', () => {
	it('finds the InstanceId of a channel ID in ListInstance, keeps the name, and sends UpdateInstance', async () => {
		const [updated] = await runChatAppJson(
			emu.url,
			channel('update', {
				channelId: byId(viber.custSpaceId),
				updateFields: { officeAddress: '2 Harbour Road' },
			}),
		);
		expect(received(emu).map((entry) => entry.action)).toEqual(['ListInstance', 'UpdateInstance']);
		expect(paramsOf(emu, 'ListInstance')).toEqual({ PageIndex: '1', PageSize: '50' });
		expect(paramsOf(emu, 'UpdateInstance')).toEqual({
			InstanceId: viber.instanceId,
			InstanceName: viber.instanceName,
			OfficeAddress: '2 Harbour Road',
		});
		expect(updated).toEqual(
			expect.objectContaining({ InstanceId: viber.instanceId, OfficeAddress: '2 Harbour Road' }),
		);
	});

	it('takes an InstanceId directly, reading the current name with QueryInstance', async () => {
		await runChatAppJson(
			emu.url,
			channel('update', {
				channelId: byMode('instanceId', whatsapp.instanceId),
				updateFields: { contactMail: 'it@shop.example.com' },
			}),
		);
		expect(received(emu).map((entry) => entry.action)).toEqual(['QueryInstance', 'UpdateInstance']);
		expect(paramsOf(emu, 'UpdateInstance')).toEqual({
			InstanceId: whatsapp.instanceId,
			InstanceName: whatsapp.instanceName,
			ContactMail: 'it@shop.example.com',
		});
	});

	it('renames without looking the name up', async () => {
		await runChatAppJson(
			emu.url,
			channel('update', {
				channelId: byMode('instanceId', whatsapp.instanceId),
				updateFields: { instanceName: 'Renamed' },
			}),
		);
		expect(received(emu).map((entry) => entry.action)).toEqual(['UpdateInstance']);
		expect(emu.state.channels.get(whatsapp.custSpaceId)?.instanceName).toBe('Renamed');
	});

	it('says how to fix an unknown channel ID and an empty field list', async () => {
		const unknown = await runChatAppError(
			emu.url,
			channel('update', { channelId: byId('cams-nope'), updateFields: { instanceName: 'X' } }),
		);
		expect(unknown.message).toBe('No channel with the ID "cams-nope"');
		expect(unknown.description).toMatch(/Channel Management page/);
		const empty = await runChatAppError(
			emu.url,
			channel('update', { channelId: byId(viber.custSpaceId) }),
		);
		expect(empty.message).toBe('No field to update');
		expect(received(emu).map((entry) => entry.action)).toEqual(['ListInstance']);
	});
});

describe('Channel > Delete, Get and Get Many', () => {
	it('deletes a channel by InstanceId and returns Success, the IDs acted on and the RequestId', async () => {
		const [created] = await runChatAppJson(
			emu.url,
			channel('create', { instanceChannelType: 'VIBER', instanceName: 'Temporary' }),
		);
		emu.state.calls = [];
		expect(
			await runChatAppJson(
				emu.url,
				channel('delete', { channelId: byId(String(created.CustSpaceId)) }),
			),
		).toEqual([
			{
				Success: true,
				InstanceId: created.InstanceId,
				CustSpaceId: created.CustSpaceId,
				RequestId: expect.any(String),
			},
		]);
		expect(paramsOf(emu, 'DeleteInstance')).toEqual({ InstanceId: created.InstanceId });
		expect(emu.state.channels.has(String(created.CustSpaceId))).toBe(false);
	});

	it('gets one channel with QueryInstance, simplified to the main fields plus its channel ID', async () => {
		const [found] = await runChatAppJson(
			emu.url,
			channel('get', { channelId: byId(whatsapp.custSpaceId) }),
		);
		expect(paramsOf(emu, 'QueryInstance')).toEqual({ InstanceId: whatsapp.instanceId });
		expect(found).toEqual({
			CustSpaceId: whatsapp.custSpaceId,
			InstanceId: whatsapp.instanceId,
			InstanceName: whatsapp.instanceName,
			ChannelType: 'WHATSAPP',
			SubmitTime: whatsapp.submitTime,
		});
		const [full] = await runChatAppJson(
			emu.url,
			channel('get', { channelId: byMode('instanceId', whatsapp.instanceId), simplify: false }),
		);
		expect(full).toEqual(
			expect.objectContaining({
				CustType: 'DIRECT',
				OfficeAddress: expect.any(String),
				ContactMail: expect.any(String),
			}),
		);
	});

	it('lists channels with filters and a limit', async () => {
		const list = await runChatAppJson(
			emu.url,
			channel('getAll', { limit: 1, filters: { channelType: 'viber', instanceName: 'Emulator' } }),
		);
		expect(paramsOf(emu, 'ListInstance')).toEqual({
			ChannelType: 'viber',
			InstanceName: 'Emulator',
			PageIndex: '1',
			PageSize: '1',
		});
		expect(list).toEqual([
			{
				CustSpaceId: viber.custSpaceId,
				InstanceId: viber.instanceId,
				InstanceName: viber.instanceName,
				ChannelType: 'VIBER',
				State: 'published',
				SubmitTime: viber.submitTime,
			},
		]);
	});

	it('walks the pages with Return All', async () => {
		for (let i = 0; i < 55; i++)
			await runChatAppJson(
				emu.url,
				channel('create', { instanceChannelType: 'VIBER', instanceName: `Bulk ${i}` }),
			);
		emu.state.calls = [];
		const list = await runChatAppJson(
			emu.url,
			channel('getAll', { returnAll: true, simplify: false }),
		);
		expect(list).toHaveLength(58);
		expect(emu.calls({ action: 'ListInstance' }).map((entry) => entry.params.PageIndex)).toEqual([
			'1',
			'2',
		]);
	});
});

describe('Channel > WABA', () => {
	it('binds a WABA and returns the channel ID', async () => {
		const [bound] = await runChatAppJson(
			emu.url,
			channel('bindWaba', { wabaId: '109876543210987' }),
		);
		expect(paramsOf(emu, 'ChatappBindWaba')).toEqual({ WabaId: '109876543210987' });
		expect(bound).toEqual({
			WabaId: '109876543210987',
			CustSpaceId: expect.stringMatching(/^cams-/),
			RequestId: expect.any(String),
		});
		expect(emu.state.channels.get(String(bound.CustSpaceId))?.wabaId).toBe('109876543210987');
	});

	it('gets the WABA of a channel, simplified or in full', async () => {
		const [simple] = await runChatAppJson(
			emu.url,
			channel('getWaba', { channelId: byId(whatsapp.custSpaceId) }),
		);
		expect(paramsOf(emu, 'QueryChatappBindWaba')).toEqual({ CustSpaceId: whatsapp.custSpaceId });
		expect(Object.keys(simple)).toEqual([
			'Id',
			'Name',
			'AccountReviewStatus',
			'BusinessId',
			'BusinessName',
			'Currency',
			'MessageTemplateNamespace',
		]);
		expect(simple.Id).toBe(whatsapp.wabaId);
		const [full] = await runChatAppJson(
			emu.url,
			channel('getWaba', { channelId: byId(whatsapp.custSpaceId), simplify: false }),
		);
		expect(full).toEqual(
			expect.objectContaining({ MarketingMessageLiteStatus: 'N', IsOnBizApp: 'N' }),
		);
	});

	it('gets the business info of the given WABA', async () => {
		const [info] = await runChatAppJson(
			emu.url,
			channel('getBusinessInfo', {
				channelId: byId(whatsapp.custSpaceId),
				wabaId: whatsapp.wabaId,
			}),
		);
		expect(received(emu).map((entry) => entry.action)).toEqual(['QueryWabaBusinessInfo']);
		expect(paramsOf(emu, 'QueryWabaBusinessInfo')).toEqual({
			CustSpaceId: whatsapp.custSpaceId,
			WabaId: whatsapp.wabaId,
		});
		expect(info).toEqual(
			expect.objectContaining({
				WabaId: whatsapp.wabaId,
				BusinessName: 'Emulator Pte. Ltd.',
				VerificationStatus: 'verified',
			}),
		);
	});

	it('uses the WABA bound to the channel when no WABA ID is given', async () => {
		await runChatAppJson(
			emu.url,
			channel('getBusinessInfo', { channelId: byId(whatsapp.custSpaceId) }),
		);
		expect(received(emu).map((entry) => entry.action)).toEqual([
			'QueryChatappBindWaba',
			'QueryWabaBusinessInfo',
		]);
		expect(paramsOf(emu, 'QueryWabaBusinessInfo').WabaId).toBe(whatsapp.wabaId);
	});
});

describe('Channel > Get Health', () => {
	it('checks the WABA', async () => {
		const [health] = await runChatAppJson(
			emu.url,
			channel('getHealth', {
				channelId: byId(whatsapp.custSpaceId),
				nodeType: 'waba',
				wabaId: whatsapp.wabaId,
			}),
		);
		expect(paramsOf(emu, 'GetWhatsappHealthStatus')).toEqual({
			CustSpaceId: whatsapp.custSpaceId,
			NodeType: 'waba',
			WabaId: whatsapp.wabaId,
		});
		expect(health).toEqual(
			expect.objectContaining({ NodeType: 'waba', CanSendMessage: 'AVAILABLE' }),
		);
	});

	it('checks a phone number, normalising it', async () => {
		const [health] = await runChatAppJson(
			emu.url,
			channel('getHealth', {
				channelId: byId(whatsapp.custSpaceId),
				nodeType: 'phone',
				phoneNumber: byId('+65 9876 5432'),
			}),
		);
		expect(paramsOf(emu, 'GetWhatsappHealthStatus')).toEqual({
			CustSpaceId: whatsapp.custSpaceId,
			NodeType: 'phone',
			PhoneNumber: '6598765432',
		});
		expect(health.CanSendMessage).toBe('BLOCKED');
	});

	it('checks a template in a language', async () => {
		const code = emu.state.templates.find((entry) => entry.name === 'order_shipped')!.code;
		await runChatAppJson(
			emu.url,
			channel('getHealth', {
				channelId: byId(whatsapp.custSpaceId),
				nodeType: 'template',
				template: byId(code),
				language: 'es',
			}),
		);
		expect(paramsOf(emu, 'GetWhatsappHealthStatus')).toEqual({
			CustSpaceId: whatsapp.custSpaceId,
			NodeType: 'template',
			TemplateCode: code,
			Language: 'es',
		});
	});
});

describe('Channel > Update Webhook', () => {
	it('sends UpdateAccountWebhook with Y/N flags', async () => {
		const [output] = await runChatAppJson(
			emu.url,
			channel('updateWebhook', {
				channelId: byId(whatsapp.custSpaceId),
				updateFields: {
					statusCallbackUrl: 'https://n8n.example.com/webhook/cams',
					httpFlag: true,
					queueFlag: false,
				},
			}),
		);
		expect(paramsOf(emu, 'UpdateAccountWebhook')).toEqual({
			CustSpaceId: whatsapp.custSpaceId,
			StatusCallbackUrl: 'https://n8n.example.com/webhook/cams',
			HttpFlag: 'Y',
			QueueFlag: 'N',
		});
		expect(output).toEqual({
			Success: true,
			CustSpaceId: whatsapp.custSpaceId,
			StatusCallbackUrl: 'https://n8n.example.com/webhook/cams',
			HttpFlag: 'Y',
			QueueFlag: 'N',
			RequestId: expect.any(String),
		});
		expect(emu.state.channels.get(whatsapp.custSpaceId)?.account.statusCallbackUrl).toBe(
			'https://n8n.example.com/webhook/cams',
		);
	});

	it('asks for at least one field', async () => {
		const error = await runChatAppError(
			emu.url,
			channel('updateWebhook', { channelId: byId(whatsapp.custSpaceId) }),
		);
		expect(error.message).toBe('No field to update');
		expect(received(emu)).toEqual([]);
	});
});
