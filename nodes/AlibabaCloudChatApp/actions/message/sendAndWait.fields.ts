import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

import { templateLanguageField, templateLocator } from '../common.descriptions';
import { templateSendOptions, templateVariableFields } from './template.fields';

/**
 * The parameters of Send and Wait for Response, named as in n8n's own send-and-wait nodes
 * (message, responseType, approvalOptions, defineForm, formFields, options.limitWaitTime…), so
 * workflows and the AI-agent "human review" tool carry over.
 */
const onlyFor = (...responseTypes: string[]) => ({ show: { '/responseType': responseTypes } });

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

const FIELD_TYPES = [
	{ name: 'Checkboxes', value: 'checkbox' },
	{ name: 'Date', value: 'date' },
	{ name: 'Dropdown', value: 'dropdown' },
	{ name: 'Email', value: 'email' },
	{ name: 'Number', value: 'number' },
	{ name: 'Password', value: 'password' },
	{ name: 'Radio Buttons', value: 'radio' },
	{ name: 'Text Input', value: 'text' },
	{ name: 'Textarea', value: 'textarea' },
];

const withChoices = { show: { fieldType: ['dropdown', 'radio', 'checkbox'] } };

export const customFormFields: INodeProperties[] = [
	{
		displayName: 'Define Form',
		name: 'defineForm',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'fields',
		displayOptions: { show: { responseType: ['customForm'] } },
	},
	{
		displayName: 'Form Fields',
		name: 'jsonOutput',
		type: 'json',
		typeOptions: { rows: 5 },
		default:
			'[\n  {\n    "fieldLabel": "Name",\n    "requiredField": true\n  },\n  {\n    "fieldLabel": "Amount",\n    "fieldType": "number"\n  }\n]',
		description:
			'Fields as n8n\'s Form node takes them: fieldLabel, fieldType (text, textarea, email, number, password, date, dropdown, radio, checkbox), placeholder, requiredField, fieldOptions {"values": [{"option": "…"}]}',
		displayOptions: { show: { responseType: ['customForm'], defineForm: ['json'] } },
	},
	{
		displayName: 'Form Elements',
		name: 'formFields',
		placeholder: 'Add Form Element',
		type: 'fixedCollection',
		default: {},
		typeOptions: { multipleValues: true, sortable: true },
		displayOptions: { show: { responseType: ['customForm'], defineForm: ['fields'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Element Type',
						name: 'fieldType',
						type: 'options',
						default: 'text',
						description: 'The type of field to add to the form',
						options: FIELD_TYPES,
						required: true,
					},
					{
						displayName: 'Field Name',
						name: 'fieldLabel',
						type: 'string',
						default: '',
						placeholder: 'e.g. What is your name?',
						description: 'Label that appears above the input field; the answer comes back under it',
						required: true,
					},
					{
						displayName: 'Field Options',
						name: 'fieldOptions',
						placeholder: 'Add Field Option',
						type: 'fixedCollection',
						default: { values: [{ option: '' }] },
						required: true,
						displayOptions: withChoices,
						typeOptions: { multipleValues: true, sortable: true },
						options: [
							{
								displayName: 'Values',
								name: 'values',
								values: [{ displayName: 'Option', name: 'option', type: 'string', default: '' }],
							},
						],
					},
					{
						displayName: 'Placeholder',
						name: 'placeholder',
						type: 'string',
						default: '',
						displayOptions: { show: { fieldType: ['text', 'textarea', 'email', 'number'] } },
					},
					{
						displayName: 'Required Field',
						name: 'requiredField',
						type: 'boolean',
						default: false,
						description:
							'Whether to require the user to enter a value for this field before submitting the form',
					},
				],
			},
		],
	},
];

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
			show: {
				...field.displayOptions?.show,
				channelType: ['whatsapp'],
				whatsappSendAs: ['auto', 'template'],
			},
		},
	})),
];

export const sendAndWaitOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Append N8n Attribution',
			name: 'appendAttribution',
			type: 'boolean',
			default: true,
			description:
				'Whether to include the phrase "This message was sent automatically with n8n" to the end of the message',
		},
		{
			displayName: 'Confirmation Text',
			name: 'confirmationText',
			type: 'string',
			default: 'This page can be closed now',
			description: 'Shown to the person on the "Got it, thanks" page after they answer',
		},
		{
			displayName: 'Limit Wait Time',
			name: 'limitWaitTime',
			type: 'fixedCollection',
			description:
				'Whether to limit the time this node should wait for a user response before execution resumes',
			default: {
				values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' },
			},
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Limit Type',
							name: 'limitType',
							type: 'options',
							default: 'afterTimeInterval',
							description:
								'Sets the condition for the execution to resume. Can be a specified date or after some time.',
							options: [
								{
									name: 'After Time Interval',
									description: 'Waits for a certain amount of time',
									value: 'afterTimeInterval',
								},
								{
									name: 'At Specified Time',
									description: 'Waits until the set date and time to continue',
									value: 'atSpecifiedTime',
								},
							],
						},
						{
							displayName: 'Amount',
							name: 'resumeAmount',
							type: 'number',
							displayOptions: { show: { limitType: ['afterTimeInterval'] } },
							typeOptions: { minValue: 0, numberPrecision: 2 },
							default: 1,
							description: 'The time to wait',
						},
						{
							displayName: 'Unit',
							name: 'resumeUnit',
							type: 'options',
							displayOptions: { show: { limitType: ['afterTimeInterval'] } },
							options: [
								{ name: 'Minutes', value: 'minutes' },
								{ name: 'Hours', value: 'hours' },
								{ name: 'Days', value: 'days' },
							],
							default: 'hours',
							description: 'Unit of the interval value',
						},
						{
							displayName: 'Max Date and Time',
							name: 'maxDateAndTime',
							type: 'dateTime',
							displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
							default: '',
							description: 'Continue execution after the specified date and time',
						},
					],
				},
			],
		},
		// Task ID also keeps the template path happy: it reads options.taskId.
		...templateSendOptions.filter((option) => option.name === 'taskId'),
		{
			displayName: 'Message Button Label',
			name: 'messageButtonLabel',
			type: 'string',
			default: 'Respond',
			displayOptions: onlyFor('freeText', 'customForm'),
		},
		{
			displayName: 'Response Form Button Label',
			name: 'responseFormButtonLabel',
			type: 'string',
			default: 'Submit',
			displayOptions: onlyFor('freeText', 'customForm'),
		},
		{
			displayName: 'Response Form Description',
			name: 'responseFormDescription',
			description: 'Description of the form that the user can access to provide their response',
			type: 'string',
			default: '',
			displayOptions: onlyFor('freeText', 'customForm'),
		},
		{
			displayName: 'Response Form Title',
			name: 'responseFormTitle',
			description: 'Title of the form that the user can access to provide their response',
			type: 'string',
			default: '',
			displayOptions: onlyFor('freeText', 'customForm'),
		},
	],
};

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
