// The queue example in the demo: examples/queue-inbound-log.json points at Alibaba's real endpoints, so the demo
// re-points its Queue Trigger at the emulator (which plays both the queue service and Dybaseapi), activates it and
// turns on queue delivery (QueueFlag Y) for the business number, so inbound messages also land in the queue.
export const QUEUE_TRIGGER_TYPE = 'n8n-nodes-alibabacloud-chatapp.alibabaCloudChatAppQueueTrigger';
export const QUEUE_EXAMPLE = 'queue-inbound-log';

/**
 * @param {object} client     N8nClient
 * @param {object} workflows  installExamples() result
 * @param {object} emulator   CamsEmulator (in this process)
 * @param {string} business   the number whose inbound messages go to the queue too
 * @returns {Promise<{id: string, queueName: string} | undefined>}
 */
export async function activateQueueExample(client, workflows, emulator, business) {
	const example = workflows[QUEUE_EXAMPLE];
	if (!example) return undefined;
	const stored = await client.api('GET', `/workflows/${example.id}`);
	let queueName;
	for (const node of stored.nodes) {
		if (node.type !== QUEUE_TRIGGER_TYPE) continue;
		Object.assign(node.parameters, {
			endpoints: 'custom',
			customQueueEndpoint: emulator.url,
			dybaseapiEndpoint: emulator.url,
		});
		queueName = node.parameters.queueName?.value;
	}
	await client.api('PUT', `/workflows/${example.id}`, {
		name: stored.name,
		nodes: stored.nodes,
		connections: stored.connections,
		settings: { executionOrder: stored.settings?.executionOrder ?? 'v1' },
	});
	emulator.setWebhooks({ senders: { [business]: { queueFlag: 'Y' } } });
	await client.activateWorkflow(example.id);
	return { id: example.id, queueName };
}
