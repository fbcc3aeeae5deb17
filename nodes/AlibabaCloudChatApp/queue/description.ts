import type { INodeProperties } from 'n8n-workflow';

import {
	deduplicateField,
	EVENT_OPTIONS,
	eventsField,
	triggerOptions,
} from '../triggers/events.description';

/** Alibaba Cloud Communications' queue and token endpoints, as its consumer demos use them. */
export const ENDPOINT_PRESETS = {
	'cn-hangzhou': {
		queueEndpoint: 'https://1943695596114318.mns.cn-hangzhou.aliyuncs.com',
		dybaseapiEndpoint: 'https://dybaseapi.aliyuncs.com',
	},
	'ap-southeast-1': {
		queueEndpoint: 'https://1493622401794734.mns.ap-southeast-1.aliyuncs.com',
		dybaseapiEndpoint: 'https://dybaseapi.ap-southeast-1.aliyuncs.com',
	},
} as const;

const showManaged = { show: { queueSource: ['cams'] } };

/** The HTTP trigger's filters and media download, so both deliver the same items. */
const filterOptions = (triggerOptions.options ?? []) as INodeProperties[];

export const queueProperties: INodeProperties[] = [
	{
		displayName:
			'Turn on queue delivery first: in the CAMS console (Channel Management → Manage → receipt settings → Simple Message Queue) or with Phone Number → Update Webhooks (Queue Delivery on). CAMS then creates one queue per message type.',
		name: 'queueNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Queue Source',
		name: 'queueSource',
		type: 'options',
		options: [
			{
				name: 'CAMS-Managed Queue',
				value: 'cams',
				description:
					'The queue CAMS created (Alicom-Queue-…), read with temporary keys from Dybaseapi QueryTokenForMnsQueue',
			},
			{
				name: 'My Own Queue',
				value: 'own',
				description:
					'A Simple Message Queue in your account, read with the AccessKey of the credential',
			},
		],
		default: 'cams',
	},
	{
		displayName: 'Queue Name',
		name: 'queueName',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The queue to read, e.g. Alicom-Queue-1234567890123456-ChatAppInbound',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchQueueNames', searchable: true },
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Alicom-Queue-1234567890123456-ChatAppStatus',
			},
		],
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		options: [
			{ name: 'From Queue Name', value: 'auto', description: 'The name ends in the type' },
			{ name: 'ChatAppAudit', value: 'ChatAppAudit' },
			{ name: 'ChatAppInbound', value: 'ChatAppInbound' },
			{ name: 'ChatAppStatus', value: 'ChatAppStatus' },
		],
		default: 'auto',
		description: 'The receipt type the temporary keys are requested for',
		displayOptions: showManaged,
	},
	{
		displayName: 'Endpoints',
		name: 'endpoints',
		type: 'options',
		options: [
			{ name: 'China (Cn-Hangzhou)', value: 'cn-hangzhou' },
			{ name: 'Singapore (Ap-Southeast-1)', value: 'ap-southeast-1' },
			{ name: 'Custom', value: 'custom' },
		],
		default: 'cn-hangzhou',
		description:
			'Where the CAMS queues and their token service are. Alibaba documents the China pair for CAMS queues; the Singapore pair is the international one for other Communications products.',
		displayOptions: showManaged,
	},
	{
		displayName: 'Queue Endpoint',
		name: 'queueEndpoint',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://1234567890123456.mns.ap-southeast-1.aliyuncs.com',
		description: 'Base URL of the queue service (scheme, host and port only)',
		displayOptions: { show: { queueSource: ['own'] } },
	},
	{
		displayName: 'Queue Endpoint',
		name: 'customQueueEndpoint',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'http://127.0.0.1:8090',
		displayOptions: { show: { queueSource: ['cams'], endpoints: ['custom'] } },
	},
	{
		displayName: 'Dybaseapi Endpoint',
		name: 'dybaseapiEndpoint',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'http://127.0.0.1:8090',
		description: 'Base URL of the token service',
		displayOptions: { show: { queueSource: ['cams'], endpoints: ['custom'] } },
	},
	{
		...eventsField,
		default: EVENT_OPTIONS.map((option) => option.value as string),
		description:
			'Which notifications start the workflow. Messages with nothing chosen are deleted from the queue without a run.',
	},
	{
		...deduplicateField,
		description:
			'Whether to drop events already emitted in the last hour (up to 5,000 remembered). A queue delivers at least once, so the same message can come twice.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...filterOptions,
			{
				displayName: 'After Max Deliveries',
				name: 'afterMaxDeliveries',
				type: 'options',
				options: [
					{ name: 'Keep Until a Run Succeeds', value: 'keep' },
					{ name: 'Delete After the Run', value: 'delete' },
				],
				default: 'keep',
				description:
					'What happens to a message delivered more often than Max Deliveries once its run ends. Its items carry redelivered: true and dequeueCount either way.',
			},
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 16 },
				default: 16,
				description: 'Messages received per request and per execution (SMQ allows up to 16)',
			},
			{
				displayName: 'Max Deliveries',
				name: 'maxDeliveries',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5,
				description:
					'Deliveries (DequeueCount) after which a message counts as redelivered too often',
			},
			{
				displayName: 'Max Parallel Executions',
				name: 'maxInFlight',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 64 },
				default: 8,
				description:
					'Executions running at once, each with one batch; the next batch is received when one ends',
			},
			{
				displayName: 'Parallel Receives',
				name: 'parallelReceives',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 8 },
				default: 4,
				description:
					'Long polls at once; more drain a busy queue faster. SMQ caps concurrent long polls per account; past the cap it answers at once, and the trigger then slows down by itself.',
			},
			{
				displayName: 'Retry Delay (Seconds)',
				name: 'retryDelaySeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10,
				description:
					'When an execution fails, its messages are visible again after this delay, doubled for every earlier delivery',
			},
			{
				displayName: 'Wait Time (Seconds)',
				name: 'waitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 30 },
				default: 20,
				description: 'How long one long poll waits for a message (SMQ allows up to 30)',
			},
		],
	},
];
