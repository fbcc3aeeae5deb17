/**
 * Activation that fails half-way must not leave CAMS half-configured: n8n's clean-up after a failed
 * activation reads static data from the database, where the registration was never saved, so
 * create() itself has to put the number's callbacks back. Back-off is skipped to keep this fast.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED_CHANNELS, SEED_NUMBERS, startEmulator, type CamsEmulator } from '../../../emulator';
import { byId, credentialsFor } from '../../../helpers/chatApp';
import { PRODUCTION_URL, runLifecycle } from './webhookHarness';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: async () => {} }));

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
const NUMBER = SEED_NUMBERS.connected;
const FOREIGN = 'https://crm.example.com/cams/status';

let emu: CamsEmulator;

beforeAll(async () => (emu = await startEmulator({ enforceQps: false })));
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function registering(events: string[], extra: INodeParameters = {}): INodeParameters {
	return {
		events,
		configureCallback: true,
		channelId: byId(WA),
		phoneNumber: byId(NUMBER),
		...extra,
	};
}

const phone = () => emu.webhooks().senders[NUMBER];

describe('registration that fails half-way', () => {
	it('puts the number back as it was when the channel callback cannot be written', async () => {
		emu.setWebhooks({
			senders: { [NUMBER]: { upCallbackUrl: FOREIGN, statusCallbackUrl: FOREIGN } },
		});
		await emu.setFaults({ serverErrors: 100, actions: ['UpdateAccountWebhook'] });
		const staticData: IDataObject = {};
		const options = {
			parameters: registering(['inboundMessage', 'messageStatus', 'templateReview'], {
				takeOverCallback: true,
			}),
			credentials: credentialsFor(emu.url),
			staticData,
		};
		await expect(runLifecycle('create', options)).rejects.toMatchObject({
			name: 'NodeApiError',
			message: expect.stringContaining('UpdateAccountWebhook failed: InternalError'),
		});
		expect(phone()).toMatchObject({
			upCallbackUrl: FOREIGN,
			statusCallbackUrl: FOREIGN,
			httpFlag: 'Y',
		});
		expect(JSON.stringify(phone())).not.toContain(PRODUCTION_URL);
	});
});
