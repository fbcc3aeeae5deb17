import type { INodeProperties } from 'n8n-workflow';

const show = (...types: string[]) => ({ show: { type: types } });
const oneTap = { show: { type: ['ONE_TIME_PASSWORD'], otpType: ['ONE_TAP'] } };

/**
 * The "Buttons" list of the template builder; `builder.ts` turns each entry into a CAMS button.
 * The fields are in alphabetical order (lint rule); each shows only for the button types it fits.
 */
export const buttonsField: INodeProperties = {
	displayName: 'Buttons',
	name: 'buttons',
	type: 'fixedCollection',
	placeholder: 'Add Button',
	typeOptions: { multipleValues: true, sortable: true },
	default: {},
	description:
		'WhatsApp: up to 10 buttons, at most 2 URL and 1 phone number button, quick replies kept together. Authentication: one one-time password button. Viber: one URL button.',
	options: [
		{
			displayName: 'Button',
			name: 'button',
			values: [
				{
					displayName: 'Autofill Text',
					name: 'autofillText',
					type: 'string',
					default: '',
					placeholder: 'Autofill',
					displayOptions: oneTap,
				},
				{
					displayName: 'Coupon Code',
					name: 'couponCode',
					type: 'string',
					default: '',
					placeholder: '$(couponCode)',
					description: 'Letters and digits, or a variable such as $(couponCode)',
					displayOptions: show('COPY_CODE'),
				},
				{
					displayName: 'One-Time Password Type',
					name: 'otpType',
					type: 'options',
					options: [
						{ name: 'Copy Code', value: 'COPY_CODE', description: 'The user copies the code' },
						{
							name: 'One Tap',
							value: 'ONE_TAP',
							description: 'Your Android app fills the code in',
						},
					],
					default: 'COPY_CODE',
					displayOptions: show('ONE_TIME_PASSWORD'),
				},
				{
					displayName: 'Package Name',
					name: 'packageName',
					type: 'string',
					default: '',
					placeholder: 'com.example.app',
					description: 'The Android package name of the app that receives the code',
					displayOptions: oneTap,
				},
				{
					displayName: 'Phone Number',
					name: 'phoneNumber',
					type: 'string',
					default: '',
					placeholder: '+6591234567',
					displayOptions: show('PHONE_NUMBER'),
				},
				{
					displayName: 'Signature Hash',
					name: 'signatureHash',
					type: 'string',
					default: '',
					description: 'The app signing key hash of that app',
					displayOptions: oneTap,
				},
				{
					displayName: 'Text',
					name: 'text',
					type: 'string',
					default: '',
					description: 'The button label, without variables',
					displayOptions: show('QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'ONE_TIME_PASSWORD'),
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{
							name: 'Copy Code',
							value: 'COPY_CODE',
							description: 'Copies a coupon code (marketing templates)',
						},
						{
							name: 'One-Time Password',
							value: 'ONE_TIME_PASSWORD',
							description: 'Copy or autofill the code (authentication templates only)',
						},
						{ name: 'Phone Number', value: 'PHONE_NUMBER', description: 'Calls a phone number' },
						{
							name: 'Quick Reply',
							value: 'QUICK_REPLY',
							description: 'Sends its text back as an inbound REPLY message',
						},
						{ name: 'URL', value: 'URL', description: 'Opens a link; it may end in one variable' },
					],
					default: 'QUICK_REPLY',
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/orders/$(orderId)',
					description:
						"The link; a variable at the end, e.g. $(orderId), makes it dynamic. For Send and Wait for Response: your n8n's address + /webhook-waiting/$(resumePath).",
					displayOptions: show('URL'),
				},
			],
		},
	],
};
