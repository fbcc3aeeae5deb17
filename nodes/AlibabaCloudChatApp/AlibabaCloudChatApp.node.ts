import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { properties } from './actions/properties';
import { router } from './actions/router';
import * as sendAndWait from './actions/message/sendAndWait.operation';
import { SEND_AND_WAIT_WEBHOOKS, WAITING_TOOLTIP } from './actions/message/sendAndWait.fields';
import { sendAndWaitWebhook } from './actions/message/sendAndWait.webhook';
import { listSearch, loadOptions, resourceMapping } from './methods';
import { testCamsCredential } from './transport';

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
		webhooks: SEND_AND_WAIT_WEBHOOKS,
		waitingNodeTooltip: WAITING_TOOLTIP,
		properties,
	};

	methods = {
		listSearch,
		loadOptions,
		resourceMapping,
		credentialTest: { alibabaCloudChatAppApiTest: testCamsCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Send and Wait handles the first item and parks the execution: not a per-item operation.
		if (this.getNodeParameter('operation', 0) === SEND_AND_WAIT_OPERATION)
			return await sendAndWait.execute.call(this);
		return await router.call(this);
	}

	/** Resumes a Send and Wait for Response execution when its link is opened or its form sent. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWaitWebhook.call(this);
	}
}
