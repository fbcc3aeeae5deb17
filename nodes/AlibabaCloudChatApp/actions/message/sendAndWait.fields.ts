import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

import { templateLanguageField } from '../common.descriptions';
import { templateLocator } from '../../descriptions/locators';
import { templateVariableFields } from './template.fields';

/**
 * The parameters of Send and Wait for Response, named as in n8n's own send-and-wait nodes
 * (message, responseType, approvalOptions, defineForm, formFields, options.limitWaitTime…), so
 * workflows and the AI-agent "human review" tool carry over.
 */
export const messageField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	default: '',
	required: true,
	typeOptions: { rows: 4 },
	description: 'The text the person gets, followed by the response links',
};

export const responseTypeField: INodeProperties = {
	displayName: 'Response Type',
	name: 'responseType',
	type: 'options',
	default: 'approval',
	options: [
		{
			name: 'Approval',
			value: 'approval',
			description: 'User can approve/disapprove from within the message',
		},
		{
			name: 'Free Text',
			value: 'freeText',
			description: 'User can submit a response via a form',
		},
		{
			name: 'Custom Form',
			value: 'customForm',
			description: 'User can submit a response via a custom form',
		},
	],
};

export const approvalOptionsField: INodeProperties = {
	displayName: 'Approval Options',
	name: 'approvalOptions',
	type: 'fixedCollection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Type of Approval',
					name: 'approvalType',
					type: 'options',
					placeholder: 'Add option',
					default: 'single',
					options: [
						{ name: 'Approve Only', value: 'single' },
						{ name: 'Approve and Disapprove', value: 'double' },
					],
				},
				{
					displayName: 'Approve Button Label',
					name: 'approveLabel',
					type: 'string',
					default: 'Approve',
					displayOptions: { show: { approvalType: ['single', 'double'] } },
				},
				{
					displayName: 'Disapprove Button Label',
					name: 'disapproveLabel',
					type: 'string',
					default: 'Decline',
					displayOptions: { show: { approvalType: ['double'] } },
				},
			],
		},
	],
	displayOptions: { show: { responseType: ['approval'] } },
};
/** WhatsApp only: how the links travel, given the 24-hour customer-service window. */
export const whatsappDeliveryFields: INodeProperties[] = [
	{
		displayName: 'Send As',
		name: 'whatsappSendAs',
		type: 'options',
		options: [
			{
				name: 'Message (Within 24-Hour Window)',
				value: 'message',
				description:
					'A CTA URL button, or a text with the links; fails when the customer has not written in the last 24 hours',
			},
			{
				name: 'Message, Else Template',
				value: 'auto',
				description:
					'A message inside the 24-hour window; when CAMS refuses it as outside the window, the template below',
			},
			{
				name: 'Template',
				value: 'template',
				description: 'Always the approved template below, whose URL buttons carry the links',
			},
		],
		default: 'message',
		displayOptions: { show: { channelType: ['whatsapp'] } },
	},
	...[templateLocator, templateLanguageField, ...templateVariableFields].map((field) => ({
		...field,
		...(field.name === 'template'
			? {
					description:
						'An approved template with a URL button per link, each ending in a variable, e.g. https://n8n.example.com/webhook-waiting/$(resumePath). The node fills that variable; map the others.',
				}
			: {}),
		displayOptions: {
			...field.displayOptions, // Language's `hide`: a template picked from the list carries it
			show: {
				...field.displayOptions?.show,
				channelType: ['whatsapp'],
				whatsappSendAs: ['auto', 'template'],
			},
		},
	})),
];
/**
 * The waiting webhooks n8n routes `/webhook-waiting/<execution>/<node>` to (restartWebhook).
 * `responseData: ''` makes n8n send the node's own page instead of the text "firstEntryJson".
 */
export const SEND_AND_WAIT_WEBHOOKS: IWebhookDescription[] = (['GET', 'POST'] as const).map(
	(httpMethod) => ({
		name: 'default',
		httpMethod,
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	}),
);

export const WAITING_TOOLTIP =
	"={{ ((parameters) => parameters?.operation === 'sendAndWait' ? \"Execution will continue after the user's response\" : '')($parameter) }}";
