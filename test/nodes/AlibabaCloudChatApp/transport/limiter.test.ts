import {
	AdaptiveLimiter,
	limiterFor,
	QUOTA_HEADROOM,
	resetLimiters,
} from '../../../../nodes/AlibabaCloudChatApp/transport/limiter';

describe('process-wide limiter', () => {
	afterEach(() => {
		resetLimiters();
		jest.restoreAllMocks();
	});

	it('is one per AccessKey ID and action, for every execution of the process', () => {
		const send = limiterFor('LTAI-a', 'SendChatappMessage');
		expect(limiterFor('LTAI-a', 'SendChatappMessage')).toBe(send);
		expect(limiterFor('LTAI-b', 'SendChatappMessage')).not.toBe(send);
		expect(limiterFor('LTAI-a', 'SendChatappMassMessage')).not.toBe(send);
		expect(send?.ceiling).toBeCloseTo(250 * QUOTA_HEADROOM);
		expect(limiterFor('LTAI-a', 'QueryInstance')).toBeUndefined(); // no stated quota
	});

	it('hands out start slots at its rate to every caller', async () => {
		const limiter = new AdaptiveLimiter(100);
		const starts = await Promise.all(Array.from({ length: 6 }, () => limiter.acquire()));
		starts.sort((a, b) => a - b);
		// 6 starts at 100/s span at least 50 ms (5 intervals of 10 ms), allowing timer slack below.
		expect(starts[5] - starts[0]).toBeGreaterThanOrEqual(45);
	});

	it('decreases once per round of throttling, then climbs back linearly to the ceiling', () => {
		let now = 1_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const limiter = new AdaptiveLimiter(200);
		limiter.throttled(now);
		expect(limiter.rate).toBeCloseTo(180);
		// Requests that started before the decrease were sent at the old rate: no second cut.
		limiter.throttled(now - 1);
		expect(limiter.rate).toBeCloseTo(180);
		now += 1000; // +15% of the ceiling per second, capped at the ceiling
		limiter.throttled(now);
		expect(limiter.rate).toBeCloseTo(200 * 0.9);
		now += 60_000;
		void limiter.acquire();
		expect(limiter.rate).toBe(200);
	});

	it('never drops below a floor, so a run always progresses', () => {
		let now = 0;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const limiter = new AdaptiveLimiter(10);
		for (let i = 0; i < 100; i++) {
			now += 1;
			limiter.throttled(now);
		}
		expect(limiter.rate).toBeGreaterThanOrEqual(0.2);
	});
});

describe('sliding window', () => {
	it('starts no more than `rate` requests in any second, even when callers come late', async () => {
		const limiter = new AdaptiveLimiter(20);
		// 30 callers at once: the first 20 fit in one second, the others wait for it to pass.
		const starts = await Promise.all(Array.from({ length: 30 }, () => limiter.acquire()));
		starts.sort((a, b) => a - b);
		for (let i = 20; i < starts.length; i++)
			expect(starts[i] - starts[i - 20]).toBeGreaterThanOrEqual(1000);
	});
});

describe('small quotas', () => {
	afterEach(() => jest.useRealTimers());

	it('keeps the pace of a rate under 10/s instead of rounding it down to whole starts per second', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		const limiter = new AdaptiveLimiter(9.8); // the 10/s bulk-send quota with headroom
		const starts: number[] = [];
		const all = Promise.all(
			Array.from({ length: 31 }, async () => starts.push(await limiter.acquire())),
		);
		await jest.advanceTimersByTimeAsync(10_000);
		await all;
		starts.sort((a, b) => a - b);
		// 30 intervals at 9.8/s: ~3,061 ms. Nine whole starts per second took ~3,300 ms.
		expect(starts[30] - starts[0]).toBeLessThan(3_100);
		for (let i = 10; i < starts.length; i++)
			expect(starts[i] - starts[i - 10]).toBeGreaterThanOrEqual(1_020);
	});
});

describe('congestion signal', () => {
	afterEach(() => jest.restoreAllMocks());

	it('keeps its rate for a stray throttle among many starts, and cuts it when throttling is common', async () => {
		let now = 5_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const limiter = new AdaptiveLimiter(100_000);
		const starts: number[] = [];
		for (let i = 0; i < 100; i++) starts.push(await limiter.acquire());
		limiter.throttled(starts[50]); // 1 in 100
		expect(limiter.rate).toBe(100_000);
		for (let i = 0; i < 5; i++) limiter.throttled(starts[60 + i]); // now 6 in 100
		expect(limiter.rate).toBeCloseTo(90_000);
	});
});
