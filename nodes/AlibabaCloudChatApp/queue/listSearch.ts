import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from '../methods/context';
import { camsRequest, listInstances } from '../transport';

/**
 * The queues CAMS created for the account's WhatsApp numbers: StatusQueue and UpQueue of every
 * number (QueryChatappPhoneNumbers), which are set once queue delivery is turned on.
 */
export async function searchQueueNames(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channels = await listInstances.call(this, { ChannelType: 'whatsapp' });
	const queues = new Map<string, string>();
	for (const channel of channels) {
		const response = await camsRequest.call(this, 'QueryChatappPhoneNumbers', {
			CustSpaceId: channel.CustSpaceId,
		});
		for (const number of (response.PhoneNumbers ?? []) as IDataObject[]) {
			for (const [field, label] of [
				['StatusQueue', 'statuses'],
				['UpQueue', 'inbound messages'],
			] as const) {
				const name = number[field];
				if (typeof name === 'string' && name && !queues.has(name)) {
					queues.set(name, `${name} (${label} of ${String(number.PhoneNumber)})`);
				}
			}
		}
	}
	return {
		results: [...queues.entries()]
			.filter(([name, label]) => matchesFilter(filter, name, label))
			.map(([value, name]) => ({ name, value })),
	};
}
