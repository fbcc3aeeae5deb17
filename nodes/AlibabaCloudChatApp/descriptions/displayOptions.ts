import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Adds `show`/`hide` conditions to every property, merging with the conditions a property
 * already has (never overwriting them, which would un-hide fields meant to stay hidden).
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
			...(displayOptions.hide || property.displayOptions?.hide
				? { hide: { ...displayOptions.hide, ...property.displayOptions?.hide } }
				: {}),
		},
	}));
}
