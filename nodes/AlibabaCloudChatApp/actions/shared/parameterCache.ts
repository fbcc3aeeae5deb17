import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	NodeParameterValueType,
} from 'n8n-workflow';

import { itemFieldReader, type ItemFieldReader } from './itemFieldExpression';

/** Whether a raw parameter value (as saved in the workflow) holds an expression anywhere. */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

function rawAt(parameters: INodeParameters, path: string): unknown {
	let at: unknown = parameters;
	for (const key of path.split('.')) {
		if (!at || typeof at !== 'object') return undefined;
		at = (at as Record<string, unknown>)[key];
	}
	return at;
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		Object.values(value).forEach(deepFreeze);
	}
	return value;
}

const views = new WeakMap<IExecuteFunctions, IExecuteFunctions>();

/** The items `$json` refers to; none (so n8n evaluates) where the context has no main input. */
function inputItems(context: IExecuteFunctions): INodeExecutionData[] {
	try {
		return context.getInputData() ?? [];
	} catch {
		return [];
	}
}

/**
 * A view of the execution context whose `getNodeParameter` reads a parameter that holds no
 * expression once per execution: n8n resolves every parameter on every call (resource locators
 * and collections included), which for a 100,000-item bulk send cost more CPU than sending.
 * Values read once are frozen, since every item shares them.
 *
 * A top-level parameter whose expressions are all `{{ $json.field }}` reads is read from the item
 * (see itemFieldExpression.ts). Its first read in an execution is also asked of n8n: on any
 * difference, n8n reads it for every item. Other expressions are left to n8n for every item.
 */
export function cachedParameters(context: IExecuteFunctions): IExecuteFunctions {
	let view = views.get(context);
	if (view) return view;
	const raw = context.getNode().parameters;
	const constant = new Map<string, boolean>();
	const values = new Map<string, unknown>();
	const fieldReaders = new Map<string, { read: ItemFieldReader; checked: boolean } | null>();
	let items: INodeExecutionData[] | undefined;
	const read = context.getNodeParameter.bind(context) as (
		...args: Parameters<IExecuteFunctions['getNodeParameter']>
	) => unknown;
	const readItemField = (
		name: string,
		itemIndex: number,
		extract: boolean,
		askN8n: () => unknown,
	): unknown => {
		const key = `${name}\u0000${extract ? 'x' : ''}`;
		let reader = fieldReaders.get(key);
		if (reader === undefined) {
			const fieldRead = name.includes('.') ? undefined : itemFieldReader(rawAt(raw, name));
			reader = fieldRead ? { read: fieldRead, checked: false } : null;
			fieldReaders.set(key, reader);
		}
		items ??= inputItems(context);
		const json = items[itemIndex]?.json;
		if (!reader || !json) return askN8n();
		let value = reader.read(json);
		// n8n's extractValue takes a resource locator's value; our nodes declare no extraction regex.
		if (extract && value && typeof value === 'object') value = (value as { value?: unknown }).value;
		if (value === undefined || (extract && value !== null && typeof value === 'object')) {
			return askN8n();
		}
		if (reader.checked) return value;
		const fromN8n = askN8n();
		if (JSON.stringify(fromN8n) === JSON.stringify(value)) reader.checked = true;
		else fieldReaders.set(key, null);
		return fromN8n;
	};
	const getNodeParameter = (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: { extractValue?: boolean },
	): unknown => {
		let isConstant = constant.get(name);
		if (isConstant === undefined) {
			isConstant = !hasExpression(rawAt(raw, name));
			constant.set(name, isConstant);
		}
		const args = [name, itemIndex, fallback, options] as Parameters<
			IExecuteFunctions['getNodeParameter']
		>;
		if (!isConstant) {
			const { extractValue, ...otherOptions } = options ?? {};
			return Object.keys(otherOptions).length
				? read(...args)
				: readItemField(name, itemIndex, extractValue === true, () => read(...args));
		}
		const key = `${name}\u0000${options?.extractValue ? 'x' : ''}\u0000${typeof fallback === 'object' ? JSON.stringify(fallback) : String(fallback)}`;
		if (!values.has(key)) values.set(key, deepFreeze(read(...args)));
		return values.get(key) as NodeParameterValueType;
	};
	view = Object.create(context, {
		getNodeParameter: { value: getNodeParameter },
	}) as IExecuteFunctions;
	views.set(context, view);
	return view;
}
