// Checks what `npm pack` would publish: only dist, package.json, README and LICENSE, and no
// runtime dependencies (n8n's verification rejects both).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];
if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) {
	problems.push(`runtime dependencies are not allowed: ${Object.keys(pkg.dependencies).join(', ')}`);
}
if (JSON.stringify(pkg.peerDependencies) !== JSON.stringify({ 'n8n-workflow': '*' })) {
	problems.push(`peerDependencies must be exactly {"n8n-workflow":"*"}, got ${JSON.stringify(pkg.peerDependencies)}`);
}
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const allowed = /^(dist\/.+|package\.json|README\.md|LICENSE)$/;
const stray = packed.files.map((file) => file.path).filter((path) => !allowed.test(path));
if (stray.length > 0) problems.push(`unexpected files in the package: ${stray.join(', ')}`);
for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!packed.files.some((file) => file.path === path)) problems.push(`${path} is listed in package.json but not packed`);
}
if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(`package OK: ${packed.files.length} files, ${packed.size} bytes packed, no runtime dependencies`);
