import { jsonErrorPosition } from '../../../../nodes/AlibabaCloudChatApp/helpers/jsonPosition';

describe('jsonErrorPosition', () => {
	it.each(['{}', '[1, -2.5e3, "a\\u00e9\\n", true, false, null, {"k": [{}]}]', ' "text" ', '0'])(
		'accepts valid JSON %s',
		(text) => {
			expect(jsonErrorPosition(text)).toBeUndefined();
			expect(() => JSON.parse(text)).not.toThrow();
		},
	);

	it.each([
		['{"name": }', 9, 1, 10],
		['[{"name": "Bob",}]', 16, 1, 17],
		['{\n  "a": 1\n  "b": 2\n}', 13, 3, 3],
		["{'a': 1}", 1, 1, 2],
		['[1, 2', 5, 1, 6],
		['{"a": 01}', 7, 1, 8],
		['"tab\tinside"', 4, 1, 5],
		['{} extra', 3, 1, 4],
		['', 0, 1, 1],
	])('locates the error in %p', (text, offset, line, column) => {
		expect(() => JSON.parse(text)).toThrow();
		expect(jsonErrorPosition(text)).toEqual({ offset, line, column });
	});
});
