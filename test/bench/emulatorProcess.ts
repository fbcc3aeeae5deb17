/**
 * The CAMS emulator in a child process, for benchmarks that measure how close the node gets to
 * CAMS's own limits: in production CAMS runs elsewhere, so its work must not share the node's
 * thread. Read what it saw through its control API.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import type { EmulatorOptions } from '../emulator/types';

export interface EmulatorProcess {
	url: string;
	control<T>(route: string): Promise<T>;
	close(): Promise<void>;
}

const CLI = path.join(__dirname, '..', 'emulator', 'cli.ts');

export async function startEmulatorProcess(options: EmulatorOptions): Promise<EmulatorProcess> {
	const child = spawn(process.execPath, ['-r', 'ts-node/register', CLI], {
		env: {
			...process.env,
			PORT: '0',
			EMULATOR_LOG: '0',
			EMULATOR_OPTIONS: JSON.stringify(options),
			TS_NODE_TRANSPILE_ONLY: 'true',
			TS_NODE_PREFER_TS_EXTS: 'true',
		},
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) =>
			reject(new Error(`The emulator exited (${code}) before it listened`)),
		);
	});
	child.stdout.resume();
	return {
		url,
		async control<T>(route: string): Promise<T> {
			const response = await fetch(`${url}/__control/${route}`);
			if (!response.ok) throw new Error(`GET /__control/${route}: HTTP ${response.status}`);
			return (await response.json()) as T;
		},
		async close() {
			child.kill('SIGTERM');
			await exited;
		},
	};
}
