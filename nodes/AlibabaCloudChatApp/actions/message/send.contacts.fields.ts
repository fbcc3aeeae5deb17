import type { INodeProperties } from 'n8n-workflow';

const CONTACTS = { messageType: ['contacts'] };
const FIELDS = { ...CONTACTS, contactsInput: ['fields'] };

const CONTACTS_JSON_EXAMPLE = JSON.stringify(
	[
		{
			name: { formatted_name: 'Alice Lee', first_name: 'Alice', last_name: 'Lee' },
			phones: [{ phone: '+65 9123 4567', type: 'CELL' }],
		},
	],
	null,
	2,
);

/** A contact card from fields, or any number of them as JSON (WhatsApp's contact objects). */
export const contactsFields: INodeProperties[] = [
	{
		displayName: 'Contacts Input',
		name: 'contactsInput',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'One contact card from the fields below' },
			{
				name: 'JSON',
				value: 'json',
				description: 'An array of contact objects, e.g. from an expression',
			},
		],
		default: 'fields',
		displayOptions: { show: CONTACTS },
	},
	{
		displayName: 'Full Name',
		name: 'contactName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Alice Lee',
		displayOptions: { show: FIELDS },
	},
	{
		displayName: 'Phones',
		name: 'contactPhones',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Phone' },
		placeholder: 'Add Phone',
		default: {},
		displayOptions: { show: FIELDS },
		options: [
			{
				displayName: 'Phone',
				name: 'phone',
				values: [
					{
						displayName: 'Phone Number',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: '+65 9123 4567',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Cell', value: 'CELL' },
							{ name: 'Home', value: 'HOME' },
							{ name: 'iPhone', value: 'IPHONE' },
							{ name: 'Main', value: 'MAIN' },
							{ name: 'Work', value: 'WORK' },
						],
						default: 'CELL',
					},
					{
						displayName: 'WhatsApp ID',
						name: 'waId',
						type: 'string',
						default: '',
						description:
							'The WhatsApp ID of the number (digits), which adds a "Message" button to the card',
					},
				],
			},
		],
	},
	{
		displayName: 'Emails',
		name: 'contactEmails',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Email' },
		placeholder: 'Add Email',
		default: {},
		displayOptions: { show: FIELDS },
		options: [
			{
				displayName: 'Email',
				name: 'email',
				values: [
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Home', value: 'HOME' },
							{ name: 'Work', value: 'WORK' },
						],
						default: 'WORK',
					},
				],
			},
		],
	},
	{
		displayName: 'Contact Details',
		name: 'contactDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		displayOptions: { show: FIELDS },
		options: [
			{
				displayName: 'Birthday',
				name: 'birthday',
				type: 'string',
				default: '',
				placeholder: 'YYYY-MM-DD',
			},
			{ displayName: 'Company', name: 'company', type: 'string', default: '' },
			{ displayName: 'Department', name: 'department', type: 'string', default: '' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Job Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '' },
			{ displayName: 'Name Prefix', name: 'prefix', type: 'string', default: '' },
			{ displayName: 'Name Suffix', name: 'suffix', type: 'string', default: '' },
			{
				displayName: 'Website',
				name: 'website',
				type: 'string',
				default: '',
				placeholder: 'https://example.com',
			},
		],
	},
	{
		displayName: 'Contacts (JSON)',
		name: 'contactsJson',
		type: 'json',
		default: CONTACTS_JSON_EXAMPLE,
		description:
			'An array of contact objects (name.formatted_name is required; phones, emails, org, URLs, addresses and birthday are optional)',
		displayOptions: { show: { ...CONTACTS, contactsInput: ['json'] } },
	},
];
