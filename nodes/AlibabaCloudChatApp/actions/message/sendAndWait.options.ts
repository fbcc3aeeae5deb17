import type { INodeProperties } from 'n8n-workflow';

import { templateSendOptions } from './template.fields';

/** The Options of Send and Wait, named as in n8n's send-and-wait nodes. */
const onlyFor = (...responseTypes: string[]) => ({ show: { '/responseType': responseTypes } });

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
