/**
 * The editor asks a field for its options once more right after the operation changed, with the
 * new operation's parameters (Send Template → Upload Media: the Language field asks without any
 * `template`). Every list search and load-options method must then answer, not throw.
 */
import type { INodeParameters } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { AlibabaCloudChatAppQueueTrigger } from '../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatAppQueueTrigger.node';
import { AlibabaCloudChatAppTrigger } from '../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatAppTrigger.node';
import {
	listSearch,
	loadOptions,
	resourceMapping,
} from '../../../../nodes/AlibabaCloudChatApp/methods';
import { searchQueueNames } from '../../../../nodes/AlibabaCloudChatApp/queue/listSearch';
import { SEED_CHANNELS, startEmulator, type CamsEmulator } from '../../../emulator';
import { byId, credentialsFor } from '../../../helpers/chatApp';
import { createLoadOptionsContext } from '../../../helpers/n8nCore';

/** Parameters of operations that have none of the fields these methods serve. */
const FOREIGN: Record<string, INodeParameters> = {
	'Message → Upload Media': {
		resource: 'message',
		operation: 'uploadMedia',
		channelId: byId(SEED_CHANNELS.whatsapp.custSpaceId),
	},
	'Template → Create': { resource: 'template', operation: 'create', channelType: 'viber' },
	'Channel → Get Many': { resource: 'channel', operation: 'getAll' },
	'expressions everywhere': {
		resource: 'message',
		operation: 'sendTemplate',
		channelType: '={{ $json.type }}',
		channelId: byId('={{ $json.channel }}'),
		template: byId('={{ $json.template }}'),
		language: '={{ $json.language }}',
	},
};

type Method = (this: never, filter?: string) => Promise<unknown>;

const METHODS: Array<[string, Method]> = [
	...Object.entries(listSearch).map(([name, fn]) => [`listSearch.${name}`, fn] as [string, Method]),
	...Object.entries(loadOptions).map(
		([name, fn]) => [`loadOptions.${name}`, fn] as [string, Method],
	),
	...Object.entries(resourceMapping).map(
		([name, fn]) => [`resourceMapping.${name}`, fn] as [string, Method],
	),
	['listSearch.searchQueueNames', searchQueueNames as unknown as Method],
];

/** The methods the editor calls for a field's options (a credential test is not one of them). */
const EDITOR_KINDS = new Set(['listSearch', 'loadOptions', 'resourceMapping']);

describe("every editor method answers with an unrelated operation's parameters", () => {
	let emu: CamsEmulator;
	beforeAll(async () => (emu = await startEmulator()));
	afterAll(async () => await emu.close());

	it('covers every method the nodes declare', () => {
		const nodes = [
			new AlibabaCloudChatApp(),
			new AlibabaCloudChatAppTrigger(),
			new AlibabaCloudChatAppQueueTrigger(),
		];
		const declared = nodes.flatMap((node) =>
			Object.entries(node.methods ?? {})
				.filter(([kind]) => EDITOR_KINDS.has(kind))
				.flatMap(([kind, table]) => Object.keys(table as object).map((name) => `${kind}.${name}`)),
		);
		expect(new Set(declared)).toEqual(new Set(METHODS.map(([name]) => name)));
		expect(METHODS.length).toBe(7);
	});

	for (const [operation, parameters] of Object.entries(FOREIGN)) {
		for (const [name, method] of METHODS) {
			it(`${name} with the parameters of ${operation}`, async () => {
				const context = createLoadOptionsContext({
					nodeType: new AlibabaCloudChatApp(),
					parameters,
					credentials: credentialsFor(emu.url),
				});
				const answer = (await (method as unknown as (this: unknown) => Promise<unknown>).call(
					context,
				)) as { results?: unknown[]; fields?: unknown[] } | unknown[];
				const list = Array.isArray(answer) ? answer : (answer.results ?? answer.fields);
				expect(Array.isArray(list)).toBe(true);
			});
		}
	}
});
