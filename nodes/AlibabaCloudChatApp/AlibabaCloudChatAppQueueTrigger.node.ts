import type {
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { queueProperties } from './queue/description';
import { startQueueTrigger } from './queue/lifecycle';
import { searchQueueNames } from './queue/listSearch';
import { testCamsCredential } from './transport';

export class AlibabaCloudChatAppQueueTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alibaba Cloud Chat App Queue Trigger',
		name: 'alibabaCloudChatAppQueueTrigger',
		icon: {
			light: 'file:../../icons/alibabaCloudChatAppQueue.svg',
			dark: 'file:../../icons/alibabaCloudChatAppQueue.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["queueName"].value || $parameter["queueName"]}}',
		description:
			'Starts the workflow on Chat App notifications read from a Simple Message Queue (SMQ, formerly MNS): no public URL needed, nothing lost while n8n is down',
		defaults: { name: 'Alibaba Cloud Chat App Queue Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'alibabaCloudChatAppApi', required: true, testedBy: 'alibabaCloudChatAppApiTest' },
		],
		properties: queueProperties,
	};

	methods = {
		listSearch: { searchQueueNames },
		credentialTest: { alibabaCloudChatAppApiTest: testCamsCredential },
	};

	/** Long-polls the queue until n8n calls the close function (queue/consumer.ts). */
	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await startQueueTrigger(this);
	}
}
