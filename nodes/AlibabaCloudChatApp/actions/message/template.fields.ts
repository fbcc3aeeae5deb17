import type { INodeProperties } from 'n8n-workflow';

import { channelTypeField, recipientField, templateLanguageField } from '../common.descriptions';
import { channelLocator, senderLocator, templateLocator } from '../../descriptions/locators';

/** How the template's `$(variables)` get their values: one field each, or one JSON object. */
export const templateVariableFields: INodeProperties[] = [
	{
		displayName: 'Variables Input',
		name: 'variablesInput',
		type: 'options',
		options: [
			{
				name: 'Map Each Variable',
				value: 'mapper',
				description: 'One field per variable of the chosen template',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'An object of variable names and values, e.g. from an expression',
			},
		],
		default: 'mapper',
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['template.value', 'language', 'channelId.value', 'channelType'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateVariables',
				mode: 'add',
				valuesLabel: 'Variable Values',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: { show: { variablesInput: ['mapper'] } },
	},
	{
		displayName: 'Variables (JSON)',
		name: 'templateParamsJson',
		type: 'json',
		default: '{\n  "name": "Alice"\n}',
		description: 'Values for the template variables, keyed by variable name (without "$(" and ")")',
		displayOptions: { show: { variablesInput: ['json'] } },
	},
];

/** Who sends which template to whom, with its variables; shared by single and bulk template sends. */
export const templateSendFields: INodeProperties[] = [
	channelTypeField,
	channelLocator,
	senderLocator,
	recipientField,
	templateLocator,
	templateLanguageField,
	...templateVariableFields,
];

/** Options shared by single and bulk template sends. */
export const templateSendOptions: INodeProperties[] = [
	{
		displayName: 'Button Payloads',
		name: 'buttonPayloads',
		type: 'string',
		typeOptions: { multipleValues: true },
		default: [],
		description:
			'Payloads of the quick-reply buttons, in button order. They come back in the inbound REPLY message.',
	},
	{
		displayName: 'Header Media Link',
		name: 'headerMediaUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/receipt.pdf',
		description:
			"Fills the variable of the template's image, video or document header with this link",
	},
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		default: '',
		description: 'Your own reference, echoed as TaskId in every status event of the message',
	},
	{
		displayName: 'Fallback Policy ID',
		name: 'fallBackId',
		type: 'string',
		default: '',
		description:
			'ID of a fallback (e.g. SMS) policy from the Fallback Policy page of the CAMS console',
	},
	{
		displayName: 'Fallback After (Seconds)',
		name: 'fallBackDuration',
		type: 'number',
		typeOptions: { minValue: 60, maxValue: 43200 },
		default: 600,
		description:
			'Fall back when no Delivered receipt arrives within this time (60 to 43,200 seconds)',
	},
	{
		displayName: 'Fallback Rule',
		name: 'fallBackRule',
		type: 'options',
		options: [
			{ name: 'Undelivered', value: 'undelivered' },
			{
				name: 'Send Failed',
				value: 'sentFailed',
				description: 'Also falls back when template or variable checks fail',
			},
		],
		default: 'undelivered',
	},
	{
		displayName: 'Fallback Content',
		name: 'fallBackContent',
		type: 'string',
		default: '',
		description: 'Custom text of the fallback message',
	},
	{
		displayName: 'Viber Label',
		name: 'label',
		displayOptions: { show: { '/channelType': ['viber'] } },
		type: 'options',
		options: [
			{ name: 'Promotion', value: 'promotion' },
			{ name: 'Transaction', value: 'transaction' },
		],
		default: 'transaction',
		description: 'Viber message class',
	},
	{
		displayName: 'Viber TTL (Seconds)',
		name: 'ttl',
		displayOptions: { show: { '/channelType': ['viber'] } },
		type: 'number',
		typeOptions: { minValue: 30, maxValue: 1209600 },
		default: 86400,
		description: 'How long Viber keeps trying to deliver (30 to 1,209,600 seconds)',
	},
	{
		displayName: 'Viber Tag',
		name: 'tag',
		displayOptions: { show: { '/channelType': ['viber'] } },
		type: 'string',
		default: '',
	},
	{
		displayName: 'Viber Tracking Data',
		name: 'trackingData',
		displayOptions: { show: { '/channelType': ['viber'] } },
		type: 'string',
		default: '',
	},
];
