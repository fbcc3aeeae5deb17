import type { INodeProperties } from 'n8n-workflow';

import type { RoutedOperationOf } from '../node.type';
import type { OperationModule } from '../operation';
import * as add from './add.operation';
import * as deregister from './deregister.operation';
import * as getAll from './getAll.operation';
import * as getBusinessProfile from './getBusinessProfile.operation';
import * as getMetrics from './getMetrics.operation';
import * as getVerificationStatus from './getVerificationStatus.operation';
import * as register from './register.operation';
import * as requestVerificationCode from './requestVerificationCode.operation';
import * as sync from './sync.operation';
import * as updateBusinessProfile from './updateBusinessProfile.operation';
import * as updateWebhooks from './updateWebhooks.operation';
import * as verifyAndRegister from './verifyAndRegister.operation';

/** The modules the router runs; the node map makes a missing or unknown operation a compile error. */
export const operations: Record<RoutedOperationOf<'phoneNumber'>, OperationModule> = {
	add,
	deregister,
	getAll,
	getBusinessProfile,
	getMetrics,
	getVerificationStatus,
	register,
	requestVerificationCode,
	sync,
	updateBusinessProfile,
	updateWebhooks,
	verifyAndRegister,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumber'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add a phone number to the WABA of a channel',
				action: 'Add a phone number',
			},
			{
				name: 'Deregister',
				value: 'deregister',
				description: 'Deregister a number from the WhatsApp Cloud API',
				action: 'Deregister a phone number',
			},
			{
				name: 'Get Business Profile',
				value: 'getBusinessProfile',
				description: 'Get the WhatsApp business profile of a number',
				action: 'Get the business profile of a phone number',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the business numbers of a channel',
				action: 'Get many phone numbers',
			},
			{
				name: 'Get Metrics',
				value: 'getMetrics',
				description: 'Get sent and delivered counts for a period',
				action: 'Get phone number metrics',
			},
			{
				name: 'Get Verification Status',
				value: 'getVerificationStatus',
				description: 'Get whether a number passed code verification',
				action: 'Get the verification status of a phone number',
			},
			{
				name: 'Register',
				value: 'register',
				description: 'Register a verified number with the WhatsApp Cloud API',
				action: 'Register a phone number',
			},
			{
				name: 'Request Verification Code',
				value: 'requestVerificationCode',
				description: 'Have WhatsApp send a code by SMS or voice call',
				action: 'Request a verification code',
			},
			{
				name: 'Sync',
				value: 'sync',
				description: 'Refresh the numbers of a channel from WhatsApp',
				action: 'Sync phone numbers',
			},
			{
				name: 'Update Business Profile',
				value: 'updateBusinessProfile',
				description: 'Change the WhatsApp business profile of a number',
				action: 'Update the business profile of a phone number',
			},
			{
				name: 'Update Webhooks',
				value: 'updateWebhooks',
				description: 'Set the inbound and status callback URLs of a number',
				action: 'Update the webhooks of a phone number',
			},
			{
				name: 'Verify and Register',
				value: 'verifyAndRegister',
				description: 'Submit the verification code and register the number',
				action: 'Verify and register a phone number',
			},
		],
		default: 'getAll',
	},
	...add.description,
	...requestVerificationCode.description,
	...verifyAndRegister.description,
	...register.description,
	...deregister.description,
	...getAll.description,
	...sync.description,
	...getBusinessProfile.description,
	...updateBusinessProfile.description,
	...getMetrics.description,
	...getVerificationStatus.description,
	...updateWebhooks.description,
];
