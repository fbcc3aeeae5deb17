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
		const slots = await Promise.all(Array.from({ length: 6 }, () => limiter.acquire()));
		for (let i = 1; i < slots.length; i++) expect(slots[i] - slots[i - 1]).toBeCloseTo(10, 5);
	});

	it('decreases once per round of throttling, then climbs back linearly to the ceiling', () => {
		let now = 1_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const limiter = new AdaptiveLimiter(200);
		limiter.throttled(now);
		expect(limiter.rate).toBeCloseTo(160);
		// Requests that started before the decrease were sent at the old rate: no second cut.
		limiter.throttled(now - 1);
		expect(limiter.rate).toBeCloseTo(160);
		now += 1000; // +10% of the ceiling per second
		limiter.throttled(now);
		expect(limiter.rate).toBeCloseTo((160 + 20) * 0.8);
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
