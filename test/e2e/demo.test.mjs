// End-to-end: the README's first command, `npm run demo`, as a newcomer runs it. It must come up with every example
// workflow, answer `npm run demo -- say hi` with the auto-reply (inbound push → trigger → Send Message → emulator),
// hand the same message to the Queue Trigger example, and leave nothing running after Ctrl-C.
//
//   node --test test/e2e/demo.test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';

import { freePort, portFree, REPO_ROOT } from '../../scripts/n8n/runtime.mjs';
import { waitFor } from './helpers/wait.mjs';

const DEMO = ['scripts/demo.mjs'];
let demo;
let output = '';
const running = () => demo.exitCode === null && demo.signalCode === null;

/** Resolves with the first match of `pattern` in the demo's output; fails at once if the demo exits. */
async function waitForOutput(pattern, timeoutMs) {
	const found = await waitFor(() => pattern.exec(output) ?? (running() ? null : 'exited'), {
		timeoutMs,
		intervalMs: 200,
		what: `${pattern} in the demo's output`,
	}).catch((error) => {
		throw new Error(`${error.message}:\n${output}`);
	});
	if (found === 'exited') throw new Error(`the demo exited (${demo.exitCode}):\n${output}`);
	return found;
}

describe('npm run demo', { timeout: 10 * 60_000 }, () => {
	after(async () => {
		if (!demo || !running()) return;
		// Ctrl-C first: the demo stops the n8n it started (n8n runs in a process group of its own, which
		// a SIGKILL of the demo's group would leave behind).
		const exited = new Promise((resolve) => demo.once('exit', resolve));
		process.kill(-demo.pid, 'SIGINT');
		const timer = new Promise((resolve) => setTimeout(resolve, 60_000).unref());
		await Promise.race([exited, timer]);
		if (running()) process.kill(-demo.pid, 'SIGKILL');
	});

	it('starts, answers "say hi" with the auto-reply, and stops cleanly on Ctrl-C', async () => {
		const n8nPort = await freePort();
		const emulatorPort = await freePort();
		demo = spawn(
			process.execPath,
			[...DEMO, '--port', String(n8nPort), '--emulator-port', String(emulatorPort)],
			{ cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
		);
		for (const stream of [demo.stdout, demo.stderr])
			stream.on('data', (chunk) => (output += chunk.toString()));

		await waitForOutput(/ready in \d+ s/, 5 * 60_000);
		const examples = [...output.matchAll(/^\s+(active|inactive)\s{2,}(.+?)\s+http:\/\//gm)];
		assert.equal(examples.length, 7, `every example workflow is listed:\n${output}`);
		assert.ok(
			examples.filter(([, state]) => state === 'active').length >= 6,
			'the examples with triggers are active',
		);
		const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;

		const say = spawnSync(process.execPath, [...DEMO, 'say', 'hi', '--emulator', emulatorUrl], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
			timeout: 60_000,
		});
		assert.equal(say.status, 0, say.stdout + say.stderr);
		const [, messageId] = /\(MessageId (\S+)\)/.exec(say.stdout) ?? [];
		assert.ok(messageId, say.stdout);
		assert.match(say.stdout, new RegExp(`\\(auto-reply, quoting ${messageId}\\)`));

		// The same message went to the inbound queue (QueueFlag Y); the Queue Trigger example takes it off.
		const [, queue] = /inbound queue (\S+) \(QueueFlag Y\)/.exec(output) ?? [];
		assert.ok(queue, `the demo names its inbound queue:\n${output}`);
		await waitFor(
			async () => {
				const url = `${emulatorUrl}/__control/queues/stats?name=${queue}`;
				const seen = await (await fetch(url)).json();
				return seen.deleted >= 1 && seen.total === 0 ? seen : null;
			},
			{ timeoutMs: 30_000, intervalMs: 250, what: `the queue example to drain ${queue}` },
		);

		process.kill(-demo.pid, 'SIGINT');
		const code = await new Promise((resolve) => demo.once('exit', (exitCode) => resolve(exitCode)));
		assert.equal(code, 0, output);
		assert.match(output, /stopped\./);
		assert.equal(await portFree(n8nPort), true, 'n8n is gone');
		assert.equal(await portFree(emulatorPort), true, 'the emulator is gone');
	});
});
