import type { INodeProperties } from 'n8n-workflow';

import { channelLocator, senderLocator } from '../actions/common.descriptions';
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
			'Whether activating the workflow writes this webhook URL into CAMS (WhatsApp numbers) and deactivating it puts the previous URLs back. Uses the credential above.',
	},
	{
		...channelLocator,
		description: 'The channel (CustSpaceId) whose number should push to this workflow',
		displayOptions: showWhenConfiguring,
	},
	{
		...senderLocator,
		displayName: 'Business Number',
		name: 'phoneNumber',
		description:
			'The WhatsApp business number whose inbound messages and statuses should come here',
		displayOptions: showWhenConfiguring,
	},
	{
		displayName: 'Take Over Existing Callback',
		name: 'takeOverCallback',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace a callback URL that another system set on this number. Without it, activation stops and shows that URL. The replaced URL is restored on deactivation.',
		displayOptions: showWhenConfiguring,
	},
	{
		displayName:
			'CAMS cannot report the channel-level URL used by template review and account events, so activation replaces whatever is there and deactivation switches it off.',
		name: 'registrationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { configureCallback: [true], events: CHANNEL_LEVEL_EVENTS } },
	},
	{
		displayName:
			'Testing ("Listen for test event") points the number at the test URL until the test ends, then puts the production URL back.',
		name: 'testNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { configureCallback: [true], events: NUMBER_LEVEL_EVENTS } },
	},
];
