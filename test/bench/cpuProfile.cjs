// Preloaded into n8n by `npm run bench:n8n -- --profile <dir>` (NODE_OPTIONS refuses --cpu-prof): records a V8
// CPU profile of the whole process through the inspector and writes it to <dir>/<pid>.cpuprofile on exit.
const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
	const session = new inspector.Session();
	session.connect();
	session.post('Profiler.enable');
	session.post('Profiler.start');
	process.once('exit', () => {
		// In-process sessions answer synchronously, so this completes inside the exit handler.
		session.post('Profiler.stop', (error, result) => {
			if (error) return;
			fs.mkdirSync(dir, { recursive: true });
			fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
		});
	});
}
