#!/usr/bin/env node
// Start a real n8n 2.8.4 with this package loaded (built + packed + installed like a community package) and keep it
// running until Ctrl-C. Prints the editor URL, the owner login and an API key.
//
//   node scripts/n8n/serve.mjs [--port 5678] [--no-build] [--keep] [--pkg-dir DIR]
//
// --keep (or N8N_E2E_KEEP=1) keeps the throwaway user folder (DB, log) after stopping.
import { cliOptions } from './common.mjs';
import { DEFAULT_OWNER, launch, REPO_ROOT } from './runtime.mjs';

const { opt, flag } = cliOptions();
let stopping = null;
let running = null;
const shutdown = async (sig) => {
	if (stopping) return;
	stopping = true;
	process.stderr.write(`\n[serve] ${sig}: stopping n8n...\n`);
	if (running) await running.stop();
	process.exit(0);
};
// registered before launch() so process.mjs leaves SIGINT/SIGTERM to us
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

running = await launch({
	pkgDir: opt('--pkg-dir') ?? REPO_ROOT,
	build: !flag('--no-build'),
	keep: flag('--keep') || !!process.env.N8N_E2E_KEEP,
	port: opt('--port') ? Number(opt('--port')) : undefined,
});
const { n8n, client, packageName, nodeTypes, timings } = running;
console.log(`
n8n ${n8n.baseUrl}/   (127.0.0.1 only)
  login     ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}
  API key   ${client.apiKey}
  package   ${packageName}: ${nodeTypes.join(', ')}
  folder    ${n8n.userFolder}
  log       ${n8n.logFile}
  timings   ${JSON.stringify(timings)}
Ctrl-C to stop.`);
if (stopping) await running.stop();
