import type { INodeParameters } from 'n8n-workflow';

import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../../../../emulator';
import { VERIFY_CODE } from '../../../../emulator/actions/admin';
import { call } from '../../../../emulator/helpers';
import {
	byId,
	paramsOf,
	received,
	runChatAppError,
	runChatAppJson,
} from '../../../../helpers/chatApp';

const WHATSAPP = SEED_CHANNELS.whatsapp.custSpaceId;

let emu: CamsEmulator;

beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => {
	emu.reset();
	await emu.close();
});
beforeEach(() => emu.reset());

function phone(operation: string, fields: INodeParameters = {}): INodeParameters {
	return { resource: 'phoneNumber', operation, channelId: byId(WHATSAPP), ...fields };
}
const actions = () => received(emu).map((entry) => entry.action);

describe('Phone Number > onboarding: add, request a code, verify and register', () => {
	it('runs the whole flow and the number ends up connected', async () => {
		const [added] = await runChatAppJson(
			emu.url,
			phone('add', {
				countryCode: '+65',
				nationalNumber: '8123 4567',
				verifiedName: 'Emulator Outlet',
			}),
		);
		expect(paramsOf(emu, 'AddChatappPhoneNumber')).toEqual({
			CustSpaceId: WHATSAPP,
			Cc: '65',
			PhoneNumber: '81234567',
			VerifiedName: 'Emulator Outlet',
		});
		expect(added).toEqual({
			Success: true,
			CustSpaceId: WHATSAPP,
			Cc: '65',
			PhoneNumber: '81234567',
			VerifiedName: 'Emulator Outlet',
			FullPhoneNumber: '6581234567',
			RequestId: expect.any(String),
		});

		await runChatAppJson(
			emu.url,
			phone('requestVerificationCode', {
				phoneNumber: byId('+65 8123 4567'),
				method: 'VOICE',
				locale: 'en_US',
			}),
		);
		expect(paramsOf(emu, 'GetChatappVerifyCode')).toEqual({
			CustSpaceId: WHATSAPP,
			PhoneNumber: '6581234567',
			Method: 'VOICE',
			Locale: 'en_US',
		});

		const [verified] = await runChatAppJson(
			emu.url,
			phone('verifyAndRegister', {
				phoneNumber: byId('6581234567'),
				verifyCode: `${VERIFY_CODE.slice(0, 3)} ${VERIFY_CODE.slice(3)}`,
			}),
		);
		expect(paramsOf(emu, 'ChatappVerifyAndRegister')).toEqual({
			CustSpaceId: WHATSAPP,
			PhoneNumber: '6581234567',
			VerifyCode: VERIFY_CODE,
		});
		expect(verified).toEqual({
			Success: true,
			CustSpaceId: WHATSAPP,
			PhoneNumber: '6581234567',
			RequestId: expect.any(String),
		});
		expect(emu.state.senders.get('6581234567')).toEqual(
			expect.objectContaining({ status: 'CONNECTED', codeVerificationStatus: 'VERIFIED' }),
		);

		const [status] = await runChatAppJson(
			emu.url,
			phone('getVerificationStatus', { phoneNumber: byId('6581234567') }),
		);
		expect(paramsOf(emu, 'GetPhoneNumberVerificationStatus')).toEqual({
			CustSpaceId: WHATSAPP,
			PhoneNumber: '6581234567',
		});
		expect(status).toEqual(
			expect.objectContaining({ PhoneNumber: '6581234567', CodeVerificationStatus: 'VERIFIED' }),
		);
	});

	it('reports a wrong code from CAMS, and a malformed one before any request', async () => {
		await runChatAppJson(
			emu.url,
			phone('requestVerificationCode', {
				phoneNumber: byId(SEED_NUMBERS.pending),
				method: 'SMS',
				locale: 'en_US',
			}),
		);
		const wrong = await runChatAppError(
			emu.url,
			phone('verifyAndRegister', { phoneNumber: byId(SEED_NUMBERS.pending), verifyCode: '000000' }),
		);
		expect(wrong.message).toMatch(
			/^ChatappVerifyAndRegister failed: InvalidParameter\.VerifyCodeError/,
		);
		emu.state.calls = [];
		const malformed = await runChatAppError(
			emu.url,
			phone('verifyAndRegister', { phoneNumber: byId(SEED_NUMBERS.pending), verifyCode: 'abc' }),
		);
		expect(malformed.message).toBe('Verification Code "abc" is not valid');
		expect(received(emu)).toEqual([]);
	});

	it('validates the country code and number before calling', async () => {
		const error = await runChatAppError(
			emu.url,
			phone('add', { countryCode: '65', nationalNumber: '81-23x', verifiedName: 'Shop' }),
		);
		expect(error.message).toBe('Number "81-23x" is not valid');
		expect(error.description).toMatch(/digits only/);
		expect(received(emu)).toEqual([]);
	});

	it('registers and deregisters a number', async () => {
		const [deregistered] = await runChatAppJson(
			emu.url,
			phone('deregister', { phoneNumber: byId(SEED_NUMBERS.connected) }),
		);
		expect(paramsOf(emu, 'ChatappPhoneNumberDeregister')).toEqual({
			CustSpaceId: WHATSAPP,
			PhoneNumber: SEED_NUMBERS.connected,
		});
		expect(deregistered.Success).toBe(true);
		expect(emu.state.senders.get(SEED_NUMBERS.connected)?.status).toBe('DISCONNECTED');
		await runChatAppJson(emu.url, phone('register', { phoneNumber: byId(SEED_NUMBERS.connected) }));
		expect(paramsOf(emu, 'ChatappPhoneNumberRegister')).toEqual({
			CustSpaceId: WHATSAPP,
			PhoneNumber: SEED_NUMBERS.connected,
		});
		expect(emu.state.senders.get(SEED_NUMBERS.connected)?.status).toBe('CONNECTED');
	});

	it('reports CAMS refusing to register an unverified number', async () => {
		const error = await runChatAppError(
			emu.url,
			phone('register', { phoneNumber: byId(SEED_NUMBERS.pending) }),
		);
		expect(error.message).toMatch(
			/^ChatappPhoneNumberRegister failed: InvalidParameter - .*not verified/,
		);
	});
});

describe('Phone Number > Get Many and Sync', () => {
	it('lists the numbers with QueryChatappPhoneNumbers, simplified', async () => {
		const list = await runChatAppJson(emu.url, phone('getAll', { returnAll: true }));
		expect(paramsOf(emu, 'QueryChatappPhoneNumbers')).toEqual({ CustSpaceId: WHATSAPP });
		expect(list).toEqual([
			{
				PhoneNumber: SEED_NUMBERS.connected,
				VerifiedName: 'Emulator Shop',
				Status: 'CONNECTED',
				NameStatus: 'APPROVED',
				CodeVerificationStatus: 'VERIFIED',
				QualityRating: 'GREEN',
				MessagingLimitTier: 'TIER_10K',
			},
			expect.objectContaining({ PhoneNumber: SEED_NUMBERS.pending, Status: 'PENDING' }),
		]);
	});

	it('filters by status, applies the limit and returns every field with Simplify off', async () => {
		const list = await runChatAppJson(
			emu.url,
			phone('getAll', { limit: 1, filters: { status: 'CONNECTED' }, simplify: false }),
		);
		expect(paramsOf(emu, 'QueryChatappPhoneNumbers')).toEqual({
			CustSpaceId: WHATSAPP,
			Status: 'CONNECTED',
		});
		expect(list).toEqual([
			expect.objectContaining({
				PhoneNumber: SEED_NUMBERS.connected,
				IsOfficial: 'N',
				NewNameStatus: 'NONE',
			}),
		]);
		emu.state.calls = [];
		expect(await runChatAppJson(emu.url, phone('getAll', { limit: 1 }))).toHaveLength(1);
	});

	it('syncs the numbers with ChatappSyncPhoneNumber', async () => {
		const list = await runChatAppJson(emu.url, phone('sync'));
		expect(received(emu)).toEqual([
			{ action: 'ChatappSyncPhoneNumber', outcome: 'accepted', params: { CustSpaceId: WHATSAPP } },
		]);
		expect(list.map((entry) => entry.PhoneNumber)).toEqual([
			SEED_NUMBERS.connected,
			SEED_NUMBERS.pending,
		]);
	});
});

describe('Phone Number > Business profile', () => {
	it('updates the profile and reads it back', async () => {
		const [updated] = await runChatAppJson(
			emu.url,
			phone('updateBusinessProfile', {
				phoneNumber: byId(SEED_NUMBERS.connected),
				updateFields: {
					about: 'Open 9 to 6',
					vertical: 'RETAIL',
					websites: ['https://shop.example.com', 'https://blog.example.com'],
				},
			}),
		);
		expect(paramsOf(emu, 'ModifyPhoneBusinessProfile')).toEqual({
			CustSpaceId: WHATSAPP,
			PhoneNumber: SEED_NUMBERS.connected,
			About: 'Open 9 to 6',
			Vertical: 'RETAIL',
			Websites: JSON.stringify(['https://shop.example.com', 'https://blog.example.com']),
		});
		expect(updated).toEqual(
			expect.objectContaining({
				Success: true,
				About: 'Open 9 to 6',
				Websites: ['https://shop.example.com', 'https://blog.example.com'],
			}),
		);
		const [profile] = await runChatAppJson(
			emu.url,
			phone('getBusinessProfile', { phoneNumber: byId(SEED_NUMBERS.connected) }),
		);
		expect(paramsOf(emu, 'QueryPhoneBusinessProfile')).toEqual({
			CustSpaceId: WHATSAPP,
			PhoneNumber: SEED_NUMBERS.connected,
		});
		expect(profile).toEqual(
			expect.objectContaining({
				PhoneNumber: SEED_NUMBERS.connected,
				About: 'Open 9 to 6',
				Vertical: 'RETAIL',
				Websites: ['https://shop.example.com', 'https://blog.example.com'],
			}),
		);
	});

	it('refuses more than two websites or a non-link, before any request', async () => {
		const many = await runChatAppError(
			emu.url,
			phone('updateBusinessProfile', {
				phoneNumber: byId(SEED_NUMBERS.connected),
				updateFields: { websites: ['https://a.example', 'https://b.example', 'https://c.example'] },
			}),
		);
		expect(many.message).toBe('Too many websites');
		const bad = await runChatAppError(
			emu.url,
			phone('updateBusinessProfile', {
				phoneNumber: byId(SEED_NUMBERS.connected),
				updateFields: { websites: ['shop.example.com'] },
			}),
		);
		expect(bad.message).toBe('Website "shop.example.com" is not an http(s) link');
		expect(received(emu)).toEqual([]);
	});

	it('passes CAMS profile checks through', async () => {
		const error = await runChatAppError(
			emu.url,
			phone('updateBusinessProfile', {
				phoneNumber: byId(SEED_NUMBERS.connected),
				updateFields: { email: 'not-an-email' },
			}),
		);
		expect(error.message).toMatch(
			/^ModifyPhoneBusinessProfile failed: InvalidParameter - Email "not-an-email"/,
		);
	});
});

describe('Phone Number > Get Metrics', () => {
	it('sends the range as epoch milliseconds with the granularity and counts the sent messages', async () => {
		await call(emu, 'SendChatappMessage', {
			ChannelType: 'whatsapp',
			Type: 'template',
			CustSpaceId: WHATSAPP,
			From: SEED_NUMBERS.connected,
			To: '6581234567',
			TemplateCode: SEED_TEMPLATES.holidayHours.code,
			Language: 'en_US',
		});
		const day = Date.UTC(2025, 4, 1);
		emu.state.messages[0].sendTime = day + 60_000;
		emu.state.calls = [];
		const output = await runChatAppJson(
			emu.url,
			phone('getMetrics', {
				phoneNumber: byId(SEED_NUMBERS.connected),
				start: '2025-05-01T00:00:00Z',
				end: '2025-05-01T01:00:00Z',
				granularity: 'HALF_HOUR',
			}),
		);
		expect(paramsOf(emu, 'GetChatappPhoneNumberMetric')).toEqual({
			CustSpaceId: WHATSAPP,
			PhoneNumber: SEED_NUMBERS.connected,
			Start: String(day),
			End: String(day + 3_600_000),
			Granularity: 'HALF_HOUR',
		});
		expect(output.map((entry) => [entry.Start, entry.SentCount])).toEqual([
			[day, 1],
			[day + 1_800_000, 0],
		]);
	});

	it('covers every number of the channel when none is chosen', async () => {
		const output = await runChatAppJson(
			emu.url,
			phone('getMetrics', { start: '2025-05-01T00:00:00Z', end: '2025-05-02T00:00:00Z' }),
		);
		expect(paramsOf(emu, 'GetChatappPhoneNumberMetric').PhoneNumber).toBeUndefined();
		expect(output.map((entry) => entry.PhoneNumber)).toEqual([
			SEED_NUMBERS.connected,
			SEED_NUMBERS.pending,
		]);
	});

	it('names an unreadable date', async () => {
		const error = await runChatAppError(
			emu.url,
			phone('getMetrics', { start: 'yesterday-ish', end: '2025-05-02T00:00:00Z' }),
		);
		expect(error.message).toBe('Start is not a date: "yesterday-ish"');
		expect(received(emu)).toEqual([]);
	});
});

describe('Phone Number > Update Webhooks', () => {
	it('sends UpdatePhoneWebhook with the URLs and flags', async () => {
		const [output] = await runChatAppJson(
			emu.url,
			phone('updateWebhooks', {
				phoneNumber: byId(SEED_NUMBERS.connected),
				updateFields: {
					statusCallbackUrl: 'https://n8n.example.com/webhook/status',
					upCallbackUrl: 'https://n8n.example.com/webhook/inbound',
					httpFlag: true,
					queueFlag: true,
				},
			}),
		);
		expect(paramsOf(emu, 'UpdatePhoneWebhook')).toEqual({
			CustSpaceId: WHATSAPP,
			PhoneNumber: SEED_NUMBERS.connected,
			StatusCallbackUrl: 'https://n8n.example.com/webhook/status',
			UpCallbackUrl: 'https://n8n.example.com/webhook/inbound',
			HttpFlag: 'Y',
			QueueFlag: 'Y',
		});
		expect(output.Success).toBe(true);
		expect(emu.state.senders.get(SEED_NUMBERS.connected)?.webhooks).toEqual({
			statusCallbackUrl: 'https://n8n.example.com/webhook/status',
			upCallbackUrl: 'https://n8n.example.com/webhook/inbound',
			httpFlag: 'Y',
			queueFlag: 'Y',
		});
	});

	it('names an invalid phone number before any request', async () => {
		const error = await runChatAppError(
			emu.url,
			phone('updateWebhooks', { phoneNumber: byId('12-34'), updateFields: { httpFlag: false } }),
		);
		expect(error.message).toBe('Phone Number "12-34" is not a valid phone number');
		expect(actions()).toEqual([]);
	});
});
