// Load this repo's TypeScript modules (e.g. the emulator in test/emulator) from ESM e2e tests (ts-node,
// transpile-only). The implementation lives in scripts/n8n/ts.mjs so that `npm run demo` can use it too.
//
//   import { requireTs } from '../helpers/ts.mjs';
//   const { startEmulator } = requireTs('test/emulator/index.ts');
export { REPO_ROOT, requireTs } from '../../../scripts/n8n/ts.mjs';
