import { createHash, timingSafeEqual } from 'node:crypto';

/** What a path secret may look like: URL-safe without encoding, and long enough to be unguessable. */
export const PATH_SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether the secret a request presented is the expected one, in constant time. Both sides are
 * hashed first, so the comparison takes as long whatever the lengths (timingSafeEqual needs equal
 * lengths, and comparing lengths directly would leak the secret's length).
 */
export function secretsMatch(presented: string | undefined, expected: string): boolean {
	if (expected === '') return false;
	return timingSafeEqual(digest(presented ?? ''), digest(expected));
}

/** The last segment of a URL path ("/webhook/<id>/<secret>/" → "<secret>"), query excluded. */
export function lastPathSegment(path: unknown): string | undefined {
	if (typeof path !== 'string') return undefined;
	const segments = path
		.split('?')[0]
		.split('/')
		.filter((segment) => segment !== '');
	const last = segments[segments.length - 1];
	if (last === undefined) return undefined;
	try {
		return decodeURIComponent(last);
	} catch {
		// A malformed escape cannot be a valid secret; compare it as sent so it is rejected.
		return last;
	}
}
