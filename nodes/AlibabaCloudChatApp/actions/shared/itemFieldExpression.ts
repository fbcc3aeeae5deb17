import type { IDataObject } from 'n8n-workflow';

/**
 * The expressions bulk sends are made of, `{{ $json.phone }}` or `{{ $json["first name"] }}`,
 * read straight from the item. n8n evaluates each expression with a fresh data proxy (luxon
 * `$now` and `$today` included), ~50 µs apiece: two such fields on 100,000 recipients took
 * ~10 s of CPU, more than sending them at CAMS's rate. `$json` in an expression is the current
 * input item's `json` (https://docs.n8n.io/code/builtin/current-node-input/).
 *
 * Only a value that is an own string, number or boolean is read here; anything else (a missing
 * field, an object, any other expression) returns undefined, and the caller leaves it to n8n.
 */
const WHOLE = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:"[^"\\]*"|'[^'\\]*')\s*\])+)\s*\}\}$/;
const STEP = /\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\]/g;
/** n8n refuses these in expressions; leaving them to n8n keeps its error. */
const REFUSED = new Set(['__proto__', 'constructor', 'prototype']);

type Primitive = string | number | boolean;

/** The field path of a `={{ $json.a.b }}` parameter value, or undefined for anything else. */
export function itemFieldPath(raw: string): string[] | undefined {
	const match = WHOLE.exec(raw);
	if (!match) return undefined;
	const path = Array.from(match[1].matchAll(STEP), (step) => step[1] ?? step[2] ?? step[3]);
	return path.some((key) => REFUSED.has(key)) ? undefined : path;
}

function readField(json: IDataObject, path: string[]): Primitive | undefined {
	let at: unknown = json;
	for (const key of path) {
		if (!at || typeof at !== 'object' || Array.isArray(at)) return undefined;
		if (!Object.prototype.hasOwnProperty.call(at, key)) return undefined;
		at = (at as IDataObject)[key];
	}
	return typeof at === 'string' || typeof at === 'number' || typeof at === 'boolean'
		? at
		: undefined;
}

/** Resolves a parameter value for one item; undefined means "ask n8n". */
export type ItemFieldReader = (json: IDataObject) => unknown;

type Miss = { missed: boolean };
type Build = (json: IDataObject, miss: Miss) => unknown;

function build(value: unknown): Build | undefined {
	if (typeof value === 'string' && value.startsWith('=')) {
		const path = itemFieldPath(value);
		if (!path) return undefined;
		return (json, miss) => {
			const field = readField(json, path);
			if (field === undefined) miss.missed = true;
			return field;
		};
	}
	if (Array.isArray(value)) {
		const members = value.map(build);
		if (members.some((member) => !member)) return undefined;
		return (json, miss) => members.map((member) => member!(json, miss));
	}
	if (value && typeof value === 'object') {
		const entries = Object.entries(value).map(([key, member]) => [key, build(member)] as const);
		if (entries.some(([, member]) => !member)) return undefined;
		return (json, miss) => {
			const out: IDataObject = {};
			for (const [key, member] of entries) out[key] = member!(json, miss) as IDataObject[string];
			return out;
		};
	}
	return () => value;
}

/**
 * A reader for a raw parameter value (as saved in the workflow) whose expressions are all
 * `$json` field reads, built the way n8n resolves parameters: strings without `=` as they are,
 * arrays and objects rebuilt member by member. Undefined when any expression is of another kind.
 */
export function itemFieldReader(raw: unknown): ItemFieldReader | undefined {
	const reader = build(raw);
	if (!reader) return undefined;
	return (json) => {
		const miss = { missed: false };
		const value = reader(json, miss);
		return miss.missed ? undefined : value;
	};
}
