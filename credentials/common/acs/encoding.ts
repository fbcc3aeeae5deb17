/**
 * Percent-encoding as Alibaba Cloud's gateway canonicalises it (RFC 3986): UTF-8 bytes, only
 * `A-Za-z0-9-_.~` left as they are, upper-case hex. Space becomes `%20` (never `+`) and `!'()*`
 * are escaped, which `encodeURIComponent` alone does not do.
 *
 * @throws URIError for a lone UTF-16 surrogate, as the official SDK does before sending.
 */
export function percentEncode(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

/**
 * Serialises parameters as an `application/x-www-form-urlencoded` string, in the order given.
 * This is what Node's `querystring.stringify` (and so the official SDK) puts on the wire: it
 * leaves `!'()*~` unescaped. The signature never uses these bytes directly except as the body hash.
 */
export function formEncode(params: Record<string, string>): string {
	return Object.keys(params)
		.map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(params[key])}`)
		.join('&');
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

/** Compares two strings by UTF-16 code units, as `Array#sort` does: never locale-aware. */
export function compareCodeUnits(a: string, b: string): number {
	if (a === b) return 0;
	return a < b ? -1 : 1;
}

/**
 * The V3 canonical query string: pairs sorted by key, each value percent-encoded. The key is
 * written as it is, as the official SDK does (CAMS keys are alphanumeric, so encoding is moot).
 */
export function canonicalQueryString(pairs: Array<[string, string]>): string {
	return [...pairs]
		.sort(([a], [b]) => compareCodeUnits(a, b))
		.map(([key, value]) => `${key}=${percentEncode(value)}`)
		.join('&');
}
