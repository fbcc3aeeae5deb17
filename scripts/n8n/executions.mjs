// What n8n did: wait for executions and webhooks (polling, never fixed sleeps) and read an execution's results.
// Routes (n8n@2.8.4):
//   GET /api/v1/executions/:id?includeData=true, GET /api/v1/executions?workflowId= (public API; status
//       new|running|success|error|crashed|canceled|waiting)
//   OPTIONS /webhook/<path> with Origin + Access-Control-Request-Method: 204 once the webhook is registered, an
//       error status before ("... is not registered"); a side-effect-free readiness probe.
import { poll } from './common.mjs';

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/** Poll until the execution is finished (also `waiting` if waiting=true); returns it with data. */
export async function waitForExecution(
	client,
	id,
	{ timeoutMs = 60_000, intervalMs = 150, waiting = false } = {},
) {
	let last;
	const check = async () => {
		try {
			last = await client.getExecution(id);
		} catch (e) {
			if (e?.status === 404) return; // N8nHttpError: not stored yet right after the run started
			throw e;
		}
		if (FINISHED.includes(last.status) || (waiting && last.status === 'waiting')) return last;
	};
	return await poll(check, {
		timeoutMs,
		intervalMs,
		onTimeout: () =>
			new Error(`execution ${id} not finished after ${timeoutMs} ms (last status ${last?.status})`),
	});
}

/** client.runWorkflow + waitForExecution. */
export async function runWorkflowAndWait(client, id, opts = {}) {
	const r = await client.runWorkflow(id, opts);
	if (!r?.executionId)
		throw new Error(`workflow ${id} did not start an execution: ${JSON.stringify(r)}`);
	return await waitForExecution(client, r.executionId, opts);
}

/** Wait until n8n has an execution of workflowId beyond `knownIds` (e.g. after a webhook POST), then until it ends. */
export async function waitForNewExecution(
	client,
	workflowId,
	{ knownIds = [], timeoutMs = 30_000 } = {},
) {
	const check = async (deadline) => {
		const fresh = (await client.listExecutions({ workflowId })).find(
			(e) => !knownIds.includes(e.id),
		);
		if (fresh)
			return await waitForExecution(client, fresh.id, { timeoutMs: deadline - Date.now() });
	};
	return await poll(check, {
		timeoutMs,
		onTimeout: () => new Error(`no new execution of workflow ${workflowId} within ${timeoutMs} ms`),
	});
}

/** Poll the CORS pre-flight of /webhook/<path> (or /webhook-test/) until the webhook is registered. */
export async function waitForWebhook(
	client,
	webhookPath,
	{ method = 'POST', test = false, timeoutMs = 30_000 } = {},
) {
	const url = `/${test ? 'webhook-test' : 'webhook'}/${webhookPath.replace(/^\//, '')}`;
	let last;
	const check = async () => {
		last = await client.raw('OPTIONS', url, {
			auth: 'none',
			headers: { origin: client.baseUrl, 'access-control-request-method': method },
		});
		if (last.status >= 200 && last.status < 300) return last;
	};
	return await poll(check, {
		timeoutMs,
		onTimeout: () => {
			const detail = `${last?.status} ${JSON.stringify(last?.body)}`;
			return new Error(`webhook ${url} not registered after ${timeoutMs} ms (last: ${detail})`);
		},
	});
}

/** runData entries of a node in an execution fetched with includeData. */
export function nodeRuns(execution, nodeName) {
	return execution?.data?.resultData?.runData?.[nodeName] ?? [];
}

/** json of the items a node output (run runIndex, output outputIndex). */
export function nodeJson(execution, nodeName, { runIndex = 0, outputIndex = 0 } = {}) {
	const run = nodeRuns(execution, nodeName)[runIndex];
	return (run?.data?.main?.[outputIndex] ?? []).map((i) => i.json);
}

/** The node error of a run ({message, description, httpCode, ...}) or the execution-level error. */
export function executionError(execution, nodeName) {
	if (nodeName) return nodeRuns(execution, nodeName).find((r) => r.error)?.error ?? null;
	return execution?.data?.resultData?.error ?? null;
}
