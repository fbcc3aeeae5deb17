// A loopback HTTP sink that counts what n8n's workers POST to it (one JSON body {id} per item), so a test can
// count items across hundreds of executions without reading them all back from n8n.
import http from 'node:http';

/** `delayMs` holds each answer, so executions stay on their worker long enough to be interrupted. */
export async function startSink({ delayMs = 0 } = {}) {
	const counts = new Map();
	let total = 0;
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			try {
				const { id } = JSON.parse(body);
				counts.set(id, (counts.get(id) ?? 0) + 1);
				total++;
			} catch {}
			const answer = () => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end('{"ok":true}');
			};
			if (delayMs) setTimeout(answer, delayMs);
			else answer();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/`,
		count: () => total,
		countsById: () => new Map(counts),
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}
