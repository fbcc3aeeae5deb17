import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import rules the source keeps: outside `transport/` the transport is reached through its
 * index only; inside it, modules import each other directly (never the index, which would make
 * what the index exports depend on load order); the transport reaches no action, content builder
 * or module that reads node parameters; content builders and helpers read no node parameters; and
 * no module imports itself back at runtime.
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
const sourceOf = (target: string) =>
	[`${target}.ts`, join(target, 'index.ts')].find((file) => files.includes(file));
/** n8n's parameter API and description types: only actions, methods and node files use them. */
const READS_PARAMETERS = /\b(getNodeParameter|IExecuteFunctions|INodeProperties)\b/;
const readsParameters = (file: string) => READS_PARAMETERS.test(readFileSync(file, 'utf8'));
const under = (folder: string) => (path: string) => path.startsWith(join(NODE_DIR, folder) + '/');
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

	it('keeps transport/ off actions, content builders and parameter-reading modules', () => {
		const forbidden = sourceFiles(TRANSPORT).flatMap((file) =>
			importsOf(file)
				.filter(({ target }) => !target.startsWith(TRANSPORT + '/'))
				.filter(({ target }) => {
					const source = sourceOf(target);
					return (
						['actions', 'content', 'descriptions', 'methods', 'triggers'].some((folder) =>
							under(folder)(target),
						) ||
						source === undefined ||
						(source.startsWith(NODE_DIR + '/') && readsParameters(source))
					);
				})
				.map(({ target }) => `${show(file)} imports ${show(target)}`),
		);
		expect(forbidden).toEqual([]);
	});

	it('keeps content builders and helpers free of node parameters and of the layers above', () => {
		const pure = [
			...sourceFiles(join(NODE_DIR, 'content')),
			...sourceFiles(join(NODE_DIR, 'helpers')),
		];
		expect(pure.length).toBeGreaterThan(10);
		expect(pure.filter(readsParameters).map(show)).toEqual([]);
		const upward = pure.flatMap((file) =>
			importsOf(file)
				.filter(({ target }) =>
					['actions', 'transport', 'methods', 'triggers', 'queue', 'notifications'].some(
						(folder) => under(folder)(target) || target === join(NODE_DIR, folder),
					),
				)
				.map(({ target }) => `${show(file)} imports ${show(target)}`),
		);
		expect(upward).toEqual([]);
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
