import { cachedParameters } from '../../../../../nodes/AlibabaCloudChatApp/actions/shared/parameterCache';
import { AlibabaCloudChatApp } from '../../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { byId, credentialsFor } from '../../../../helpers/chatApp';
import { createExecuteHarness } from '../../../../helpers/n8nCore';

function harness() {
	return createExecuteHarness({
		nodeType: new AlibabaCloudChatApp(),
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			channelType: 'whatsapp',
			channelId: byId('cams-1'),
			to: '={{ $json.phone }}',
			options: { taskId: byId('task-1'), fallBackContent: 'plain' },
			templateVariables: {
				mappingMode: 'defineBelow',
				value: { orderId: '={{ $json.order }}', name: 'Ann' },
			},
		},
		credentials: credentialsFor('http://127.0.0.1:9'),
		items: [
			{ phone: '6581234567', order: 'A-1' },
			{ phone: '6581234568', order: 'A-2' },
		],
	});
}

describe('cachedParameters', () => {
	it('reads a parameter without an expression once per execution, as n8n resolves it', () => {
		const { context } = harness();
		const read = jest.spyOn(context, 'getNodeParameter');
		const view = cachedParameters(context);
		expect(cachedParameters(context)).toBe(view);
		const first = view.getNodeParameter('channelId', 0, '', { extractValue: true });
		const second = view.getNodeParameter('channelId', 1, '', { extractValue: true });
		expect([first, second]).toEqual(['cams-1', 'cams-1']);
		expect(view.getNodeParameter('options', 1, {})).toEqual({
			taskId: byId('task-1'),
			fallBackContent: 'plain',
		});
		expect(view.getNodeParameter('options.fallBackContent', 1, '')).toBe('plain');
		expect(read).toHaveBeenCalledTimes(3);
	});

	it('reads a parameter with an expression, even a nested one, for every item', () => {
		const { context } = harness();
		const view = cachedParameters(context);
		expect(view.getNodeParameter('to', 0)).toBe('6581234567');
		expect(view.getNodeParameter('to', 1)).toBe('6581234568');
		const mapper = (i: number) =>
			(view.getNodeParameter('templateVariables', i) as { value: object }).value;
		expect([mapper(0), mapper(1)]).toEqual([
			{ orderId: 'A-1', name: 'Ann' },
			{ orderId: 'A-2', name: 'Ann' },
		]);
	});

	it('hands out values read once frozen, since every item shares them', () => {
		const view = cachedParameters(harness().context);
		const options = view.getNodeParameter('options', 0, {}) as Record<string, unknown>;
		expect(Object.isFrozen(options)).toBe(true);
		expect(() => {
			options.fallBackContent = 'changed';
		}).toThrow(TypeError);
	});

	it('reads $json field expressions from the item after n8n agreed on the first read', () => {
		const { context } = harness();
		const read = jest.spyOn(context, 'getNodeParameter');
		const view = cachedParameters(context);
		const mapper = (i: number) =>
			(view.getNodeParameter('templateVariables', i) as { value: object }).value;
		expect([view.getNodeParameter('to', 0), view.getNodeParameter('to', 1)]).toEqual([
			'6581234567',
			'6581234568',
		]);
		expect([mapper(0), mapper(1)]).toEqual([
			{ orderId: 'A-1', name: 'Ann' },
			{ orderId: 'A-2', name: 'Ann' },
		]);
		expect(read.mock.calls.map(([name, item]) => `${name}@${item}`)).toEqual([
			'to@0',
			'templateVariables@0',
		]);
	});

	it('leaves a parameter to n8n for every item once n8n read it differently', () => {
		const { context } = harness();
		const read = jest.spyOn(context, 'getNodeParameter').mockReturnValue('from n8n');
		const view = cachedParameters(context);
		expect([view.getNodeParameter('to', 0), view.getNodeParameter('to', 1)]).toEqual([
			'from n8n',
			'from n8n',
		]);
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('leaves a missing field to n8n, and checks with n8n on the first item that has it', () => {
		const { context } = harness();
		context.getInputData()[0].json = {};
		const read = jest.spyOn(context, 'getNodeParameter');
		const view = cachedParameters(context);
		expect(view.getNodeParameter('to', 0)).toBeUndefined();
		expect(view.getNodeParameter('to', 1)).toBe('6581234568');
		expect(view.getNodeParameter('to', 1)).toBe('6581234568');
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('reads a resource locator set to a $json field with extractValue, as n8n does', () => {
		const { context, node } = harness();
		node.parameters.channelId = { __rl: true, mode: 'id', value: '={{ $json.order }}' };
		const read = jest.spyOn(context, 'getNodeParameter');
		const view = cachedParameters(context);
		const channel = (i: number) =>
			view.getNodeParameter('channelId', i, '', { extractValue: true });
		expect([channel(0), channel(1)]).toEqual(['A-1', 'A-2']);
		expect(view.getNodeParameter('channelId', 1)).toEqual({
			__rl: true,
			mode: 'id',
			value: 'A-2',
		});
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('leaves $json reads to n8n where the context gives no input items', () => {
		const { context } = harness();
		jest.spyOn(context, 'getInputData').mockImplementation(() => {
			throw new Error('Could not get input with given index');
		});
		const read = jest.spyOn(context, 'getNodeParameter');
		const view = cachedParameters(context);
		expect([view.getNodeParameter('to', 0), view.getNodeParameter('to', 1)]).toEqual([
			'6581234567',
			'6581234568',
		]);
		expect(read).toHaveBeenCalledTimes(2);
	});
});
