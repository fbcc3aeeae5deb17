// A loopback HTTP sink that counts what n8n's workers POST to it (one JSON body {id} per item), so a test can
// count items across hundreds of executions without reading them all back from n8n.
import http from 'node:http';

export async function startSink() {
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
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
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
