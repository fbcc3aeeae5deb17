import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jsonErrorPosition } from '../../helpers/jsonPosition';
import { normalisePhoneNumber } from '../../helpers/phone';

/** A resource-locator (or plain) parameter of one item, as a trimmed string. */
export function locatorValue(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return String(value ?? '').trim();
}

/** A required text parameter; the error names the field. */
export function requiredValue(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const value = locatorValue(context, name, itemIndex);
	if (!value) {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Set the "${label}" field (an expression that resolves to nothing gives this error too).`,
		});
	}
	return value;
}

/** A phone number in CAMS's digits-only form, or a NodeOperationError that says how to fix it. */
export function phoneNumberValue(
	context: IExecuteFunctions,
	raw: string,
	label: string,
	itemIndex: number,
): string {
	const normalised = normalisePhoneNumber(raw);
	if (!normalised) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} "${raw}" is not a valid phone number`,
			{
				itemIndex,
				description:
					'Use the international format with the country code, e.g. +65 9123 4567 or 6591234567 (8 to 15 digits; "+", spaces and dashes are removed).',
			},
		);
	}
	return normalised;
}

/**
 * Parses a JSON parameter; n8n may hand it over already parsed. A syntax error is reported with
 * the position JSON.parse found it at.
 */
export function jsonValue(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): unknown {
	const raw = context.getNodeParameter(name, itemIndex, '');
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch (error) {
		const where = jsonErrorPosition(raw);
		const position = where
			? ` (at position ${where.offset}, line ${where.line} column ${where.column})`
			: '';
		throw new NodeOperationError(
			context.getNode(),
			`${label} is not valid JSON: ${(error as Error).message}${position}`,
			{
				itemIndex,
				description: `Fix the JSON in "${label}". Keys and strings need double quotes, and there must be no trailing comma.`,
			},
		);
	}
}

/** A JSON parameter that must be an object (not an array or a value). */
export function jsonObjectValue(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject {
	const value = jsonValue(context, name, label, itemIndex);
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(context.getNode(), `${label} must be a JSON object`, {
			itemIndex,
			description: `Write "${label}" as an object in braces, e.g. {"name": "Alice"}.`,
		});
	}
	return value as IDataObject;
}

/** A required phone number parameter, in CAMS's digits-only form. */
export function requiredPhoneNumber(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	return phoneNumberValue(
		context,
		requiredValue(context, name, label, itemIndex),
		label,
		itemIndex,
	);
}

/** The "Limit" of a Get Many operation; undefined when "Return All" is on. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false)) return undefined;
	return context.getNodeParameter('limit', itemIndex, 50) as number;
}

/** The "Filters" collection of a Get Many; empty when none is set. */
export function readFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
}

/** The "Update Fields" collection; an empty one is an error, since the call would change nothing. */
export function readUpdateFields(
	context: IExecuteFunctions,
	itemIndex: number,
	description = 'Add at least one field under "Update Fields".',
): IDataObject {
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(context.getNode(), 'No field to update', {
			itemIndex,
			description,
		});
	}
	return fields;
}

/** A boolean option as CAMS's "Y"/"N" flag; undefined (not sent) when the option is not set. */
export function yesNoFlag(value: unknown): 'Y' | 'N' | undefined {
	return value === undefined ? undefined : value ? 'Y' : 'N';
}
