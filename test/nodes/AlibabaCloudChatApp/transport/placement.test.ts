/**
 * Our query/body placement table against the official SDK source. Each `<action>WithOptions`
 * method of `@alicloud/cams20200606/dist/client.js` assigns `query["X"] = …` or `body["X"] = …`
 * and names its action in `new $OpenApi.Params({ action: "…", … })`.
 */
import { readFileSync } from 'node:fs';

import { BODY_PARAMETERS } from '../../../../nodes/AlibabaCloudChatApp/transport/placement';
import { placeParams } from '../../../../nodes/AlibabaCloudChatApp/transport';

interface SdkOperation {
	method: string;
	action: string;
	query: string[];
	body: string[];
	params: Record<string, string>;
}

function parseSdk(): SdkOperation[] {
	const source = readFileSync(require.resolve('@alicloud/cams20200606/dist/client.js'), 'utf8');
	const starts = [...source.matchAll(/^ {4}async (\w+)WithOptions\(/gm)];
	return starts.map((match, i) => {
		const end = i + 1 < starts.length ? starts[i + 1].index : source.length;
		const text = source.slice(match.index, end);
		const paramsBlock = /new \$OpenApi\.Params\(\{([\s\S]*?)\}\)/.exec(text);
		if (!paramsBlock) throw new Error(`No Params in ${match[1]}WithOptions`);
		const params = Object.fromEntries(
			[...paramsBlock[1].matchAll(/(\w+): "([^"]*)"/g)].map(([, key, value]) => [key, value]),
		);
		return {
			method: match[1],
			action: params.action,
			query: [...text.matchAll(/\bquery\["(\w+)"\] =/g)].map((m) => m[1]),
			body: [...text.matchAll(/\bbody\["(\w+)"\] =/g)].map((m) => m[1]),
			params,
		};
	});
}

const SDK = parseSdk();

describe('BODY_PARAMETERS equals the SDK placement', () => {
	it('parses every operation of the SDK', () => {
		expect(SDK).toHaveLength(58);
		expect(new Set(SDK.map((op) => op.action)).size).toBe(58);
		for (const op of SDK)
			expect(op.method).toBe(`${op.action[0].toLowerCase()}${op.action.slice(1)}`);
	});

	it('finds no other way of sending parameters than query and form body', () => {
		for (const op of SDK) {
			expect([op.action, op.params]).toEqual([
				op.action,
				expect.objectContaining({
					method: 'POST',
					pathname: '/',
					style: 'RPC',
					reqBodyType: 'formData',
					bodyType: 'json',
				}),
			]);
			expect(op.query.length + op.body.length).toBeGreaterThan(0);
		}
	});

	it('lists no action the SDK does not have', () => {
		const actions = new Set(SDK.map((op) => op.action));
		for (const action of Object.keys(BODY_PARAMETERS)) expect(actions).toContain(action);
	});

	it.each(SDK.map((op) => [op.action, op] as const))('%s', (action, op) => {
		// Same names, same order (the table is written in the SDK's order).
		expect(BODY_PARAMETERS[action] ?? []).toEqual(op.body);
		// No name is in both places.
		expect(op.query.filter((name) => op.body.includes(name))).toEqual([]);
	});

	it.each(SDK.map((op) => [op.action, op] as const))(
		'%s: placeParams splits and orders like the SDK',
		(action, op) => {
			// Every parameter the SDK knows, in reverse order, so that the result's order comes from placeParams.
			const wire = Object.fromEntries(
				[...op.query, ...op.body].reverse().map((name) => [name, `v-${name}`]),
			);
			const { qs, body } = placeParams(action, wire);
			expect(Object.keys(qs).sort()).toEqual([...op.query].sort());
			// The form body is hashed as sent, so its key order must be the SDK's.
			expect(Object.keys(body ?? {})).toEqual(op.body);
			if (op.body.length === 0) expect(body).toBeUndefined();
		},
	);
});
