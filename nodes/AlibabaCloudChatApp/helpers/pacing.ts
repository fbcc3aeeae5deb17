import { sleep } from 'n8n-workflow';

export interface Pacing {
	/** Requests in flight at once. */
	concurrency: number;
	/** Requests started per second, kept below the action's CAMS quota. */
	perSecond: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

/**
 * Runs `task(0 … count-1)` with at most `concurrency` in flight and starts spaced evenly at
 * `perSecond`, so a burst never trips CAMS's per-second quota. Outcomes come back in input order.
 * With `stopOnError`, no new task starts after a failure; the ones in flight still finish, since
 * a send that is under way cannot be called back.
 */
export async function runPaced<T>(
	count: number,
	pacing: Pacing,
	task: (index: number) => Promise<T>,
	stopOnError: boolean,
): Promise<Array<Outcome<T> | undefined>> {
	const outcomes: Array<Outcome<T> | undefined> = new Array(count);
	const interval = 1000 / Math.max(pacing.perSecond, 0.001);
	let next = 0;
	let nextSlot = Date.now();
	let stopped = false;

	const worker = async () => {
		while (!stopped && next < count) {
			const index = next++;
			// Reserve a start slot; JavaScript runs this synchronously, so slots never collide.
			const slot = Math.max(Date.now(), nextSlot);
			nextSlot = slot + interval;
			const wait = slot - Date.now();
			if (wait > 0) await sleep(wait);
			try {
				outcomes[index] = { ok: true, value: await task(index) };
			} catch (error) {
				outcomes[index] = { ok: false, error: error as Error };
				if (stopOnError) stopped = true;
			}
		}
	};
	const workers = Math.max(1, Math.min(pacing.concurrency, count));
	await Promise.all(Array.from({ length: workers }, worker));
	return outcomes;
}
