import type { INodeProperties } from 'n8n-workflow';

import { channelLocator, senderLocator } from '../actions/common.descriptions';

const showWhenConfiguring = { show: { configureCallback: [true] } };

export const registrationFields: INodeProperties[] = [
	{
		displayName:
			'Copy the Production URL above into the CAMS console: Channel Management → Manage (your channel) → webhook (receipt) settings. Turn on HTTP push and paste it as the inbound message URL and/or the status report URL of the number; template review and account events use the channel-level status URL. Or turn on "Configure Callback in CAMS" below and n8n sets it when the workflow is activated.',
		name: 'consoleNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { configureCallback: [false] } },
	},
	{
		displayName: 'Configure Callback in CAMS',
		name: 'configureCallback',
		type: 'boolean',
		default: false,
		description:
			'Whether activating the workflow writes this webhook URL into CAMS (WhatsApp numbers only) and deactivating it puts the previous URLs back. "Listen for test event" changes nothing in CAMS: paste the test URL where you want test pushes. Needs a credential.',
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
			'Whether to replace callbacks this trigger did not set: a URL of another system on the number (restored on deactivation), and the channel-level URL, which CAMS cannot read back (its HTTP push is switched off on deactivation). Without it, activation stops and says what is there.',
		displayOptions: showWhenConfiguring,
	},
	{
		displayName:
			'CAMS cannot report the channel-level URL used by template review and account events, so activation replaces whatever is there and deactivation switches it off. Testing ("Listen for test event") points the number at the test URL until the test ends, then puts the production URL back.',
		name: 'registrationNotice',
		type: 'notice',
		default: '',
		displayOptions: showWhenConfiguring,
	},
];
