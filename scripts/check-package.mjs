// Checks the package the way n8n's verification does, before publishing:
// 1. what `npm pack` publishes: only dist, package.json, README and LICENSE, no runtime dependencies;
// 2. @n8n/scan-community-package's analyzer (the verifier's ESLint gate) over the packed tarball and
//    over the sources. The scanner only scans published packages, so its analyzer is run locally;
//    it is installed once, outside the repository, with --ignore-scripts (its dependency tree has
//    native builds that need a newer Node and that the analyzer does not use).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SCANNER = '@n8n/scan-community-package@0.32.0';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const problems = [];

if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) {
	problems.push(
		`runtime dependencies are not allowed: ${Object.keys(pkg.dependencies).join(', ')}`,
	);
}
if (JSON.stringify(pkg.peerDependencies) !== JSON.stringify({ 'n8n-workflow': '*' })) {
	problems.push(
		`peerDependencies must be exactly {"n8n-workflow":"*"}, got ${JSON.stringify(pkg.peerDependencies)}`,
	);
}
const work = mkdtempSync(path.join(tmpdir(), 'check-package-'));
const [packed] = JSON.parse(
	execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
		cwd: root,
		encoding: 'utf8',
	}),
);
const allowed = /^(dist\/.+|package\.json|README\.md|LICENSE)$/;
const stray = packed.files.map((file) => file.path).filter((file) => !allowed.test(file));
if (stray.length > 0) problems.push(`unexpected files in the package: ${stray.join(', ')}`);
for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!packed.files.some((entry) => entry.path === file))
		problems.push(`${file} is listed in package.json but not packed`);
}
console.log(`packed ${packed.files.length} files, ${packed.size} bytes`);

const scannerDir = path.join(
	homedir(),
	'.cache',
	'n8n-nodes-alibabacloud-chatapp',
	SCANNER.replace(/[@/]/g, '_'),
);
const scannerModule = path.join(
	scannerDir,
	'node_modules',
	'@n8n',
	'scan-community-package',
	'scanner',
	'scanner.mjs',
);
if (!existsSync(scannerModule)) {
	console.log(`installing ${SCANNER} into ${scannerDir}`);
	mkdirSync(scannerDir, { recursive: true });
	execFileSync(
		'npm',
		[
			'install',
			'--prefix',
			scannerDir,
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--no-save',
			SCANNER,
		],
		{
			stdio: 'inherit',
		},
	);
}
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerModule).href);
execFileSync('tar', ['xzf', path.join(work, packed.filename), '-C', work]);
const scans = [
	['packed tarball', await analyzePackage(path.join(work, 'package'))],
	['sources', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
];
for (const [what, result] of scans) {
	console.log(`${SCANNER} analyzer, ${what}: ${result.passed ? 'PASSED' : 'FAILED'}`);
	if (!result.passed) problems.push(`${what}: ${result.message}\n${result.details ?? ''}`);
}
rmSync(work, { recursive: true, force: true });

if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log('package OK: only dist and docs, no runtime dependencies, verifier analyzer passed');
