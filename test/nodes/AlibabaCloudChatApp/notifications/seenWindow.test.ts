import {
	stillSeen,
	trimOldest,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/seenWindow';

describe('seen window', () => {
	const limits = { maxKeys: 3, ttlMs: 1_000 };

	it('counts a key as seen until its TTL has passed', () => {
		expect(stillSeen(5_000, 5_999, 1_000)).toBe(true);
		expect(stillSeen(5_000, 6_000, 1_000)).toBe(false);
		expect(stillSeen(undefined, 5_000, 1_000)).toBe(false);
		expect(stillSeen('5000', 5_000, 1_000)).toBe(false);
		expect(stillSeen(NaN, 5_000, 1_000)).toBe(false);
	});

	it('drops expired keys and keys over the cap, oldest first', () => {
		const window = new Map([
			['expired', 1_000],
			['a', 9_500],
			['b', 9_600],
			['c', 9_700],
			['d', 9_800],
		]);
		expect(trimOldest(window, 10_000, limits)).toEqual(['expired', 'a']);
		expect([...window.keys()]).toEqual(['b', 'c', 'd']);
	});

	it('stops at the first key that must be kept', () => {
		const window = new Map([
			['old', 1_000],
			['running', 2_000],
			['expired-too', 3_000],
		]);
		expect(trimOldest(window, 10_000, limits, (key) => key === 'running')).toEqual(['old']);
		expect([...window.keys()]).toEqual(['running', 'expired-too']);
	});
});
