/**
 * The channel-level callback (UpdateAccountWebhook: template review and account events) against the
 * CAMS emulator. CAMS has no action that reads it back, so a URL this trigger did not set is treated
 * as another system's; and deactivation attempts every restore even when one fails. Back-off is
 * skipped to keep the failure cases fast.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED_CHANNELS, SEED_NUMBERS, startEmulator, type CamsEmulator } from '../../../emulator';
import { byId, credentialsFor } from '../../../helpers/chatApp';
import { PRODUCTION_URL, runLifecycle } from './webhookHarness';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: async () => {} }));

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
const NUMBER = SEED_NUMBERS.connected;
const CRM = 'https://crm.example.com/cams/audit';
const CRM_INBOUND = 'https://crm.example.com/cams/inbound';
const NODE_DATA = 'node:Alibaba Cloud Chat App Trigger';

let emu: CamsEmulator;

beforeAll(async () => (emu = await startEmulator({ enforceQps: false })));
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function options(events: string[], extra: INodeParameters = {}, staticData: IDataObject = {}) {
	return {
		parameters: {
			events,
			configureCallback: true,
			channelId: byId(WA),
			phoneNumber: byId(NUMBER),
			...extra,
		},
		credentials: credentialsFor(emu.url),
		staticData,
	};
}

const phone = () => emu.webhooks().senders[NUMBER];
const account = () => emu.webhooks().accounts[WA];
const writes = () => emu.calls().filter((call) => call.action?.startsWith('Update')).length;
const records = (staticData: IDataObject) =>
	(staticData[NODE_DATA] as IDataObject | undefined)?.callbackRegistrations as IDataObject;

describe('channel-level callback', () => {
	it('stops activation for a channel URL this trigger did not set, and says it cannot be read', async () => {
		emu.setWebhooks({ accounts: { [WA]: { statusCallbackUrl: CRM } } });
		const error = await runLifecycle('create', options(['templateReview'])).catch(
			(caught: Error & { description?: string }) => caught,
		);
		expect(error).toMatchObject({
			name: 'NodeOperationError',
			message: `The status callback of channel ${WA} may belong to another system`,
		});
		const { description } = error as { description: string };
		expect(description).toContain('StatusCallbackUrl of the channel');
		expect(description).toContain('CAMS has no API that reads it back');
		expect(description).toContain('Take Over Existing Callback');
		expect(account()).toMatchObject({ statusCallbackUrl: CRM, httpFlag: 'Y' });
		expect(writes()).toBe(0);
	});

	it('names the number’s foreign URL and the channel together, before writing anything', async () => {
		emu.setWebhooks({ senders: { [NUMBER]: { upCallbackUrl: CRM_INBOUND } } });
		const error = await runLifecycle('create', options(['inboundMessage', 'templateReview'])).catch(
			(caught: Error & { description?: string }) => caught,
		);
		expect((error as Error).message).toBe(
			`Business number ${NUMBER} already pushes to ${CRM_INBOUND}`,
		);
		expect((error as { description: string }).description).toContain(
			'StatusCallbackUrl of the channel (template review and account events): unknown',
		);
		expect(phone().upCallbackUrl).toBe(CRM_INBOUND);
		expect(writes()).toBe(0);
	});

	it('takes the channel over when asked; its own record then counts as ownership', async () => {
		emu.setWebhooks({ accounts: { [WA]: { statusCallbackUrl: CRM } } });
		const staticData: IDataObject = {};
		await runLifecycle(
			'create',
			options(['templateReview'], { takeOverCallback: true }, staticData),
		);
		expect(account()).toMatchObject({ statusCallbackUrl: PRODUCTION_URL, httpFlag: 'Y' });
		expect(records(staticData)[PRODUCTION_URL]).toMatchObject({
			kinds: ['account'],
			previous: { account: '' },
		});
		// Activating again without Take Over: the URL is known to be ours.
		const again = options(['templateReview'], {}, staticData);
		expect(await runLifecycle('checkExists', again)).toBe(true);
		expect(await runLifecycle('create', again)).toBe(true);
	});

	it('on deactivation puts the number back and switches the channel’s HTTP push off', async () => {
		emu.setWebhooks({
			senders: { [NUMBER]: { upCallbackUrl: CRM_INBOUND } },
			accounts: { [WA]: { statusCallbackUrl: CRM } },
		});
		const staticData: IDataObject = {};
		const run = options(
			['inboundMessage', 'messageStatus', 'templateReview'],
			{ takeOverCallback: true },
			staticData,
		);
		await runLifecycle('create', run);
		await runLifecycle('delete', run);
		// The status URL was empty before and cannot be cleared, so it keeps ours, and push stays on
		// for the inbound URL of the other system (see README, "Configure Callback in CAMS").
		expect(phone()).toMatchObject({
			upCallbackUrl: CRM_INBOUND,
			statusCallbackUrl: PRODUCTION_URL,
			httpFlag: 'Y',
		});
		expect(account()).toMatchObject({ httpFlag: 'N' });
		expect(records(staticData)).toEqual({});
	});
});

describe('delete() when a restore fails', () => {
	async function registered(staticData: IDataObject) {
		emu.setWebhooks({ senders: { [NUMBER]: { upCallbackUrl: CRM_INBOUND } } });
		const run = options(
			['inboundMessage', 'templateReview'],
			{ takeOverCallback: true },
			staticData,
		);
		await runLifecycle('create', run);
		return run;
	}

	/** Deactivates while `action` fails on the server; returns the error delete() threw. */
	async function deleteWhileFailing(run: ReturnType<typeof options>, action: string) {
		await emu.setFaults({ serverErrors: 100, actions: [action] });
		const error = await runLifecycle('delete', run).catch((caught: Error) => caught);
		return error as Error & { description: string };
	}

	it('still restores the number when the channel cannot be written, and says what is left', async () => {
		const staticData: IDataObject = {};
		const run = await registered(staticData);
		const error = await deleteWhileFailing(run, 'UpdateAccountWebhook');
		expect(error).toMatchObject({
			name: 'NodeOperationError',
			message: `Could not put back every CAMS callback of number ${NUMBER} (channel ${WA})`,
		});
		const { description } = error;
		expect(description).toContain(
			`Still pointing at ${PRODUCTION_URL}: StatusCallbackUrl of the channel`,
		);
		expect(description).not.toContain('UpCallbackUrl');
		expect(description).toContain('UpdateAccountWebhook failed');
		expect(phone()).toMatchObject({ upCallbackUrl: CRM_INBOUND, httpFlag: 'Y' });
		expect(account()).toMatchObject({ statusCallbackUrl: PRODUCTION_URL, httpFlag: 'Y' });

		// n8n saved nothing after the failure, so the record is still there to retry with.
		await emu.setFaults({ serverErrors: 0 });
		expect(await runLifecycle('delete', run)).toBe(true);
		expect(account()).toMatchObject({ httpFlag: 'N' });
		expect(phone()).toMatchObject({ upCallbackUrl: CRM_INBOUND, httpFlag: 'Y' });
		expect(records(staticData)).toEqual({});
	});

	it('still restores the channel when the number cannot be written', async () => {
		const staticData: IDataObject = {};
		const run = await registered(staticData);
		const { description } = await deleteWhileFailing(run, 'UpdatePhoneWebhook');
		expect(description).toContain(
			`Still pointing at ${PRODUCTION_URL}: UpCallbackUrl of the number (inbound messages).`,
		);
		expect(account()).toMatchObject({ httpFlag: 'N' });
		expect(phone().upCallbackUrl).toBe(PRODUCTION_URL);
	});
});
