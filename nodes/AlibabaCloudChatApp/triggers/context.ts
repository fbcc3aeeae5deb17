import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SeenKeys } from '../notifications/dedupe';
import { parseIdList } from '../notifications/filter';
import type { SelectionSettings } from '../notifications/pipeline';
import { PATH_SECRET_PATTERN } from '../notifications/secret';
import type { EventKind } from '../notifications/types';
import {
	callbackKindsFor,
	type RegistrationRecords,
	type RegistrationTarget,
} from './registration';

type TriggerContext = IHookFunctions | IWebhookFunctions;

/** Static data keys; the values are plain JSON so n8n can store them with the workflow. */
const SEEN_KEYS = 'seenEvents';
const REGISTRATIONS = 'callbackRegistrations';

/** The secret the webhook path carries; the same rule as the `default` webhook's path expression. */
export function expectedPathSecret(context: TriggerContext): string {
	return (context.getNodeParameter('pathSecret', '') as string) || context.getNode().id;
}

/** Stops activation with a secret that would be guessable or would break the URL. */
export function assertUsablePathSecret(context: IHookFunctions): void {
	if (PATH_SECRET_PATTERN.test(expectedPathSecret(context))) return;
	throw new NodeOperationError(context.getNode(), 'The Path Secret cannot be used', {
		description:
			'Use 16 to 128 letters, digits, "-" or "_", or leave it empty to use the random ID of this node.',
	});
}

export interface ReceiveSettings extends SelectionSettings {
	downloadMedia: boolean;
}

interface TriggerOptions {
	statuses?: string[];
	inboundTypes?: string[];
	allowedIds?: string;
	downloadMedia?: boolean;
}

export function readReceiveSettings(context: IWebhookFunctions): ReceiveSettings {
	const events = context.getNodeParameter('events', []) as EventKind[];
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	return {
		filter: {
			kinds: new Set(events),
			statuses: options.statuses
				? new Set(options.statuses.map((status) => status.toLowerCase()))
				: undefined,
			inboundTypes: options.inboundTypes ? new Set(options.inboundTypes) : undefined,
			allowedIds: parseIdList(options.allowedIds),
		},
		deduplicate: context.getNodeParameter('deduplicate', true) as boolean,
		downloadMedia: options.downloadMedia === true,
	};
}

function locatorValue(context: IHookFunctions, name: string): string {
	return String(context.getNodeParameter(name, '', { extractValue: true }) ?? '').trim();
}

/** The credential is optional on the node (see the node's description), so registration checks it. */
function assertRegistrationCredential(context: IHookFunctions): void {
	if (context.getNode().credentials?.alibabaCloudChatAppApi) return;
	throw new NodeOperationError(
		context.getNode(),
		'"Configure Callback in CAMS" needs a credential',
		{
			description:
				'Select an Alibaba Cloud Chat App API credential at the top of the trigger, or turn off "Configure Callback in CAMS" and paste the Production URL into the CAMS console.',
		},
	);
}

/** What activation should write into CAMS; undefined when "Configure Callback in CAMS" is off. */
export function readRegistrationTarget(context: IHookFunctions): RegistrationTarget | undefined {
	if (!(context.getNodeParameter('configureCallback', false) as boolean)) return undefined;
	assertRegistrationCredential(context);
	const kinds = callbackKindsFor(context.getNodeParameter('events', []) as string[]);
	if (kinds.length === 0) return undefined;
	const channelId = locatorValue(context, 'channelId');
	const phoneNumber = locatorValue(context, 'phoneNumber').replace(/[\s+\-().]/g, '');
	const url = context.getNodeWebhookUrl('default');
	if (!channelId || !phoneNumber || !url) {
		throw new NodeOperationError(
			context.getNode(),
			'Choose the Channel and the Business Number to configure',
			{
				description:
					'They say which number CAMS should push to this workflow. Or turn off "Configure Callback in CAMS".',
			},
		);
	}
	const takeOver = context.getNodeParameter('takeOverCallback', false) as boolean;
	return { url, channelId, phoneNumber, kinds, takeOver, isTest: context.getMode() === 'manual' };
}

function nodeData(context: TriggerContext): IDataObject {
	return context.getWorkflowStaticData('node');
}

/** A plain copy: n8n hands out static data wrapped in change-tracking proxies. */
export function readRegistrations(context: IHookFunctions): RegistrationRecords {
	return JSON.parse(JSON.stringify(nodeData(context)[REGISTRATIONS] ?? {})) as RegistrationRecords;
}

export function saveRegistrations(context: IHookFunctions, records: RegistrationRecords): void {
	nodeData(context)[REGISTRATIONS] = records as unknown as IDataObject;
}

export function readSeenKeys(context: IWebhookFunctions): SeenKeys | undefined {
	return nodeData(context)[SEEN_KEYS] as SeenKeys | undefined;
}

export function saveSeenKeys(context: IWebhookFunctions, seen: SeenKeys): void {
	nodeData(context)[SEEN_KEYS] = seen;
}
