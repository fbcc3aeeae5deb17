/**
 * The trigger's credential is optional (n8n 2.8.4 hides a switch that a credential's displayOptions
 * depend on), so "Configure Callback in CAMS" checks for it when the workflow is activated.
 */
import { AlibabaCloudChatAppTrigger } from '../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatAppTrigger.node';
import { SEED_CHANNELS, SEED_NUMBERS } from '../../../emulator';
import { byId } from '../../../helpers/chatApp';
import { runLifecycle } from '../notifications/webhookHarness';

describe('trigger credential', () => {
	it('is listed on every trigger and optional', () => {
		const { credentials } = new AlibabaCloudChatAppTrigger().description;
		expect(credentials).toEqual([
			{ name: 'alibabaCloudChatAppApi', required: false, testedBy: 'alibabaCloudChatAppApiTest' },
		]);
	});

	it('stops activation with a clear message when "Configure Callback in CAMS" has none', async () => {
		const parameters = {
			events: ['inboundMessage'],
			configureCallback: true,
			channelId: byId(SEED_CHANNELS.whatsapp.custSpaceId),
			phoneNumber: byId(SEED_NUMBERS.connected),
		};
		for (const method of ['checkExists', 'create'] as const) {
			await expect(runLifecycle(method, { parameters, staticData: {} })).rejects.toThrow(
				'"Configure Callback in CAMS" needs a credential',
			);
		}
	});
});
