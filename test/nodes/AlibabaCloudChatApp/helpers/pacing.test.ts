import {
	NotStartedError,
	runPaced,
	stopSignal,
} from '../../../../nodes/AlibabaCloudChatApp/helpers/pacing';

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('runPaced', () => {
	it('keeps outcomes in input order whatever order tasks finish in', async () => {
		const outcomes = await runPaced(
			6,
			{ concurrency: 3, perSecond: 1000 },
			async (i) => {
				await new Promise((resolve) => setTimeout(resolve, (6 - i) * 3));
				return i * 10;
			},
			{ stopOnError: true },
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
			{ stopOnError: true },
		);
		expect(peak).toBe(4);
	});

	it('spaces starts at the configured rate', async () => {
		const starts: number[] = [];
		await runPaced(
			11,
			{ concurrency: 11, perSecond: 100 },
			async () => void starts.push(Date.now()),
			{ stopOnError: true },
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
			{ stopOnError: true },
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
			{ stopOnError: false },
		);
		expect(outcomes.map((outcome) => outcome?.ok)).toEqual([false, true, false, true, false]);
	});

	it('starts no task that was still waiting for its slot when another failed', async () => {
		// 3 in flight at 10/s: items 1 and 2 wait 100 and 200 ms for their slots; item 0 fails at once.
		const started: number[] = [];
		const outcomes = await runPaced(
			10,
			{ concurrency: 3, perSecond: 10 },
			async (i) => {
				started.push(i);
				if (i === 0) throw new Error('boom');
				return i;
			},
			{ stopOnError: true },
		);
		expect(started).toEqual([0]);
		expect(outcomes.slice(1).every((outcome) => outcome === undefined)).toBe(true);
	});

	it('raises the stop signal a task can read, and leaves a task that saw it as not started', async () => {
		const signal = stopSignal({});
		const outcomes = await runPaced(
			4,
			{ concurrency: 2, perSecond: 10000 },
			async (i) => {
				if (i === 0) {
					await delay(5);
					throw new Error('boom');
				}
				await delay(20);
				if (signal.stopped) throw new NotStartedError();
				return i;
			},
			{ stopOnError: true },
			signal,
		);
		expect(signal.stopped).toBe(true);
		expect(outcomes[0]).toEqual({ ok: false, error: expect.any(Error) });
		expect(outcomes.slice(1)).toEqual([undefined, undefined, undefined]);
	});

	it('runs the tasks of one key one after another in input order, other keys concurrently', async () => {
		const keys = ['a', 'b', 'a', 'c', 'a', 'b', undefined, 'c', 'a', 'b'];
		const running = new Set<string>();
		const finished: Record<string, number[]> = {};
		let peak = 0;
		let inFlight = 0;
		await runPaced(
			keys.length,
			{ concurrency: 5, perSecond: 10000 },
			async (i) => {
				const key = keys[i] ?? `none-${i}`;
				expect(running.has(key)).toBe(false);
				running.add(key);
				peak = Math.max(peak, ++inFlight);
				await delay(Math.random() * 10);
				running.delete(key);
				inFlight--;
				(finished[key] ??= []).push(i);
			},
			{ stopOnError: true, keyOf: (i) => keys[i] },
		);
		expect(finished).toEqual({
			a: [0, 2, 4, 8],
			b: [1, 5, 9],
			c: [3, 7],
			'none-6': [6],
		});
		expect(peak).toBeGreaterThan(1);
	});
});
