// Load this repo's TypeScript modules (e.g. the CAMS emulator in test/emulator) from ESM scripts and e2e tests
// without a build step: registers ts-node (transpile-only, CommonJS, repo tsconfig) on the CJS loader once, then
// require()s. ts-node is a devDependency, so this works after `npm install` / `npm ci`.
//
//   import { requireTs } from './ts.mjs';
//   const { startEmulator } = requireTs('test/emulator/index.ts');
import { createRequire } from 'node:module';
import path from 'node:path';

import { REPO_ROOT } from './common.mjs';

export { REPO_ROOT }; // for test/e2e/helpers/ts.mjs

const require = createRequire(path.join(REPO_ROOT, 'package.json'));
let registered = false;

/** require() a .ts file (path relative to the repo root, or absolute) through ts-node in transpile-only mode. */
export function requireTs(file) {
	if (!registered) {
		require('ts-node').register({
			transpileOnly: true,
			project: path.join(REPO_ROOT, 'tsconfig.json'),
			compilerOptions: { module: 'commonjs' },
		});
		registered = true;
	}
	return require(path.isAbsolute(file) ? file : path.join(REPO_ROOT, file));
}
