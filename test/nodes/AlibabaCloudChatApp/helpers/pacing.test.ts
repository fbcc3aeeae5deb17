import { runPaced } from '../../../../nodes/AlibabaCloudChatApp/helpers/pacing';

describe('runPaced', () => {
	it('keeps outcomes in input order whatever order tasks finish in', async () => {
		const outcomes = await runPaced(
			6,
			{ concurrency: 3, perSecond: 1000 },
			async (i) => {
				await new Promise((resolve) => setTimeout(resolve, (6 - i) * 3));
				return i * 10;
			},
			true,
		);
		expect(outcomes.map((outcome) => outcome?.ok && outcome.value)).toEqual([
			0, 10, 20, 30, 40, 50,
		]);
	});

	it('never has more tasks in flight than the concurrency', async () => {
		let inFlight = 0;
		let peak = 0;
		await runPaced(
			20,
			{ concurrency: 4, perSecond: 10000 },
			async () => {
				peak = Math.max(peak, ++inFlight);
				await new Promise((resolve) => setTimeout(resolve, 5));
				inFlight--;
			},
			true,
		);
		expect(peak).toBe(4);
	});

	it('spaces starts at the configured rate', async () => {
		const starts: number[] = [];
		await runPaced(
			11,
			{ concurrency: 11, perSecond: 100 },
			async () => void starts.push(Date.now()),
			true,
		);
		// 11 starts at 100/s span at least 100 ms (10 intervals of 10 ms), allowing timer slack below.
		expect(starts[10] - starts[0]).toBeGreaterThanOrEqual(95);
	});

	it('starts nothing new after a failure when stopping on error, but finishes what is in flight', async () => {
		const started: number[] = [];
		const outcomes = await runPaced(
			10,
			{ concurrency: 2, perSecond: 10000 },
			async (i) => {
				started.push(i);
				await new Promise((resolve) => setTimeout(resolve, 2));
				if (i === 1) throw new Error('boom');
				return i;
			},
			true,
		);
		expect(outcomes[1]).toEqual({ ok: false, error: expect.any(Error) });
		expect(started.length).toBeLessThan(10);
		expect(outcomes.slice(started.length).every((outcome) => outcome === undefined)).toBe(true);
	});

	it('runs every task when errors do not stop the run', async () => {
		const outcomes = await runPaced(
			5,
			{ concurrency: 2, perSecond: 10000 },
			async (i) => {
				if (i % 2 === 0) throw new Error(`item ${i}`);
				return i;
			},
			false,
		);
		expect(outcomes.map((outcome) => outcome?.ok)).toEqual([false, true, false, true, false]);
	});
});
