import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { camsRequestAllPages } from '../../../../nodes/AlibabaCloudChatApp/transport/pagination';

const node: INode = {
	id: 'n1',
	name: 'Alibaba Cloud Chat App',
	type: 'n8n-nodes-alibabacloud-chatapp.alibabaCloudChatApp',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A gateway stub: answers each call with `answer(call number)`, and fails the test past `maxCalls`. */
function gateway(answer: (call: number) => IDataObject, maxCalls = 20) {
	let calls = 0;
	const httpRequestWithAuthentication = jest.fn(async () => {
		calls++;
		if (calls > maxCalls)
			throw new Error(`more than ${maxCalls} calls: the pagination does not stop`);
		return { statusCode: 200, body: { Code: 'OK', RequestId: `r${calls}`, ...answer(calls) } };
	});
	const context = {
		getNode: () => node,
		helpers: { httpRequestWithAuthentication },
	} as unknown as IExecuteFunctions;
	return { context, calls: () => calls };
}

const entries = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ Id: from + i }));

describe('camsRequestAllPages', () => {
	it('stops when a gateway without a total ignores the page index and serves the same full page again', async () => {
		const { context, calls } = gateway(() => ({ Data: entries(1, 2) }));
		const all = await camsRequestAllPages.call(
			context,
			'ListChatappMessage',
			{},
			{ listKey: 'Data', pageSize: 2 },
		);
		expect(all).toEqual(entries(1, 2));
		expect(calls()).toBe(2);
	});

	it('still reads every distinct full page until a short one', async () => {
		const { context, calls } = gateway((call) => ({
			Data: call < 4 ? entries(call * 10, 2) : entries(99, 1),
		}));
		const all = await camsRequestAllPages.call(
			context,
			'ListChatappMessage',
			{},
			{ listKey: 'Data', pageSize: 2 },
		);
		expect(all.map((entry) => entry.Id)).toEqual([10, 11, 20, 21, 30, 31, 99]);
		expect(calls()).toBe(4);
	});
});
