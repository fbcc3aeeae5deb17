import {
	lastPathSegment,
	PATH_SECRET_PATTERN,
	secretsMatch,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/secret';

describe('secretsMatch', () => {
	it('accepts only the exact secret, whatever the lengths', () => {
		const secret = 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
		expect(secretsMatch(secret, secret)).toBe(true);
		expect(secretsMatch(secret.toUpperCase(), secret)).toBe(false);
		expect(secretsMatch(secret.slice(0, -1), secret)).toBe(false);
		expect(secretsMatch(`${secret}x`, secret)).toBe(false);
		expect(secretsMatch('', secret)).toBe(false);
		expect(secretsMatch(undefined, secret)).toBe(false);
	});

	it('never accepts when no secret is expected', () => {
		expect(secretsMatch('', '')).toBe(false);
		expect(secretsMatch(undefined, '')).toBe(false);
	});
});

describe('lastPathSegment', () => {
	it.each([
		['/webhook/abc/secret-1', 'secret-1'],
		['/webhook/abc/secret-1/', 'secret-1'],
		['/webhook-test/abc/secret-1?x=1', 'secret-1'],
		['/webhook/abc/s%41', 'sA'],
		['/webhook/abc/%E0%A4%A', '%E0%A4%A'],
		['/', undefined],
		[undefined, undefined],
		[42, undefined],
	])('reads %s as %s', (path, expected) => {
		expect(lastPathSegment(path)).toBe(expected);
	});
});

describe('PATH_SECRET_PATTERN', () => {
	it('accepts node IDs and long URL-safe secrets, rejects short or URL-breaking ones', () => {
		expect(PATH_SECRET_PATTERN.test('f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d')).toBe(true);
		expect(PATH_SECRET_PATTERN.test('A_long-enough_secret')).toBe(true);
		for (const bad of [
			'short',
			'has/slash/in-it-123',
			':dynamic-segment-1',
			'with space in secret',
			'x'.repeat(129),
		]) {
			expect(PATH_SECRET_PATTERN.test(bad)).toBe(false);
		}
	});
});
