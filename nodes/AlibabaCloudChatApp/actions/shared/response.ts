import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The "Simplify" toggle of operations whose CAMS answer has many fields. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the most used fields (with their CAMS names) instead of the full response',
};

/** The `Data` object of a CAMS answer ({} when there is none). */
export function dataOf(response: IDataObject): IDataObject {
	const data = response.Data;
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
}

/** The list under `key` of a CAMS answer ([] when there is none). */
export function listOf(response: IDataObject, key = 'Data'): IDataObject[] {
	const list = response[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** The given fields of an object, in the given order, skipping those it lacks. */
export function pickFields(source: IDataObject, fields: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (source[field] !== undefined) picked[field] = source[field];
	return picked;
}

/** Applies the item's "Simplify" choice to one record or a list of them. */
export function simplifyIfWanted<T extends IDataObject | IDataObject[]>(
	context: IExecuteFunctions,
	itemIndex: number,
	data: T,
	fields: readonly string[],
): T {
	if (!context.getNodeParameter('simplify', itemIndex, false)) return data;
	return (
		Array.isArray(data) ? data.map((entry) => pickFields(entry, fields)) : pickFields(data, fields)
	) as T;
}

/** The output of an action that answers only with a status: what it applied to, and the RequestId. */
export function doneOutput(response: IDataObject, subject: IDataObject): IDataObject {
	const applied = Object.fromEntries(
		Object.entries(subject).filter(([, value]) => value !== undefined),
	);
	return { Success: true, ...applied, RequestId: response.RequestId };
}
