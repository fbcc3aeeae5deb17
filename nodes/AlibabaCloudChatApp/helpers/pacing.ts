import { sleep } from 'n8n-workflow';

export interface Pacing {
	/** Requests in flight at once. */
	concurrency: number;
	/** Requests started per second, kept below the action's CAMS quota. */
	perSecond: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

export interface PacedRun {
	/** Stop starting tasks after the first failure (Continue On Fail is off). */
	stopOnError: boolean;
	/**
	 * Tasks with the same key run one after another, in input order (messages to one recipient);
	 * tasks with different keys, or no key, run concurrently.
	 */
	keyOf?: (index: number) => string | undefined;
	/** Shared by successive runs of one execution, so together they keep `perSecond`. */
	schedule?: { nextSlot: number };
}

/** Thrown by a task that saw the run stop before it sent anything; its outcome stays empty. */
export class NotStartedError extends Error {
	constructor() {
		super('Not started: an earlier item failed');
	}
}

/**
 * One flag per node execution (its context object), raised by the first failure when the run
 * stops on error. The transport reads it right before each request goes out, so a send that was
 * waiting for a rate-limit slot when another item failed does not start.
 */
const stops = new WeakMap<object, { stopped: boolean }>();

export function stopSignal(context: object): { stopped: boolean } {
	let signal = stops.get(context);
	if (!signal) stops.set(context, (signal = { stopped: false }));
	return signal;
}

export function isStopped(context: object): boolean {
	return stops.get(context)?.stopped === true;
}

/** Picks runnable task indices: input order, but never two tasks of one key at once. */
class KeyedQueue {
	private next = 0;
	private readonly busy = new Set<string>();
	private readonly waiting = new Map<string, number[]>();
	/** Tasks whose key just became free, earliest first. */
	private readonly released: number[] = [];

	constructor(
		private readonly count: number,
		private readonly keyOf: (index: number) => string | undefined,
	) {}

	take(): number | undefined {
		if (this.released.length > 0) return this.released.shift();
		while (this.next < this.count) {
			const index = this.next++;
			const key = this.keyOf(index);
			if (key === undefined) return index;
			if (!this.busy.has(key)) {
				this.busy.add(key);
				return index;
			}
			const queue = this.waiting.get(key);
			if (queue) queue.push(index);
			else this.waiting.set(key, [index]);
		}
		return undefined;
	}

	done(index: number): void {
		const key = this.keyOf(index);
		if (key === undefined) return;
		const queue = this.waiting.get(key);
		const following = queue?.shift();
		if (following === undefined) {
			this.busy.delete(key);
			return;
		}
		if (queue!.length === 0) this.waiting.delete(key);
		// The key stays busy: it passes to its next task.
		this.released.push(following);
		this.released.sort((a, b) => a - b);
	}

	/** Whether tasks remain that wait for a key to be released. */
	get blocked(): boolean {
		return this.waiting.size > 0 || this.released.length > 0;
	}
}

/**
 * Runs `task(0 … count-1)` with at most `concurrency` in flight and starts spaced evenly at
 * `perSecond`, so a burst never trips CAMS's per-second quota. Outcomes come back in input order.
 * With `stopOnError`, no task starts after a failure, also not one that was already waiting for
 * its slot; the ones in flight still finish, since a send that is under way cannot be called back.
 */
export async function runPaced<T>(
	count: number,
	pacing: Pacing,
	task: (index: number) => Promise<T>,
	run: PacedRun,
	signal: { stopped: boolean } = { stopped: false },
): Promise<Array<Outcome<T> | undefined>> {
	const outcomes: Array<Outcome<T> | undefined> = new Array(count);
	const interval = 1000 / Math.max(pacing.perSecond, 0.001);
	const keyOf = run.keyOf ?? (() => undefined);
	// Each item's key is read once; the queue asks for it again when the item is done.
	const keys = new Map<number, string | undefined>();
	const queue = new KeyedQueue(count, (index) => {
		if (!keys.has(index)) keys.set(index, keyOf(index));
		return keys.get(index);
	});
	const schedule = run.schedule ?? { nextSlot: 0 };
	let wake: (() => void) | undefined;
	let idle: Promise<void> | undefined;
	const release = () => {
		const resolve = wake;
		wake = undefined;
		idle = undefined;
		resolve?.();
	};
	const waitForRelease = async () => {
		idle ??= new Promise<void>((resolve) => (wake = resolve));
		await idle;
	};

	const runOne = async (index: number) => {
		// Reserve a start slot; JavaScript runs this synchronously, so slots never collide.
		const slot = Math.max(Date.now(), schedule.nextSlot);
		schedule.nextSlot = slot + interval;
		const wait = slot - Date.now();
		if (wait > 0) await sleep(wait);
		if (signal.stopped) return;
		try {
			outcomes[index] = { ok: true, value: await task(index) };
		} catch (error) {
			if (error instanceof NotStartedError) return;
			outcomes[index] = { ok: false, error: error as Error };
			if (run.stopOnError) signal.stopped = true;
		}
	};

	const worker = async () => {
		while (!signal.stopped) {
			const index = queue.take();
			if (index === undefined) {
				if (!queue.blocked) return;
				await waitForRelease();
				continue;
			}
			await runOne(index);
			queue.done(index);
			release();
		}
		release();
	};
	const workers = Math.max(1, Math.min(pacing.concurrency, count));
	await Promise.all(Array.from({ length: workers }, worker));
	return outcomes;
}
