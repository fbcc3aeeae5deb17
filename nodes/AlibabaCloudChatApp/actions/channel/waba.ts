import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorValue } from '../shared/input';
import { dataOf } from '../shared/response';
import { camsRequest } from '../../transport';

/** An optional WABA ID; empty means the WABA bound to the channel. */
export const optionalWabaField: INodeProperties = {
	displayName: 'WABA ID',
	name: 'wabaId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 209587332118845',
	description:
		'The WhatsApp Business Account ID. Leave empty to use the WABA bound to the channel.',
};

/** The WABA ID the user gave, or the one bound to the channel (QueryChatappBindWaba). */
export async function wabaIdOf(
	context: IExecuteFunctions,
	channelId: string,
	itemIndex: number,
): Promise<string> {
	const given = locatorValue(context, 'wabaId', itemIndex);
	if (given) return given;
	const response = await camsRequest.call(
		context,
		'QueryChatappBindWaba',
		{ CustSpaceId: channelId },
		{ itemIndex },
	);
	const wabaId = String(dataOf(response).Id ?? '').trim();
	if (!wabaId) {
		throw new NodeOperationError(context.getNode(), 'The channel has no WABA bound', {
			itemIndex,
			description: 'Bind a WABA to the channel first (Channel > Bind WABA), or enter the WABA ID.',
		});
	}
	return wabaId;
}
