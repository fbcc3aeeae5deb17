/**
 * Media download limits: the URL comes from the push body, so it is checked (https only unless
 * allowed), the size is capped and the download times out. Whatever happens to a file, the push is
 * acknowledged and its item says what went wrong in `mediaError`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { forgetSeenEvents } from '../../../nodes/AlibabaCloudChatApp/notifications/dedupeGuard';
import { fixture } from './notifications/fixtures';
import { FakeResponse, post } from './notifications/webhookHarness';

const ACK = { code: 0, msg: 'success' };
const KB = 1024;

let server: Server;
let base: string;
let requests: string[];

beforeAll(async () => {
	server = createServer((req, res) => {
		requests.push(req.url ?? '');
		if (req.url === '/small.png') {
			res.writeHead(200, { 'content-type': 'image/png' });
			res.end(Buffer.alloc(10 * KB, 1));
		} else if (req.url === '/big-declared.bin') {
			res.writeHead(200, { 'content-length': String(2048 * KB) });
			res.end(Buffer.alloc(2048 * KB, 2));
		} else if (req.url === '/big-chunked.bin') {
			// No content-length: the cap has to hold while the body streams in.
			res.writeHead(200, { 'content-type': 'application/octet-stream' });
			for (let chunk = 0; chunk < 32; chunk++) res.write(Buffer.alloc(64 * KB, 3));
			res.end();
		} else if (req.url === '/slow.png') {
			res.writeHead(200, { 'content-type': 'image/png' });
			res.write(Buffer.alloc(KB, 4));
			// Never ends: only the timeout stops this download.
		} else {
			res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
			res.end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
	requests = [];
	forgetSeenEvents();
});

function imageMessages(urls: string[]) {
	const [image] = fixture('inbound-image');
	return Buffer.from(
		JSON.stringify(
			urls.map((url, index) => ({
				...image,
				MessageId: `wamid-media-${index}`,
				Message: JSON.stringify({ id: `m-${index}`, mimeType: 'image/png', url }),
			})),
		),
	);
}

async function receive(urls: string[], options: Record<string, unknown>) {
	const response = new FakeResponse();
	const result = await post({
		rawBody: imageMessages(urls),
		parameters: { options: { downloadMedia: true, ...options } },
		response,
	});
	expect([result.status, result.body, result.executionStarted]).toEqual([200, ACK, true]);
	return result.items.map((item) => ({
		error: item.json.mediaError as string | undefined,
		bytes: item.binary?.data ? Buffer.from(item.binary.data.data, 'base64').length : undefined,
	}));
}

describe('webhook(): media limits', () => {
	it('refuses http:// (and other schemes) by default without fetching, and names the option', async () => {
		const items = await receive([`${base}/small.png`, 'ftp://example.com/a.png', 'not a url'], {});
		expect(items[0].error).toMatch(/only https:\/\/ links.*Allow HTTP Media Links/);
		expect(items[1].error).toMatch(/not ftp:/);
		expect(items[2].error).toMatch(/not a valid URL/);
		expect(items.every((item) => item.bytes === undefined)).toBe(true);
		expect(requests).toEqual([]);
	});

	it('downloads http:// when allowed, within the size cap', async () => {
		expect(await receive([`${base}/small.png`], { allowHttpMedia: true })).toEqual([
			{ error: undefined, bytes: 10 * KB },
		]);
	});

	it('refuses a file over the cap, announced or streamed, and keeps the other items', async () => {
		const items = await receive(
			[`${base}/big-declared.bin`, `${base}/big-chunked.bin`, `${base}/small.png`],
			{ allowHttpMedia: true, maxMediaSizeMb: 1 },
		);
		expect(items[0].error).toMatch(/larger than the limit of 1 MB/);
		expect(items[1].error).toMatch(/larger than the limit of 1 MB/);
		expect(items[2]).toEqual({ error: undefined, bytes: 10 * KB });
	});

	it('stops a download that does not finish in time', async () => {
		const items = await receive([`${base}/slow.png`], {
			allowHttpMedia: true,
			mediaTimeoutSeconds: 1,
		});
		expect(items).toEqual([{ error: 'Media download took longer than 1 s', bytes: undefined }]);
	});

	it('does not follow a redirect (it could lead from https to http)', async () => {
		const [item] = await receive([`${base}/moved.png`], { allowHttpMedia: true });
		expect(item.error).toMatch(/302/);
		expect(requests).toEqual(['/moved.png']);
	});
});
