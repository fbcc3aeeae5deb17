/**
 * Runs the official SDK (`@alicloud/cams20200606@1.4.2`, a test oracle only) against a local
 * recording server with a fixed `x-acs-date` and `x-acs-signature-nonce`, so its requests can be
 * compared byte for byte with ours.
 *
 * How the SDK makes the two values (openapi-client 0.4.15 `doRequest`):
 *   'x-acs-date': openapi_util_1.default.getTimestamp()      -> `@alicloud/openapi-util` class static
 *   'x-acs-signature-nonce': tea_util_1.default.getNonce()   -> nested tea-util 1.4.9 -> `kitx.makeNonce()`
 * Both are looked up at call time on shared module objects, so `jest.spyOn` on
 * `require('@alicloud/openapi-util').default.getTimestamp` and `require('kitx').makeNonce`
 * replaces them (tea-util's `__importStar(require('kitx'))` re-reads the property via a getter).
 *
 * Call `installSdkClock()` in `beforeAll` (it needs Jest's `jest` global).
 */
import Cams, * as $Cams from '@alicloud/cams20200606';
import * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';

import type { RecordedRequest, RecordingServer } from './recordingServer';

export interface SdkKeys {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
}

const clock = { date: '', nonce: '' };

/** Replaces the SDK's timestamp and nonce sources; values are set per call by `sdkCall`. */
export function installSdkClock(): void {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const openApiUtil = require('@alicloud/openapi-util').default as { getTimestamp: () => string };
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const kitx = require('kitx') as { makeNonce: () => string };
	jest.spyOn(openApiUtil, 'getTimestamp').mockImplementation(() => {
		if (!clock.date) throw new Error('sdkCall: no fixed date');
		return clock.date;
	});
	jest.spyOn(kitx, 'makeNonce').mockImplementation(() => {
		if (!clock.nonce) throw new Error('sdkCall: no fixed nonce');
		return clock.nonce;
	});
}

/* ------------------------------------------------------------------------------------------------
 * PascalCase wire params -> the SDK's camelCase request model, from the SDK's own metadata
 * ---------------------------------------------------------------------------------------------- */

interface ModelClass {
	name: string;
	names(): Record<string, string>;
	types(): Record<string, unknown>;
	new (map?: Record<string, unknown>): object;
}

function isModelClass(type: unknown): type is ModelClass {
	return typeof type === 'function' && 'names' in type && 'types' in type;
}

function fromWire(type: unknown, value: unknown, path: string, topLevel = false): unknown {
	if (value === undefined || value === null) return value;
	if (isModelClass(type)) {
		if (typeof value !== 'object' || Array.isArray(value))
			throw new Error(`${path}: expected an object for ${type.name}`);
		const names = type.names();
		const types = type.types();
		const camelOf = Object.fromEntries(Object.entries(names).map(([camel, wire]) => [wire, camel]));
		const wireOrder = Object.values(names);
		const keys = Object.keys(value);
		const order = keys.map((key) => wireOrder.indexOf(key));
		if (!topLevel && order.some((index, i) => i > 0 && index < order[i - 1])) {
			// The SDK serialises nested model fields in names() order; a different order in the test
			// table would make the JSON differ for a reason that is not the signer's. (Top-level
			// params are placed by name, so their order does not matter.)
			throw new Error(
				`${path}: keys ${keys.join(',')} are not in the SDK's order ${wireOrder.join(',')}`,
			);
		}
		const out: Record<string, unknown> = {};
		for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
			const camel = camelOf[key];
			if (!camel)
				throw new Error(`${path}: ${type.name} has no field ${key} (the SDK would drop it)`);
			out[camel] = fromWire(types[camel], field, `${path}.${key}`);
		}
		return out;
	}
	if (type && typeof type === 'object' && (type as { type?: string }).type === 'array') {
		if (!Array.isArray(value)) throw new Error(`${path}: expected an array`);
		return value.map((item, i) =>
			fromWire((type as { itemType?: unknown }).itemType, item, `${path}[${i}]`),
		);
	}
	if (type && typeof type === 'object' && (type as { type?: string }).type === 'map') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([key, item]) => [
				key,
				fromWire((type as { valueType?: unknown }).valueType, item, `${path}.${key}`),
			]),
		);
	}
	return value;
}

/** Builds `new <Action>Request(...)` from PascalCase wire params (nested values as objects). */
export function sdkRequest(action: string, params: Record<string, unknown>): object {
	const RequestClass = ($Cams as unknown as Record<string, unknown>)[`${action}Request`];
	if (!isModelClass(RequestClass)) throw new Error(`The SDK has no ${action}Request`);
	return new RequestClass(fromWire(RequestClass, params, action, true) as Record<string, unknown>);
}

/* ------------------------------------------------------------------------------------------------
 * Calling the SDK
 * ---------------------------------------------------------------------------------------------- */

export interface SdkCallOptions {
	keys: SdkKeys;
	date: string;
	nonce: string;
}

/**
 * Sends one action with the official SDK to the recording server and returns what it received.
 * The SDK method is `<action with a lower-case first letter>WithOptions`.
 */
export async function sdkCall(
	server: RecordingServer,
	action: string,
	params: Record<string, unknown>,
	{ keys, date, nonce }: SdkCallOptions,
): Promise<RecordedRequest> {
	const client = new Cams(
		new $OpenApi.Config({
			accessKeyId: keys.accessKeyId,
			accessKeySecret: keys.accessKeySecret,
			securityToken: keys.securityToken,
			endpoint: server.host,
			protocol: 'http',
		}),
	);
	const method = `${action[0].toLowerCase()}${action.slice(1)}WithOptions`;
	const call = (
		client as unknown as Record<string, (request: object, runtime: object) => Promise<unknown>>
	)[method];
	if (typeof call !== 'function') throw new Error(`The SDK client has no ${method}`);
	const before = server.requests.length;
	clock.date = date;
	clock.nonce = nonce;
	try {
		await call.call(
			client,
			sdkRequest(action, params),
			new $Util.RuntimeOptions({ autoretry: false }),
		);
	} finally {
		clock.date = '';
		clock.nonce = '';
	}
	if (server.requests.length !== before + 1)
		throw new Error(`Expected one SDK request, got ${server.requests.length - before}`);
	return server.last();
}
