import type { INodeProperties } from 'n8n-workflow';

import { channelLocatorWith, phoneNumberLocatorWith } from '../descriptions/locators';
import { CHANNEL_LEVEL_EVENTS, NUMBER_LEVEL_EVENTS } from './events.description';

const showWhenConfiguring = { show: { configureCallback: [true] } };

export const registrationFields: INodeProperties[] = [
	{
		displayName:
			'Copy the Production URL above into the CAMS console: Channel Management → Manage (your channel) → the number\'s webhook (receipt) settings. Turn on HTTP push and paste it as the inbound message URL and/or the status report URL. Or turn on "Configure Callback in CAMS" below (WhatsApp numbers) and n8n sets it when the workflow is activated.',
		name: 'consoleNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { configureCallback: [false], events: NUMBER_LEVEL_EVENTS } },
	},
	{
		displayName:
			'Template review and account events go to the channel-level status URL: paste the Production URL into the channel\'s receipt settings in the CAMS console, or turn on "Configure Callback in CAMS" below.',
		name: 'channelConsoleNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { configureCallback: [false], events: CHANNEL_LEVEL_EVENTS } },
	},
	{
		displayName: 'Configure Callback in CAMS',
		name: 'configureCallback',
		type: 'boolean',
		default: false,
		description:
			'Whether activating the workflow writes this webhook URL into CAMS (WhatsApp numbers only) and deactivating it puts the previous URLs back. "Listen for test event" changes nothing in CAMS. Uses the credential above.',
	},
	channelLocatorWith({
		description: 'The channel (CustSpaceId) whose number should push to this workflow',
		displayOptions: showWhenConfiguring,
	}),
	phoneNumberLocatorWith({
		displayName: 'Business Number',
		name: 'phoneNumber',
		description:
			'The WhatsApp business number whose inbound messages and statuses should come here',
		displayOptions: showWhenConfiguring,
	}),
	{
		displayName: 'Take Over Existing Callback',
		name: 'takeOverCallback',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace callbacks this trigger did not set: a URL of another system on the number (restored on deactivation), and the channel-level URL, which CAMS cannot read back (its HTTP push is switched off on deactivation). Without it, activation stops and says what is there.',
		displayOptions: showWhenConfiguring,
	},
	{
		displayName:
			'Template review and account events use the channel-level URL, which CAMS cannot report: activation stops unless this trigger set it before or "Take Over Existing Callback" is on; deactivation switches its HTTP push off.',
		name: 'registrationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { configureCallback: [true], events: CHANNEL_LEVEL_EVENTS } },
	},
	{
		displayName:
			'Testing ("Listen for test event") changes nothing in CAMS: to receive test pushes, paste the Test URL above where CAMS should send them.',
		name: 'testNotice',
		type: 'notice',
		default: '',
		displayOptions: showWhenConfiguring,
	},
];
