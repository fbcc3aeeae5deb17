import type { INodeProperties } from 'n8n-workflow';

export const SEND_TYPE_OPTIONS = [
	{ name: 'Batch', value: 'batch', description: 'Bulk e-mail sender address' },
	{
		name: 'Trigger',
		value: 'trigger',
		description: 'Transactional (triggered) e-mail sender address',
	},
];

export const emailNotice: INodeProperties = {
	displayName:
		'CAMS has no API to send e-mail. E-mail channels are used by CAMS marketing flows; send e-mail with Alibaba Cloud DirectMail itself.',
	name: 'emailNotice',
	type: 'notice',
	default: '',
};
