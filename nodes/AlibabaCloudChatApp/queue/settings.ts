import type { ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveEndpoint } from '../../../credentials/common/acs/endpoints';
import { eventFilter, type FilterOptions } from '../notifications/filter';
import type { EventKind } from '../notifications/types';
import {
	mediaDownloadPolicy,
	type MediaOptions,
	type MediaPolicy,
	type QueueTarget,
} from '../transport';
import type { ConsumerSettings } from './consumer';
import { ENDPOINT_PRESETS } from './description';

const MESSAGE_TYPES = ['ChatAppStatus', 'ChatAppInbound', 'ChatAppAudit'];

interface QueueOptions extends FilterOptions, MediaOptions {
	afterMaxDeliveries?: 'keep' | 'delete';
	batchSize?: number;
	maxDeliveries?: number;
	maxInFlight?: number;
	parallelReceives?: number;
	retryDelaySeconds?: number;
	waitSeconds?: number;
}

export interface QueueConfig {
	target: QueueTarget;
	consumer: ConsumerSettings;
	/** How inbound media files are downloaded before a run, or undefined when they are not. */
	media?: MediaPolicy;
}

function fail(context: ITriggerFunctions, message: string, description: string): never {
	throw new NodeOperationError(context.getNode(), message, { description });
}

function endpoint(context: ITriggerFunctions, name: string, value: string, label: string): string {
	try {
		return resolveEndpoint('custom', value);
	} catch {
		return fail(
			context,
			`The ${label} "${value}" is not a URL`,
			`Enter scheme, host and optional port only, e.g. https://1234567890123456.mns.ap-southeast-1.aliyuncs.com (parameter "${name}").`,
		);
	}
}

function messageTypeOf(context: ITriggerFunctions, queueName: string): string {
	const chosen = context.getNodeParameter('messageType', 'auto') as string;
	if (chosen !== 'auto') return chosen;
	const inferred = MESSAGE_TYPES.find((type) => queueName.endsWith(type));
	if (inferred) return inferred;
	return fail(
		context,
		`The message type cannot be read from the queue name "${queueName}"`,
		'Choose the Message Type (ChatAppStatus, ChatAppInbound or ChatAppAudit) that this queue receives.',
	);
}

function target(context: ITriggerFunctions, queueName: string): QueueTarget {
	if ((context.getNodeParameter('queueSource', 'cams') as string) === 'own') {
		const url = context.getNodeParameter('queueEndpoint', '') as string;
		return { queueName, queueEndpoint: endpoint(context, 'queueEndpoint', url, 'Queue Endpoint') };
	}
	const preset = context.getNodeParameter('endpoints', 'cn-hangzhou') as string;
	const endpoints =
		preset === 'custom'
			? {
					queueEndpoint: endpoint(
						context,
						'customQueueEndpoint',
						context.getNodeParameter('customQueueEndpoint', '') as string,
						'Queue Endpoint',
					),
					dybaseapiEndpoint: endpoint(
						context,
						'dybaseapiEndpoint',
						context.getNodeParameter('dybaseapiEndpoint', '') as string,
						'Dybaseapi Endpoint',
					),
				}
			: ENDPOINT_PRESETS[preset as keyof typeof ENDPOINT_PRESETS];
	return {
		queueName,
		queueEndpoint: endpoints.queueEndpoint,
		managed: {
			dybaseapiEndpoint: endpoints.dybaseapiEndpoint,
			messageType: messageTypeOf(context, queueName),
		},
	};
}

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
	const number = Number(value ?? fallback);
	return Math.min(max, Math.max(min, Number.isFinite(number) ? Math.floor(number) : fallback));
}

/** Reads and checks the node's parameters; bad input stops activation with what to change. */
export function readQueueConfig(context: ITriggerFunctions): QueueConfig {
	const queueName = String(
		context.getNodeParameter('queueName', '', { extractValue: true }) ?? '',
	).trim();
	if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,255}$/.test(queueName)) {
		fail(
			context,
			queueName ? `"${queueName}" is not a queue name` : 'Choose the queue to read',
			'Pick it from the list (the StatusQueue or UpQueue of your number) or type it, e.g. Alicom-Queue-1234567890123456-ChatAppInbound.',
		);
	}
	const options = context.getNodeParameter('options', {}) as QueueOptions;
	const events = context.getNodeParameter('events', []) as EventKind[];
	return {
		target: target(context, queueName),
		media: mediaDownloadPolicy(options),
		consumer: {
			selection: {
				filter: eventFilter(events, options),
				deduplicate: context.getNodeParameter('deduplicate', true) as boolean,
			},
			batchSize: clamp(options.batchSize, 16, 1, 16),
			waitSeconds: clamp(options.waitSeconds, 20, 1, 30),
			parallelReceives: clamp(options.parallelReceives, 4, 1, 8),
			maxInFlight: clamp(options.maxInFlight, 8, 1, 64),
			retryDelaySeconds: clamp(options.retryDelaySeconds, 10, 1, 43_200),
			maxDeliveries: clamp(options.maxDeliveries, 5, 1, 1_000_000),
			deleteAfterMaxDeliveries: options.afterMaxDeliveries === 'delete',
			once: context.getMode() === 'manual',
		},
	};
}
