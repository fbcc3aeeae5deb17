/** Regions with a documented public CAMS endpoint. Singapore is the only one Alibaba lists. */
export const CAMS_REGIONS = [
	{ name: 'Singapore (ap-southeast-1)', value: 'ap-southeast-1' },
] as const;

export const CUSTOM_ENDPOINT = 'custom';

export const CAMS_API_VERSION = '2020-06-06';

/** The endpoint for a region, using the SDK's "regional" rule: `https://cams.<region>.aliyuncs.com`. */
export function regionEndpoint(region: string): string {
	return `https://cams.${region}.aliyuncs.com`;
}

/** Built once: the signer looks its endpoint up per request, and a string built anew is hashed anew. */
const REGION_ENDPOINTS = new Map<string, string>(
	CAMS_REGIONS.map(({ value }) => [value, regionEndpoint(value)]),
);

/** `http(s)://host[:port]`, where host is a name, an IPv4 address or a bracketed IPv6 address. */
const CUSTOM_ENDPOINT_PATTERN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(:\d{1,5})?$/i;

/** Endpoints already checked: the check parses a `URL`, and it runs before every signed request. */
const checkedEndpoints = new Set<string>();
const CHECKED_ENDPOINTS_LIMIT = 32;

function isValidUrl(value: string): boolean {
	if (checkedEndpoints.has(value)) return true;
	try {
		new URL(value);
	} catch {
		return false;
	}
	if (checkedEndpoints.size >= CHECKED_ENDPOINTS_LIMIT) checkedEndpoints.clear();
	checkedEndpoints.add(value);
	return true;
}

/**
 * Resolves the base URL from the credential fields. A custom endpoint (for example the local
 * emulator at `http://127.0.0.1:PORT`) wins when the region is set to "custom".
 */
export function resolveEndpoint(region: string, customEndpoint?: string): string {
	if (region === CUSTOM_ENDPOINT) {
		const trimmed = (customEndpoint ?? '').trim().replace(/\/+$/, '');
		// Scheme, host and optional port only: a query, fragment or user-info would be dropped or
		// sent unsigned (user-info even replaces the Authorization header with Basic auth).
		if (!CUSTOM_ENDPOINT_PATTERN.test(trimmed) || !isValidUrl(trimmed)) {
			throw new Error(
				`The custom endpoint "${customEndpoint ?? ''}" is not a URL like https://cams.ap-southeast-1.aliyuncs.com or http://127.0.0.1:8080`,
			);
		}
		return trimmed;
	}
	const known = REGION_ENDPOINTS.get(region || CAMS_REGIONS[0].value);
	return known ?? regionEndpoint(region);
}
