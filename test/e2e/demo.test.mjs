// End-to-end: the README's first command, `npm run demo`, as a newcomer runs it. It must come up with every example
// workflow, answer `npm run demo -- say hi` with the auto-reply (inbound push → trigger → Send Message → emulator),
// hand the same message to the Queue Trigger example, and leave nothing running after Ctrl-C.
//
//   node --test test/e2e/demo.test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';

import { freePort, REPO_ROOT } from '../../scripts/n8n/runtime.mjs';

const DEMO = ['scripts/demo.mjs'];
let demo;
let output = '';
const running = () => demo.exitCode === null && demo.signalCode === null;

/** Resolves with the first match of `pattern` in the demo's output, or fails after `timeoutMs`. */
async function waitForOutput(pattern, timeoutMs) {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		const match = pattern.exec(output);
		if (match) return match;
		if (!running()) throw new Error(`the demo exited (${demo.exitCode}):\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`no ${pattern} in the demo's output after ${timeoutMs} ms:\n${output}`);
}

async function portAnswers(port) {
	try {
		await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
		return true;
	} catch {
		return false;
	}
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
		const stats = async () =>
			await (await fetch(`${emulatorUrl}/__control/queues/stats?name=${queue}`)).json();
		const end = Date.now() + 30_000;
		let seen = await stats();
		while ((seen.deleted < 1 || seen.total > 0) && Date.now() < end) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			seen = await stats();
		}
		assert.ok(
			seen.deleted >= 1 && seen.total === 0,
			`the queue example drained it: ${JSON.stringify(seen)}`,
		);

		process.kill(-demo.pid, 'SIGINT');
		const code = await new Promise((resolve) => demo.once('exit', (exitCode) => resolve(exitCode)));
		assert.equal(code, 0, output);
		assert.match(output, /stopped\./);
		assert.equal(await portAnswers(n8nPort), false, 'n8n is gone');
		assert.equal(await portAnswers(emulatorPort), false, 'the emulator is gone');
	});
});
