/**
 * Our query/body placement table against the official SDK source. Each `<action>WithOptions`
 * method of `@alicloud/cams20200606/dist/client.js` assigns `query["X"] = …` or `body["X"] = …`
 * and names its action in `new $OpenApi.Params({ action: "…", … })`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	BODY_PARAMETERS,
	GO_SDK_V6_BODY,
	GO_SDK_V6_SOURCE,
} from '../../../../nodes/AlibabaCloudChatApp/transport/placement';
import { placeParams } from '../../../../nodes/AlibabaCloudChatApp/transport';
import { CAMS_ACTIONS } from '../../../emulator/actions/catalog';

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

/** Every CAMS action name a source file of the package mentions as a string literal. */
function calledActions(): Map<string, string> {
	const found = new Map<string, string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (path.endsWith('.ts')) {
				for (const [, name] of readFileSync(path, 'utf8').matchAll(/'([A-Z][A-Za-z]+)'/g))
					if (CAMS_ACTIONS.has(name) && !found.has(name)) found.set(name, path);
			}
		}
	};
	const root = join(__dirname, '../../../..');
	walk(join(root, 'nodes'));
	walk(join(root, 'credentials'));
	return found;
}

describe('placement of every action the node calls (Go SDK v6)', () => {
	const called = calledActions();

	it('finds the actions the node calls', () => {
		expect(called.size).toBeGreaterThanOrEqual(38);
		expect([...called.keys()]).toEqual(
			expect.arrayContaining(['SendChatappMessage', 'ListChatappMessage', 'CreateInstance']),
		);
	});

	it.each([...called.entries()])('%s has a Go SDK v6 entry (%s)', (action) => {
		expect(GO_SDK_V6_BODY[action]).toBeDefined();
	});

	it('cites its source', () => {
		expect(GO_SDK_V6_SOURCE).toMatch(/github\.com\/alibabacloud-go\/cams-20200606 v6\.3\.0/);
	});

	it('sends CreateChatappTemplate.CategoryChangePaused in the form body', () => {
		const { qs, body } = placeParams('CreateChatappTemplate', {
			Name: 'n',
			Category: 'MARKETING',
			CategoryChangePaused: 'true',
			CustSpaceId: 'cs',
		});
		expect(body).toEqual({
			Category: 'MARKETING',
			CategoryChangePaused: 'true',
			CustSpaceId: 'cs',
			Name: 'n',
		});
		expect(qs).toEqual({});
	});

	it('keeps every parameter of a query-only action in the query', () => {
		const { qs, body } = placeParams('ListChatappMessage', { CustSpaceId: 'cs', Page: '{}' });
		expect(qs).toEqual({ CustSpaceId: 'cs', Page: '{}' });
		expect(body).toBeUndefined();
	});
});
