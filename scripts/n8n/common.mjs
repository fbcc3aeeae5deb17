// Small pieces every module in scripts/n8n (and the scripts using them) shares: the repo root, the `[n8n]` log
// line, durations, sleeping and polling, command-line options.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const defaultLog = (msg) => process.stderr.write(`[n8n] ${msg}\n`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

/**
 * Calls check(deadline) every intervalMs until it returns something other than undefined, and returns that.
 * After timeoutMs throws onTimeout(). An error thrown by check ends the wait at once.
 */
export async function poll(check, { timeoutMs, intervalMs = 150, onTimeout }) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await check(deadline);
		if (value !== undefined) return value;
		await sleep(intervalMs);
	}
	throw onTimeout();
}

/** `--name value` and `--flag` lookups on a script's arguments. */
export function cliOptions(args = process.argv.slice(2)) {
	return {
		args,
		opt(name, fallback) {
			const i = args.indexOf(name);
			return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
		},
		flag: (name) => args.includes(name),
	};
}
