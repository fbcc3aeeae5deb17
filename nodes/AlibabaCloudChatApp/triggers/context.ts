import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withoutPhoneFormatting } from '../helpers/phone';
import { guardScope } from '../notifications/dedupeGuard';
import { eventFilter, type FilterOptions } from '../notifications/filter';
import type { SelectionSettings } from '../notifications/pipeline';
import { PATH_SECRET_PATTERN } from '../notifications/secret';
import type { CompactSeenStore } from '../notifications/seenStore';
import type { EventKind } from '../notifications/types';
import { mediaDownloadPolicy, type MediaOptions, type MediaPolicy } from '../transport';
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
	/** How inbound media is downloaded; undefined when Download Media is off. */
	media?: MediaPolicy;
}

interface TriggerOptions extends FilterOptions, MediaOptions {}

export function readReceiveSettings(context: IWebhookFunctions): ReceiveSettings {
	const events = context.getNodeParameter('events', []) as EventKind[];
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	return {
		filter: eventFilter(events, options),
		deduplicate: context.getNodeParameter('deduplicate', true) as boolean,
		media: mediaDownloadPolicy(options),
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
				'Select an Alibaba Cloud Chat App API credential at the top of the trigger, or turn off "Configure Callback in CAMS" and paste the Production URL into the callback settings of the CAMS console (Channel Management).',
		},
	);
}

/**
 * What activation should write into CAMS; undefined when "Configure Callback in CAMS" is off, and
 * for a test listen ("Listen for test event", mode `manual`): n8n gives a test webhook fresh static
 * data, so it cannot see what production registered, and pointing the number or the channel at the
 * test URL would take events away from the active workflow. The test URL is for pasting instead.
 */
export function readRegistrationTarget(context: IHookFunctions): RegistrationTarget | undefined {
	if (context.getMode() === 'manual') return undefined;
	if (!(context.getNodeParameter('configureCallback', false) as boolean)) return undefined;
	assertRegistrationCredential(context);
	const kinds = callbackKindsFor(context.getNodeParameter('events', []) as string[]);
	if (kinds.length === 0) return undefined;
	const channelId = locatorValue(context, 'channelId');
	const phoneNumber = withoutPhoneFormatting(locatorValue(context, 'phoneNumber'));
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
	return { url, channelId, phoneNumber, kinds, takeOver };
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

export function readStoredSeen(context: IWebhookFunctions): unknown {
	return nodeData(context)[SEEN_KEYS];
}

/** Called only when the key set changed, so n8n saves the workflow only then. */
export function saveSeenStore(context: IWebhookFunctions, store: CompactSeenStore): void {
	nodeData(context)[SEEN_KEYS] = store as unknown as IDataObject;
}

/**
 * Which in-memory de-duplication scope a push belongs to. Test webhooks get none: n8n gives them a
 * fresh static data object, and a test push must not hide a production one (or the reverse).
 */
export function dedupeScope(context: IWebhookFunctions): string | undefined {
	if (context.getMode() === 'manual') return undefined;
	return guardScope(context.getWorkflow().id, context.getNode().id);
}
