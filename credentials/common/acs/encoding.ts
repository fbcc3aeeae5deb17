const RFC3986_EXTRA = /[!'()*]/;
const RFC3986_EXTRA_ALL = /[!'()*]/g;
const hexEscape = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * Percent-encoding as Alibaba Cloud's gateway canonicalises it (RFC 3986): UTF-8 bytes, only
 * `A-Za-z0-9-_.~` left as they are, upper-case hex. Space becomes `%20` (never `+`) and `!'()*`
 * are escaped, which `encodeURIComponent` alone does not do.
 *
 * @throws URIError for a lone UTF-16 surrogate, as the official SDK does before sending.
 */
export function percentEncode(value: string): string {
	const encoded = encodeURIComponent(value);
	// Most values have none of the five; skipping the replace is most of this function's cost.
	return RFC3986_EXTRA.test(encoded) ? encoded.replace(RFC3986_EXTRA_ALL, hexEscape) : encoded;
}

/**
 * Serialises parameters as an `application/x-www-form-urlencoded` string, in the order given.
 * This is what Node's `querystring.stringify` (and so the official SDK) puts on the wire: it
 * leaves `!'()*~` unescaped. The signature never uses these bytes directly except as the body hash.
 */
export function formEncode(params: Record<string, string> | Array<[string, string]>): string {
	const pairs = Array.isArray(params) ? params : Object.entries(params);
	let form = '';
	for (const [key, value] of pairs) {
		form += `${form ? '&' : ''}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
	}
	return form;
}

/**
 * Parses a form-encoded string (`+` is a space) into decoded key/value pairs, keeping order.
 * Used where a body arrives already serialised.
 */
export function formDecode(encoded: string): Array<[string, string]> {
	if (encoded === '') return [];
	return encoded.split('&').map((pair) => {
		const eq = pair.indexOf('=');
		const rawKey = eq === -1 ? pair : pair.slice(0, eq);
		const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
		const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
		return [decode(rawKey), decode(rawValue)];
	});
}

/**
 * The V3 canonical query string: pairs sorted by key, each value percent-encoded. The key is
 * written as it is, as the official SDK does (CAMS keys are alphanumeric, so encoding is moot).
 */
export function canonicalQueryString(pairs: Array<[string, string]>): string {
	return canonicalQueryFromEncoded(pairs.map(([key, value]) => [key, percentEncode(value)]));
}

/**
 * Sorts in place by `keyOf`, comparing UTF-16 code units, with a stable insertion sort: a request
 * has a handful of headers and query keys, where `Array#sort`'s set-up costs more than sorting.
 */
export function sortByCodeUnits<T>(items: T[], keyOf: (item: T) => string): T[] {
	for (let i = 1; i < items.length; i++) {
		const item = items[i];
		const key = keyOf(item);
		let j = i - 1;
		while (j >= 0 && keyOf(items[j]) > key) {
			items[j + 1] = items[j];
			j--;
		}
		items[j + 1] = item;
	}
	return items;
}

const pairKey = (pair: [string, string]) => pair[0];

/** The same, from pairs whose values are already percent-encoded (the signer encodes them once). */
export function canonicalQueryFromEncoded(encodedPairs: Array<[string, string]>): string {
	const sorted = sortByCodeUnits(encodedPairs.slice(), pairKey);
	let query = '';
	for (const [key, value] of sorted) query += `${query ? '&' : ''}${key}=${value}`;
	return query;
}
