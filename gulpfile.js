const path = require('path');
const { task, src, dest } = require('gulp');

// n8n resolves `file:` icons relative to the compiled node and credential files, so copy them into dist.
task('build:icons', copyIcons);

function copyIcons() {
	const icons = src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'icons')));
	const nodeAssets = src('nodes/**/*.{png,svg,json}', { base: '.' }).pipe(dest('dist'));
	return Promise.all([streamDone(icons), streamDone(nodeAssets)]);
}

function streamDone(stream) {
	return new Promise((resolve, reject) =>
		stream.on('end', resolve).on('finish', resolve).on('error', reject),
	);
}
