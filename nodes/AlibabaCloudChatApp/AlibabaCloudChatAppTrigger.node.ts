import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { listSearch } from './methods';
import { claimFreshEvents } from './notifications/dedupeGuard';
import { parsePushBody } from './notifications/parse';
import { filterEvents } from './notifications/pipeline';
import { ACKNOWLEDGEMENT, rejection, type RejectionStatus } from './notifications/responses';
import { lastPathSegment, secretsMatch } from './notifications/secret';
import {
	readPhoneCallbacks,
	testCamsCredential,
	updateAccountCallback,
	updatePhoneCallbacks,
} from './transport';
import * as trigger from './triggers/context';
import {
	deduplicateField,
	EVENTS_SUBTITLE,
	eventsField,
	pathSecretField,
	triggerOptions,
} from './triggers/events.description';
import { toItems, withMediaDownloaded } from './triggers/items';
import * as registration from './triggers/registration';
import { registrationFields } from './triggers/registration.description';
import { foreignCallbackError, restoreFailedError } from './triggers/registrationErrors';
import { remainingRecord, restoreCallbacks, restorePhoneCallbacks } from './triggers/restore';

/** n8n 2.8.4 answers the literal "firstEntryJson" unless `responseData` is '' (webhook-helpers.js). */
const PUSH = { httpMethod: 'POST', responseMode: 'onReceived', responseData: '' };

/**
 * CAMS does not sign pushes (none is documented on
 * https://help.aliyun.com/en/chatapp/developer-reference/chatappstatus-1), so the URL carries a secret: `default` is
 * `/webhook/<webhookId>/<secret>`, the secret being the Path Secret or else this node's ID (the
 * editor generates both IDs at random per node). n8n routes that path exactly, and webhook()
 * compares the secret again in constant time. The two `setup` entries only turn n8n's 404 for a
 * wrong or missing secret into our 401: a dynamic path catches `/webhook/<webhookId>/<other>` and a
 * bare path catches `/webhook/<webhookId>`. n8n stores a dynamic path without the webhook ID and
 * keys its webhook table by path text, so the parameter name carries the node ID; otherwise two
 * such triggers in different workflows would claim the same row.
 */
const WEBHOOKS: IWebhookDescription[] = [
	{ name: 'default', ...PUSH, path: '={{$parameter["pathSecret"] || $nodeId}}' },
	{ name: 'setup', ...PUSH, path: '={{":secret_" + $nodeId}}', isFullPath: true, ndvHideUrl: true },
	{ name: 'setup', ...PUSH, path: '', isFullPath: true, ndvHideUrl: true },
];

function presentedSecret(context: IWebhookFunctions): string | undefined {
	const request = context.getRequestObject();
	if (context.getWebhookName() === 'default')
		return lastPathSegment(request.path ?? request.originalUrl);
	const values = Object.values((context.getParamsData() ?? {}) as IDataObject);
	return values.length === 1 ? String(values[0]) : undefined;
}

/** Answers a request that is not a valid push; n8n sends nothing more and starts no execution. */
function reject(
	context: IWebhookFunctions,
	status: RejectionStatus,
	message: string,
): IWebhookResponseData {
	context.getResponseObject().status(status).json(rejection(status, message));
	return { noWebhookResponse: true };
}

export class AlibabaCloudChatAppTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alibaba Cloud Chat App Trigger',
		name: 'alibabaCloudChatAppTrigger',
		icon: {
			light: 'file:../../icons/alibabaCloudChatApp.svg',
			dark: 'file:../../icons/alibabaCloudChatApp.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow on inbound messages, delivery statuses, template reviews and account events pushed by Alibaba Cloud Chat App Message Service',
		defaults: { name: 'Alibaba Cloud Chat App Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Optional and always listed: n8n 2.8.4 hides a boolean that a credential's displayOptions
		// depend on, so "Configure Callback in CAMS" checks for the credential at activation instead.
		credentials: [
			{ name: 'alibabaCloudChatAppApi', required: false, testedBy: 'alibabaCloudChatAppApiTest' },
		],
		webhooks: WEBHOOKS,
		properties: [
			eventsField,
			...registrationFields,
			pathSecretField,
			deduplicateField,
			triggerOptions,
		],
	};

	methods = { listSearch, credentialTest: { alibabaCloudChatAppApiTest: testCamsCredential } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				trigger.assertUsablePathSecret(this);
				const target = trigger.readRegistrationTarget(this);
				// Without registration there is nothing to set up in CAMS: the user pastes the URL.
				if (!target) return true;
				const phone = await readPhoneCallbacks.call(this, target.channelId, target.phoneNumber);
				return registration.isRegistered(target, phone, trigger.readRegistrations(this));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const target = trigger.readRegistrationTarget(this);
				if (!target) return true;
				const phone = await readPhoneCallbacks.call(this, target.channelId, target.phoneNumber);
				const records = trigger.readRegistrations(this);
				const foreign = registration.foreignCallbacks(target, phone, records);
				if (foreign.length > 0 && !target.takeOver) {
					throw foreignCallbackError(this.getNode(), target, foreign);
				}
				const { url, channelId, phoneNumber, kinds } = target;
				const previous = registration.previousUrls(target, phone, records);
				const record = { url, channelId, phoneNumber, kinds, previous };
				const phoneUpdate = registration.phoneRegistration(target, phone);
				if (phoneUpdate) await updatePhoneCallbacks.call(this, channelId, phoneNumber, phoneUpdate);
				if (kinds.includes('account')) {
					try {
						await updateAccountCallback.call(this, channelId, { url, httpFlag: 'Y' });
					} catch (error) {
						// n8n's clean-up after a failed activation reads static data from the database, where
						// this record is not yet, so the number's callbacks are put back here before failing.
						if (phoneUpdate) await restorePhoneCallbacks.call(this, record);
						// camsRequest fails with these two already; anything else is wrapped.
						throw error instanceof NodeApiError || error instanceof NodeOperationError
							? error
							: new NodeOperationError(this.getNode(), error as Error);
					}
				}
				trigger.saveRegistrations(this, { ...records, [url]: record });
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') ?? '';
				const records = trigger.readRegistrations(this);
				const record = records[url];
				// Nothing was registered from this URL (console setup, or already undone).
				if (!record) return true;
				// What failed stays recorded, so that activating and deactivating again retries it.
				const failures = await restoreCallbacks.call(this, record);
				const left = remainingRecord(record, failures);
				if (left) records[url] = left;
				else delete records[url];
				trigger.saveRegistrations(this, records);
				if (failures.length > 0) throw restoreFailedError(this.getNode(), url, record, failures);
				return true;
			},
		},
	};

	/** Secret → parse → classify, filter, dedupe → acknowledge and split into items. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (!secretsMatch(presentedSecret(this), trigger.expectedPathSecret(this))) {
			return reject(this, 401, 'Unauthorized: the secret in the webhook path is wrong or missing');
		}
		const request = this.getRequestObject() as { rawBody?: unknown };
		const push = parsePushBody(request.rawBody ?? this.getBodyData());
		if (!push.ok) return reject(this, 400, `Bad request: ${push.error}`);

		const settings = trigger.readReceiveSettings(this);
		let events = filterEvents(push.events, settings.filter);
		if (settings.deduplicate) {
			// Synchronous up to here: no other request can claim the same events in between.
			const claimed = claimFreshEvents(events, trigger.readStoredSeen(this), Date.now(), {
				scope: trigger.dedupeScope(this),
			});
			if (claimed.store) trigger.saveSeenStore(this, claimed.store);
			events = claimed.fresh;
		}
		// A valid push is acknowledged even when nothing is left, or CAMS would push it again.
		if (events.length === 0) return { webhookResponse: ACKNOWLEDGEMENT };
		if (!settings.media) {
			return { webhookResponse: ACKNOWLEDGEMENT, workflowData: [toItems(events)] };
		}
		// Downloads can outlast the 3 s CAMS waits for an answer, so acknowledge before them.
		this.getResponseObject().status(200).json(ACKNOWLEDGEMENT);
		return {
			noWebhookResponse: true,
			workflowData: [await withMediaDownloaded(this, toItems(events), settings.media)],
		};
	}
}
