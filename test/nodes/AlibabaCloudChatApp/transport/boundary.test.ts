import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import rules the source keeps: outside `transport/` the transport is reached through its
 * index only; inside it, modules import each other directly (never the index, which would make
 * what the index exports depend on load order); and no module imports itself back at runtime.
 */
const ROOT = resolve(__dirname, '../../../..');
const NODE_DIR = join(ROOT, 'nodes/AlibabaCloudChatApp');
const TRANSPORT = join(NODE_DIR, 'transport');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

interface Import {
	target: string;
	typeOnly: boolean;
}

/** The relative imports and re-exports of a file, resolved to a path without extension. */
function importsOf(file: string): Import[] {
	const text = readFileSync(file, 'utf8');
	const pattern = /^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']*)'/gms;
	return [...text.matchAll(pattern)].map((match) => ({
		target: resolve(dirname(file), match[2]),
		typeOnly: Boolean(match[1]),
	}));
}

const files = [...sourceFiles(NODE_DIR), ...sourceFiles(join(ROOT, 'credentials'))];
const withoutExtension = (file: string) => file.replace(/\.ts$/, '');
const show = (path: string) => relative(ROOT, path);

describe('module boundaries', () => {
	it('finds the sources and their imports', () => {
		expect(files.length).toBeGreaterThan(100);
		expect(importsOf(join(NODE_DIR, 'actions/router.ts')).length).toBeGreaterThan(2);
	});

	it('reaches the transport only through its index from outside transport/', () => {
		const bypassing = files
			.filter((file) => !file.startsWith(TRANSPORT + '/'))
			.flatMap((file) =>
				importsOf(file)
					.filter(({ target }) => target.startsWith(TRANSPORT + '/'))
					.map(({ target }) => `${show(file)} imports ${show(target)}`),
			);
		expect(bypassing).toEqual([]);
	});

	it('keeps modules inside transport/ off its index', () => {
		const throughIndex = sourceFiles(TRANSPORT)
			.filter((file) => !file.endsWith('/index.ts'))
			.flatMap((file) =>
				importsOf(file)
					.filter(({ target }) => target === TRANSPORT || target === join(TRANSPORT, 'index'))
					.map(() => show(file)),
			);
		expect(throughIndex).toEqual([]);
	});

	it('has no runtime import cycle', () => {
		const graph = new Map<string, string[]>();
		for (const file of files) {
			const targets = importsOf(file)
				.filter(({ typeOnly }) => !typeOnly)
				.map(({ target }) => (files.includes(`${target}.ts`) ? target : join(target, 'index')));
			graph.set(withoutExtension(file), targets);
		}
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (node: string, path: string[]) => {
			if (state.get(node) === 'done') return;
			if (state.get(node) === 'open') {
				cycles.push([...path.slice(path.indexOf(node)), node].map(show).join(' → '));
				return;
			}
			state.set(node, 'open');
			for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
			state.set(node, 'done');
		};
		for (const node of graph.keys()) visit(node, []);
		expect(cycles).toEqual([]);
	});
});
