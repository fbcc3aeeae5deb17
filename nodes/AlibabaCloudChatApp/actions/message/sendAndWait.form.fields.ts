import type { INodeProperties } from 'n8n-workflow';

/**
 * The Custom Form fields of Send and Wait, as n8n's Form node names them (defineForm, jsonOutput,
 * formFields.values[].fieldLabel/fieldType/fieldOptions…), for the field types the response page
 * renders.
 */
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
