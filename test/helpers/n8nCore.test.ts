/** The harness itself: real n8n-core contexts, real parameter resolution, real signed HTTP. */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { verifyAcs3 } from './acs3Verify';
import {
	createExecuteHarness,
	createHookContext,
	createLoadOptionsContext,
	executeNode,
} from './n8nCore';
import { CamsProbe } from './probeNode';
import { startRecordingServer, type RecordingServer } from './recordingServer';

const KEYS = { accessKeyId: 'LTAI5tHarness', accessKeySecret: 'HarnessSecret' };

class EchoNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Echo',
		name: 'echo',
		group: ['transform'],
		version: [1, 2],
		description: 'Returns its parameters',
		defaults: { name: 'Echo' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'alibabaCloudChatAppApi', required: true }],
		properties: [
			{ displayName: 'Text', name: 'text', type: 'string', default: 'default text' },
			{ displayName: 'Count', name: 'count', type: 'number', default: 3 },
			{
				displayName: 'Template',
				name: 'template',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						typeOptions: { searchListMethod: 'x' },
					},
					{ displayName: 'By Code', name: 'id', type: 'string' },
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_item, i) => ({
				json: {
					text: this.getNodeParameter('text', i) as string,
					count: this.getNodeParameter('count', i) as number,
					template: this.getNodeParameter('template', i, '', { extractValue: true }) as string,
					version: this.getNode().typeVersion,
					continueOnFail: this.continueOnFail(),
				},
			})),
		];
	}
}

describe('n8n-core harness', () => {
	let server: RecordingServer;
	const credentials = () => ({ ...KEYS, region: 'custom', endpoint: server.url });

	beforeAll(async () => {
		server = await startRecordingServer();
	});
	beforeEach(() => server.reset());
	afterAll(async () => {
		await server.close();
	});

	it('resolves defaults, expressions per item and resource locators like n8n', async () => {
		const { output } = await executeNode({
			nodeType: new EchoNode(),
			parameters: {
				text: '={{ $json.name.toUpperCase() }} #{{ $itemIndex }}',
				template: { __rl: true, mode: 'id', value: '={{ $json.code }}' },
			},
			credentials: credentials(),
			items: [{ name: 'ann', code: 'T1' }, { json: { name: 'bob', code: 'T2' } }],
		});
		expect(output[0].map((item) => item.json)).toEqual([
			{ text: 'ANN #0', count: 3, template: 'T1', version: 2, continueOnFail: false },
			{ text: 'BOB #1', count: 3, template: 'T2', version: 2, continueOnFail: false },
		]);
	});

	it('honours typeVersion and continueOnFail', async () => {
		const { output } = await executeNode({
			nodeType: new EchoNode(),
			typeVersion: 1,
			continueOnFail: true,
			credentials: credentials(),
		});
		expect(output[0][0].json).toMatchObject({
			version: 1,
			continueOnFail: true,
			text: 'default text',
		});
	});

	it('gives credentials with the credential type defaults and resolved expressions', async () => {
		const { context } = createExecuteHarness({
			nodeType: new EchoNode(),
			credentials: { accessKeyId: '={{ "AK-" + $json.tenant }}', accessKeySecret: 's' },
			items: [{ tenant: 'acme' }],
		});
		const data = (await context.getCredentials('alibabaCloudChatAppApi', 0)) as IDataObject;
		expect(data).toMatchObject({
			accessKeyId: 'AK-acme',
			region: 'ap-southeast-1',
			securityToken: '',
		});
		// Hidden by displayOptions (region is not "custom"), so n8n leaves it out.
		expect(data).not.toHaveProperty('endpoint');
	});

	it('refuses credentials the node type does not declare, as n8n does', async () => {
		const { context } = createExecuteHarness({
			nodeType: new EchoNode(),
			credentials: credentials(),
		});
		await expect(context.getCredentials('someOtherApi', 0)).rejects.toThrow(
			/does not have any credentials of type "someOtherApi"/,
		);
	});

	it('sends signed requests from an ExecuteContext and records what authenticate returned', async () => {
		const { context, credentialsHelper } = createExecuteHarness({
			nodeType: new CamsProbe(),
			credentials: credentials(),
		});
		const response = await context.helpers.httpRequestWithAuthentication.call(
			context,
			'alibabaCloudChatAppApi',
			{
				method: 'POST',
				url: '/',
				headers: { 'x-acs-action': 'QueryChatappPhoneNumbers' },
				qs: { CustSpaceId: 'cs 1' },
				json: true,
			},
		);
		expect(response).toMatchObject({ Code: 'OK' });
		expect(verifyAcs3(server.last(), KEYS.accessKeySecret)).toMatchObject({ ok: true });
		expect(credentialsHelper.authenticated).toHaveLength(1);
		expect(credentialsHelper.authenticated[0].incoming).toMatchObject({
			url: '/',
			qs: { CustSpaceId: 'cs 1' },
		});
		expect(credentialsHelper.authenticated[0].outgoing.url).toBe(
			`${server.url}/?CustSpaceId=cs%201`,
		);
	});

	it('provides a LoadOptionsContext with the current parameters and signed HTTP', async () => {
		const context = createLoadOptionsContext({
			nodeType: new CamsProbe(),
			credentials: credentials(),
			currentNodeParameters: { action: 'ListChatappTemplate', custSpaceId: 'cs-9' },
			path: 'parameters.templateCode',
		});
		expect(context.getCurrentNodeParameter('custSpaceId')).toBe('cs-9');
		expect((await context.getCredentials('alibabaCloudChatAppApi')) as IDataObject).toMatchObject({
			accessKeyId: KEYS.accessKeyId,
		});
		await context.helpers.httpRequestWithAuthentication.call(context, 'alibabaCloudChatAppApi', {
			method: 'POST',
			url: '/',
			headers: { 'x-acs-action': 'ListChatappTemplate' },
			qs: { CustSpaceId: 'cs-9' },
		});
		expect(verifyAcs3(server.last(), KEYS.accessKeySecret)).toMatchObject({
			ok: true,
			query: [['CustSpaceId', 'cs-9']],
		});
	});

	it('provides a HookContext with signed HTTP', async () => {
		const context = createHookContext({ nodeType: new CamsProbe(), credentials: credentials() });
		expect(context.getActivationMode()).toBe('activate');
		await context.helpers.httpRequestWithAuthentication.call(context, 'alibabaCloudChatAppApi', {
			method: 'POST',
			url: '/',
			headers: { 'x-acs-action': 'UpdatePhoneWebhook' },
			body: { CustSpaceId: 'cs-1', StatusCallbackUrl: 'http://x/y?z=1' },
		});
		expect(verifyAcs3(server.last(), KEYS.accessKeySecret)).toMatchObject({ ok: true });
		expect(server.last().body.toString()).toBe(
			'CustSpaceId=cs-1&StatusCallbackUrl=http%3A%2F%2Fx%2Fy%3Fz%3D1',
		);
	});

	it('keeps binary data in memory (n8n "default" mode) without touching the disk', async () => {
		const { context } = createExecuteHarness({
			nodeType: new CamsProbe(),
			credentials: credentials(),
		});
		const binary = await context.helpers.prepareBinaryData(
			Buffer.from('hello'),
			'a.txt',
			'text/plain',
		);
		expect(binary).toMatchObject({
			data: Buffer.from('hello').toString('base64'),
			fileName: 'a.txt',
			mimeType: 'text/plain',
		});
	});
});
