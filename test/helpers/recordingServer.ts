/**
 * A tiny HTTP server on 127.0.0.1 (random port) that records every request as it arrived on the
 * socket: method, raw URL, headers (lower-case names, plus the raw name/value list), the raw body
 * bytes (after de-chunking) and whether the body was chunked. It answers with a JSON body chosen
 * by `respond` (default `{"Code":"OK","RequestId":"…"}`).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** The request target exactly as sent, e.g. `/?A=1&B=%20`. */
	url: string;
	/** Header values keyed by lower-case name (Node joins repeated headers). */
	headers: Record<string, string>;
	/** `[name, value, name, value, …]` as received, original case. */
	rawHeaders: string[];
	body: Buffer;
	chunked: boolean;
}

export interface RecordedResponse {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
}

export interface RecordingServer {
	/** `127.0.0.1:PORT` (the SDK's `endpoint` form). */
	host: string;
	/** `http://127.0.0.1:PORT`. */
	url: string;
	port: number;
	requests: RecordedRequest[];
	/** The most recent request; throws if there is none. */
	last(): RecordedRequest;
	reset(): void;
	close(): Promise<void>;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

export async function startRecordingServer(
	respond: (request: RecordedRequest) => RecordedResponse | Promise<RecordedResponse> = () => ({}),
): Promise<RecordingServer> {
	const requests: RecordedRequest[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', async () => {
			const recorded: RecordedRequest = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: flatHeaders(req),
				rawHeaders: [...req.rawHeaders],
				body: Buffer.concat(chunks),
				chunked: /chunked/i.test(String(req.headers['transfer-encoding'] ?? '')),
			};
			requests.push(recorded);
			try {
				const reply = await respond(recorded);
				const body = reply.body ?? { RequestId: `req-${requests.length}`, Code: 'OK' };
				res.writeHead(reply.status ?? 200, {
					'content-type': 'application/json;charset=utf-8',
					...reply.headers,
				});
				res.end(typeof body === 'string' ? body : JSON.stringify(body));
			} catch (error) {
				res.writeHead(500, { 'content-type': 'text/plain' });
				res.end(String(error));
			}
		});
	});
	// Keep-alive sockets from clients would hold `close()` open.
	server.keepAliveTimeout = 100;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		host: `127.0.0.1:${port}`,
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		last() {
			const request = requests[requests.length - 1];
			if (!request) throw new Error('The recording server has received no request');
			return request;
		},
		reset() {
			requests.length = 0;
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
