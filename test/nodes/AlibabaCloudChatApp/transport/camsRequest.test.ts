import type { IDataObject } from 'n8n-workflow';

import {
	backoffDelay,
	MAX_BACKOFF_MS,
} from '../../../../nodes/AlibabaCloudChatApp/transport/retry';
import { EMULATOR_KEYS, SEED_CHANNELS, startEmulator, type CamsEmulator } from '../../../emulator';
import { credentialsFor } from '../../../helpers/chatApp';
import { runProbe } from '../../../helpers/probeNode';

type Failure = Error & {
	description?: string;
	httpCode?: string;
	errorResponse?: IDataObject;
	context?: IDataObject;
};

async function probe(
	endpoint: string,
	action: string,
	params: IDataObject,
	credentials = credentialsFor(endpoint),
) {
	const { output } = await runProbe(credentials, action, params);
	return output[0][0].json;
}

async function probeError(
	endpoint: string,
	action: string,
	params: IDataObject,
	credentials = credentialsFor(endpoint),
) {
	try {
		await probe(endpoint, action, params, credentials);
	} catch (error) {
		return error as Failure;
	}
	throw new Error('Expected the call to fail');
}

const whatsapp = SEED_CHANNELS.whatsapp.custSpaceId;
const templateSend = {
	ChannelType: 'whatsapp',
	Type: 'template',
	CustSpaceId: whatsapp,
	From: '6591234567',
	To: '6581234567',
};

describe('camsRequest against the emulator', () => {
	let emu: CamsEmulator;
	beforeAll(async () => (emu = await startEmulator({ statusDelays: { sent: 60_000 } })));
	afterAll(async () => await emu.close());
	beforeEach(() => emu.reset());

	it('returns the response body of an accepted call', async () => {
		const json = await probe(emu.url, 'QueryChatappPhoneNumbers', { CustSpaceId: whatsapp });
		expect(json).toMatchObject({
			Code: 'OK',
			RequestId: expect.any(String),
			PhoneNumbers: expect.any(Array),
		});
	});

	it('treats Code other than OK at HTTP 200 as a NodeApiError with the code and RequestId', async () => {
		const error = await probeError(emu.url, 'SendChatappMessage', {
			...templateSend,
			To: '+65 8123',
		});
		const [call] = emu.calls({ action: 'SendChatappMessage' });
		expect(call.httpStatus).toBe(200);
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe(`SendChatappMessage failed: ${call.code} - ${call.message}`);
		expect(error.description).toContain(`(RequestId ${call.requestId})`);
		expect(error.errorResponse).toMatchObject({ Code: call.code, RequestId: call.requestId });
	});

	it('retries throttling until CAMS accepts, without sending twice', async () => {
		await emu.setFaults({ throttleBurst: 3 });
		const json = await probe(emu.url, 'ListChatappTemplate', { CustSpaceId: whatsapp });
		expect(json.Code).toBe('OK');
		expect(emu.calls().map((call) => call.code)).toEqual([
			'Throttling.User',
			'Throttling.User',
			'Throttling.User',
			'OK',
		]);
	});

	it('gives up on throttling after a bounded number of attempts, with a hint', async () => {
		await emu.setFaults({ throttleBurst: 100 });
		const error = await probeError(emu.url, 'ListChatappTemplate', { CustSpaceId: whatsapp });
		expect(emu.calls()).toHaveLength(6);
		expect(error.message).toMatch(/Throttling\.User/);
		expect(error.description).toMatch(/Lower the rate or concurrency/);
	});

	it('retries a send whose connection was refused (nothing was sent)', async () => {
		await emu.setFaults({ refuse: true, refuseMs: 150 });
		const json = await probe(emu.url, 'SendChatappMessage', {
			...templateSend,
			TemplateCode: 'x',
			Language: 'en_US',
		}).catch((error: Failure) => ({ error }));
		// The template does not exist, so CAMS answers with an error; what matters is that it got the call once.
		expect(json).toHaveProperty('error');
		expect(emu.calls({ action: 'SendChatappMessage' })).toHaveLength(1);
	});

	it('does not retry a send that may have been accepted (reset after the request was read)', async () => {
		await emu.setFaults({ resetConnections: 1, resetMode: 'after' });
		const error = await probeError(emu.url, 'SendChatappMessage', {
			...templateSend,
			Type: 'message',
			MessageType: 'text',
			Content: '{"text":"hi"}',
		});
		expect(error.message).toMatch(/^SendChatappMessage could not be completed: ECONNRESET/);
		expect(error.description).toMatch(/may have accepted it/);
		expect(emu.calls({ action: 'SendChatappMessage' })).toHaveLength(1);
	});

	it('retries a read whose connection was reset', async () => {
		await emu.setFaults({ resetConnections: 2, resetMode: 'before' });
		const json = await probe(emu.url, 'ListChatappTemplate', { CustSpaceId: whatsapp });
		expect(json.Code).toBe('OK');
		expect(emu.calls().map((call) => call.outcome)).toEqual([
			'reset-before',
			'reset-before',
			'accepted',
		]);
	});

	it('does not retry, nor blame CAMS, when the credential cannot sign (bad endpoint)', async () => {
		const error = await probeError(emu.url, 'ListChatappTemplate', {}, credentialsFor('not a url'));
		expect(error.message).toMatch(
			/^ListChatappTemplate was not sent: The custom endpoint "not a url"/,
		);
		expect(emu.calls()).toHaveLength(0);
	});

	it('never puts the AccessKey secret in an error', async () => {
		const wrong = credentialsFor(emu.url, { accessKeySecret: 'WrongSecret-4f9c2d' });
		const failures = [
			await probeError(emu.url, 'ListChatappTemplate', {}, wrong),
			await probeError(emu.url, 'SendChatappMessage', { ...templateSend, To: 'x' }),
		];
		expect(failures[0].message).toMatch(/SignatureDoesNotMatch/);
		expect(failures[0].description).toMatch(/AccessKey Secret does not match/);
		for (const failure of failures) {
			const text = JSON.stringify({
				...failure,
				message: failure.message,
				description: failure.description,
				stack: failure.stack,
			});
			expect(text).not.toContain('WrongSecret-4f9c2d');
			expect(text).not.toContain(EMULATOR_KEYS.accessKeySecret);
		}
	});
});

describe('backoff', () => {
	it('grows exponentially with jitter and stays bounded', () => {
		expect(backoffDelay(1, () => 0)).toBe(100);
		expect(backoffDelay(3, () => 0)).toBe(400);
		expect(backoffDelay(3, () => 1)).toBe(800);
		expect(backoffDelay(20, () => 1)).toBe(MAX_BACKOFF_MS);
	});
});
