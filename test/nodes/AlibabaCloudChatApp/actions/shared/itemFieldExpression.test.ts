import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import {
	itemFieldPath,
	itemFieldReader,
} from '../../../../../nodes/AlibabaCloudChatApp/actions/shared/itemFieldExpression';
import { AlibabaCloudChatApp } from '../../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { credentialsFor } from '../../../../helpers/chatApp';
import { createExecuteHarness } from '../../../../helpers/n8nCore';

const ITEMS: IDataObject[] = [
	{ phone: '+65 81234567', order: { id: 'A-1', total: 12.5, paid: true }, 'first name': 'Ann' },
	{ phone: 6581234568, order: { id: 'A-2', total: 0, paid: false }, 'first name': '' },
	{ phone: null, order: [1, 2], 'first name': { nested: 'x' } },
	{ order: { id: 'A-4' }, constructor: 'c', toString: 'own' },
];

/** Raw values as a user saves them, read by the fast path where it applies and n8n otherwise. */
const RAW: unknown[] = [
	'={{ $json.phone }}',
	'={{$json.phone}}',
	'={{ $json.order.id }}',
	'={{ $json.order.total }}',
	'={{ $json.order.paid }}',
	'={{ $json["first name"] }}',
	"={{ $json['first name'] }}",
	'={{ $json.toString }}',
	'={{ $json.order.missing }}',
	'={{ $json.phone }} ',
	'={{ $json.phone }}\n',
	'=+{{ $json.phone }}',
	'={{ $json.phone.length }}',
	{ mappingMode: 'defineBelow', value: { orderId: '={{ $json.order.id }}', name: 'Ann', n: 3 } },
	['={{ $json.phone }}', 'plain', null],
	{ a: { b: ['={{ $json.order.id }}'] }, c: false },
];

function harness(items: IDataObject[], raw: unknown) {
	const made = createExecuteHarness({
		nodeType: new AlibabaCloudChatApp(),
		parameters: { resource: 'message', operation: 'sendTemplate' },
		credentials: credentialsFor('http://127.0.0.1:9'),
		items,
	});
	// Set after n8n's normalisation, which drops parameters the node does not declare.
	made.node.parameters.value = raw as INodeParameters['value'];
	return made;
}

function n8nReads(raw: unknown): Array<{ value?: unknown; error?: string }> {
	const { context } = harness(ITEMS, raw);
	return ITEMS.map((_, i) => {
		try {
			return { value: context.getNodeParameter('value', i) };
		} catch (error) {
			return { error: (error as Error).message };
		}
	});
}

describe('itemFieldPath', () => {
	it('reads dotted and quoted field paths and nothing else', () => {
		expect(itemFieldPath('={{ $json.order.id }}')).toEqual(['order', 'id']);
		expect(itemFieldPath('={{ $json["first name"].x }}')).toEqual(['first name', 'x']);
		expect(itemFieldPath("={{$json['a']}}")).toEqual(['a']);
		for (const other of [
			'{{ $json.a }}',
			'={{ $json }}',
			'={{ $json.a + 1 }}',
			'={{ $json.a }}{{ $json.b }}',
			'={{ $json[0] }}',
			'={{ $json.a() }}',
			'={{ $json["a\\"b"] }}',
			'={{ $json.constructor }}',
			'={{ $json.__proto__ }}',
			'={{ $("Start").item.json.a }}',
			'={{ $input.item.json.a }}',
		]) {
			expect(itemFieldPath(other)).toBeUndefined();
		}
	});
});

describe('itemFieldReader', () => {
	it.each(RAW.map((raw) => [JSON.stringify(raw), raw]))(
		'gives what n8n gives, or leaves it to n8n: %s',
		(_, raw) => {
			const expected = n8nReads(raw);
			const reader = itemFieldReader(raw);
			ITEMS.forEach((json, i) => {
				const value = reader?.(json);
				if (value !== undefined) expect({ value }).toEqual(expected[i]);
			});
		},
	);

	it('reads own primitive fields, and leaves missing, object and inherited ones to n8n', () => {
		const reader = itemFieldReader('={{ $json.order.id }}')!;
		expect(ITEMS.map(reader)).toEqual(['A-1', 'A-2', undefined, 'A-4']);
		expect(ITEMS.map(itemFieldReader('={{ $json.phone }}')!)).toEqual([
			'+65 81234567',
			6581234568,
			undefined,
			undefined,
		]);
		expect(itemFieldReader('={{ $json.toString }}')!({})).toBeUndefined();
		expect(itemFieldReader('={{ $json.order }}')!(ITEMS[0])).toBeUndefined();
	});

	it('has no reader when any expression in the value is of another kind', () => {
		expect(itemFieldReader('={{ $json.a.toUpperCase() }}')).toBeUndefined();
		expect(itemFieldReader({ value: { a: '={{ $json.a }}', b: '={{ $now }}' } })).toBeUndefined();
		expect(itemFieldReader(['={{ $json.a }}', '={{ 1 + 1 }}'])).toBeUndefined();
	});
});

describe('the node descriptions', () => {
	// After evaluating, n8n converts or rejects a value whose parameter declares validateType, and
	// runs a resource locator mode's extractValue regex. The item field reader skips both steps,
	// so it is only right while no parameter declares either.
	it('declare no validateType and no extractValue regex', () => {
		const declaring = (entries: unknown[]): string[] =>
			entries.flatMap((entry) => {
				if (!entry || typeof entry !== 'object') return [];
				const { name, validateType, extractValue, options, values, modes } =
					entry as Partial<INodeProperties> & { values?: unknown[] };
				return [
					...(validateType || (extractValue && typeof extractValue === 'object')
						? [String(name)]
						: []),
					...declaring([...(options ?? []), ...(values ?? []), ...(modes ?? [])]),
				];
			});
		const { properties } = new AlibabaCloudChatApp().description;
		expect(declaring(properties)).toEqual([]);
		const probe = { name: 'probe', modes: [{ name: 'url', extractValue: { type: 'regex' } }] };
		expect(declaring([probe])).toEqual(['url']);
	});
});
