import querystring from 'node:querystring';

import {
	canonicalQueryString,
	formDecode,
	formEncode,
	percentEncode,
	sortByCodeUnits,
} from '../../../../credentials/common/acs/encoding';
import { formDecodePairs, rfc3986 } from '../../../helpers/acs3Verify';
import { PUNCTUATION, SPECIAL, UNICODE } from '../../../helpers/camsSigningCases';

// The SDK's encoder (openapi-util `encode`, exposed as getEncodeParam) and its body serialiser
// (tea-util `toFormString` = querystring.stringify) are the oracles.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenApiUtil = require('@alicloud/openapi-util').default as {
	getEncodeParam(value: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TeaUtil = require('@alicloud/openapi-client/node_modules/@alicloud/tea-util').default as {
	toFormString(value: Record<string, string>): string;
};

const ASCII = Array.from({ length: 0x7f }, (_, i) => String.fromCharCode(i)).join('');
const SAMPLES = [
	'',
	'plain',
	ASCII,
	SPECIAL,
	PUNCTUATION,
	UNICODE,
	'744c4b5c79c9432497a075bdfca3****',
	'{"{{1}}":"Alice","text":"a\\nb"}',
	'100% off #1 deal\n\r\t',
	'\u0000\u001f\u007f\u0080\u00ff\u07ff\u0800\uffff',
	'😀👋🏽🇸🇬',
	'a+b=c&d=e',
	'~tilde-_.',
];

describe('percentEncode', () => {
	const label = (value: string) => JSON.stringify(value).slice(0, 40);
	it.each(SAMPLES.map((value) => [label(value), value]))(
		'matches the SDK encoder and RFC 3986 for %s',
		(_label, value) => {
			expect(percentEncode(value)).toBe(OpenApiUtil.getEncodeParam(value));
			expect(percentEncode(value)).toBe(rfc3986(value));
		},
	);

	it('encodes each character of the acceptance list as the gateway expects', () => {
		expect(percentEncode(PUNCTUATION)).toBe(
			'%2A%20~%20%27%20%28%20%29%20%21%20%2B%20%2F%20%3D%20%26',
		);
		expect(percentEncode('中')).toBe('%E4%B8%AD');
		expect(percentEncode(' ')).toBe('%20');
	});

	it('throws URIError for a lone surrogate, as the SDK does', () => {
		for (const lone of ['\ud800', 'a\udc00b']) {
			expect(() => percentEncode(lone)).toThrow(URIError);
			expect(() => OpenApiUtil.getEncodeParam(lone)).toThrow(URIError);
		}
	});
});

describe('formEncode', () => {
	const maps: Array<Record<string, string>> = [
		{},
		{ A: 'x' },
		{ Z: SPECIAL, A: PUNCTUATION, M: UNICODE },
		{
			Components: '[{"Type":"BODY","Text":"Hi {{1}}!\\n(50% off)"}]',
			Ttl: '86400',
			AllowCategoryChange: 'true',
		},
		{ 'Key With Space': 'v', Empty: '' },
		Object.fromEntries(SAMPLES.map((value, i) => [`K${i}`, value])),
	];

	it.each(maps.map((map, i) => [i, map] as const))(
		'produces the bytes the SDK sends (map %i)',
		(_i, map) => {
			expect(formEncode(map)).toBe(TeaUtil.toFormString(map));
			expect(formEncode(map)).toBe(querystring.stringify(map));
		},
	);

	it('round-trips through formDecode and an independent decoder', () => {
		for (const map of maps) {
			expect(formDecode(formEncode(map))).toEqual(Object.entries(map));
			expect(formDecodePairs(formEncode(map))).toEqual(Object.entries(map));
		}
	});
});

describe('formDecode', () => {
	it('treats + as a space and decodes UTF-8 escapes', () => {
		expect(formDecode('a=b+c&d=%E4%B8%AD%2B&e&f=')).toEqual([
			['a', 'b c'],
			['d', '中+'],
			['e', ''],
			['f', ''],
		]);
		expect(formDecode('')).toEqual([]);
	});
});

describe('sortByCodeUnits and canonicalQueryString', () => {
	it('sorts keys like Array#sort (UTF-16 code units, never locale)', () => {
		const keys = ['b', 'B', 'a', 'A', '_x', 'Z', 'é', 'e', 'Page', 'PageSize', 'Pag', '10', '9'];
		expect(sortByCodeUnits([...keys], (key) => key)).toEqual([...keys].sort());
		const astral = ['\u{1F600}', '\uFFFF', 'x-acs-date', 'x-acs-', 'host', 'content-type', ''];
		expect(sortByCodeUnits([...astral], (key) => key)).toEqual([...astral].sort());
		expect(sortByCodeUnits([], (key: string) => key)).toEqual([]);
	});

	it('sorts by key, writes the key raw and the value RFC 3986 encoded', () => {
		expect(
			canonicalQueryString([
				['b', ' *'],
				['A', "'"],
				['a', '~中'],
			]),
		).toBe('A=%27&a=~%E4%B8%AD&b=%20%2A');
		expect(canonicalQueryString([])).toBe('');
	});

	it('keeps duplicate keys in their given order (stable sort)', () => {
		expect(
			canonicalQueryString([
				['K', '2'],
				['A', '0'],
				['K', '1'],
			]),
		).toBe('A=0&K=2&K=1');
	});
});
