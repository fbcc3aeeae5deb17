// Polling helpers for the e2e tests: wait for a condition instead of sleeping, collect what n8n's executions of a
// workflow produced, and keep a timing table that is printed at the end of the run.
import { sleep } from '../../../scripts/n8n/common.mjs';
import { executionError, nodeRuns } from '../../../scripts/n8n/runtime.mjs';

/**
 * Calls fn until it returns a truthy value (returned) or timeoutMs passes (throws, naming `what` and the last
 * value or error). fn may be async; errors thrown by fn are retried.
 */
export async function waitFor(
	fn,
	{ timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
) {
	const end = Date.now() + timeoutMs;
	let lastError;
	let lastValue;
	for (;;) {
		try {
			lastValue = await fn();
			if (lastValue) return lastValue;
		} catch (e) {
			lastError = e;
		}
		if (Date.now() >= end) {
			const detail = lastError
				? `last error: ${lastError.message}`
				: `last value: ${JSON.stringify(lastValue)?.slice(0, 500)}`;
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${detail})`);
		}
		await sleep(intervalMs);
	}
}

/** Which nodes ran in an execution (have runData). */
export function nodesThatRan(execution) {
	return Object.keys(execution?.data?.resultData?.runData ?? {});
}

/** json of every output item of a node in an execution (all runs, all outputs). */
export function allNodeItems(execution, nodeName) {
	return nodeRuns(execution, nodeName).flatMap((run) =>
		(run?.data?.main ?? []).flat().map((i) => i?.json),
	);
}

/**
 * Polls the finished executions of a workflow (public API, with data) until `until(items, executions)` is truthy,
 * where items are the output items of `nodeName` across all of them (newest execution first). A failed
 * execution ends the wait at once with its error.
 * @returns {Promise<{items: object[], executions: object[]}>}
 */
export async function collectNodeItems(
	client,
	workflowId,
	nodeName,
	{ until, timeoutMs = 30_000, what } = {},
) {
	let failed = null;
	const result = await waitFor(
		async () => {
			const list = await client.listExecutions({ workflowId, includeData: true, limit: 250 });
			const finished = list.filter(
				(e) => e.finished || ['success', 'error', 'crashed'].includes(e.status),
			);
			const bad = finished.find((e) => e.status === 'error' || e.status === 'crashed');
			if (bad) {
				failed = bad;
				return { failed: true };
			}
			const items = finished.flatMap((e) => allNodeItems(e, nodeName));
			return until(items, finished) ? { items, executions: finished } : null;
		},
		{
			timeoutMs,
			intervalMs: 200,
			what: what ?? `items of "${nodeName}" in workflow ${workflowId}`,
		},
	);
	if (failed) {
		const err = executionError(failed);
		throw new Error(
			`execution ${failed.id} of workflow ${workflowId} failed: ${err?.message ?? failed.status}` +
				(err?.description ? ` (${err.description})` : '') +
				(err?.node?.name ? ` in node "${err.node.name}"` : ''),
		);
	}
	return result;
}

/** A timing table: `await timings.measure('label', fn)`; `timings.print()` writes it to stderr. */
export function createTimings() {
	const rows = [];
	const t0 = Date.now();
	return {
		rows,
		add(label, ms) {
			rows.push({ label, ms });
		},
		async measure(label, fn) {
			const start = Date.now();
			try {
				return await fn();
			} finally {
				rows.push({ label, ms: Date.now() - start });
			}
		},
		print(title = 'e2e timings') {
			const width = Math.max(...rows.map((r) => r.label.length), 10);
			const lines = rows.map(
				(r) => `  ${r.label.padEnd(width)}  ${(r.ms / 1000).toFixed(1).padStart(6)} s`,
			);
			lines.push(
				`  ${'total (wall)'.padEnd(width)}  ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s`,
			);
			process.stderr.write(`\n${title}\n${lines.join('\n')}\n`);
		},
	};
}
