import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/properties';
import { router } from './actions/router';
import { listSearch, loadOptions, resourceMapping } from './methods';
import { testCamsCredential } from './transport/credentialTest';

export class AlibabaCloudChatApp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alibaba Cloud Chat App',
		name: 'alibabaCloudChatApp',
		icon: {
			light: 'file:../../icons/alibabaCloudChatApp.svg',
			dark: 'file:../../icons/alibabaCloudChatApp.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send WhatsApp, Viber, Messenger and Instagram messages and manage templates, channels and numbers with Alibaba Cloud Chat App Message Service',
		defaults: { name: 'Alibaba Cloud Chat App' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'alibabaCloudChatAppApi', required: true, testedBy: 'alibabaCloudChatAppApiTest' },
		],
		properties,
	};

	methods = {
		listSearch,
		loadOptions,
		resourceMapping,
		credentialTest: { alibabaCloudChatAppApiTest: testCamsCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
