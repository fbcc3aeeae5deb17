import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A resource-locator or plain parameter of the node being edited, as a string ('' when unset). */
export function currentValue(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(name, { extractValue: true });
	return value === undefined || value === null ? '' : String(value);
}

/** The channel the user picked; list searches that depend on it cannot run without it. */
export function requireChannel(context: ILoadOptionsFunctions): string {
	const channelId = currentValue(context, 'channelId');
	if (!channelId) {
		throw new NodeOperationError(context.getNode(), 'Choose a channel first', {
			description:
				'This list depends on the channel (CustSpaceId). Select the channel above, then open this list again.',
		});
	}
	return channelId;
}

/** Case-insensitive "contains" over the given fields, for list-search filters. */
export function matchesFilter(filter: string | undefined, ...fields: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) =>
		String(field ?? '')
			.toLowerCase()
			.includes(needle),
	);
}
