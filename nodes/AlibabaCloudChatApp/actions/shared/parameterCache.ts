import type { IExecuteFunctions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

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

/**
 * A view of the execution context whose `getNodeParameter` reads a parameter that holds no
 * expression once per execution: n8n resolves every parameter on every call (resource locators
 * and collections included), which for a 100,000-item bulk send cost more CPU than sending.
 * Parameters with an expression are still read per item. Values read once are frozen, since
 * every item shares them.
 */
export function cachedParameters(context: IExecuteFunctions): IExecuteFunctions {
	let view = views.get(context);
	if (view) return view;
	const raw = context.getNode().parameters;
	const constant = new Map<string, boolean>();
	const values = new Map<string, unknown>();
	const read = context.getNodeParameter.bind(context) as (
		...args: Parameters<IExecuteFunctions['getNodeParameter']>
	) => unknown;
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
		if (!isConstant) return read(...args);
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
