/**
 * The trigger end to end: webhook() in n8n-core's real WebhookContext with real HTTP bodies
 * (Buffers, as n8n passes `req.rawBody`), the HTTP status and body n8n 2.8.4 would send, the
 * registration lifecycle against the CAMS emulator, and the emulator's own pushes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { forgetSeenEvents } from '../../../nodes/AlibabaCloudChatApp/notifications/dedupeGuard';
import { MAX_PUSH_BYTES } from '../../../nodes/AlibabaCloudChatApp/notifications/parse';
import { createHookContext } from '../../helpers/n8nCore';
import { fixture, fixtureBytes, fixtureNames, generatedPush } from './notifications/fixtures';
import {
	n8nAnswer,
	FakeResponse,
	NODE_ID,
	post,
	PRODUCTION_URL,
	triggerNode,
	WEBHOOK_ID,
} from './notifications/webhookHarness';

const ACK = { code: 0, msg: 'success' };
const ALL_EVENTS = [
	'inboundMessage',
	'messageStatus',
	'templateReview',
	'phoneNameUpdate',
	'phoneQualityUpdate',
	'wabaReviewUpdate',
	'wabaAccountUpdate',
	'templateCategoryUpdate',
	'templateQualityUpdate',
	'other',
];
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

// Each test starts like a freshly started n8n: nothing remembered in memory (the harness uses
// the same workflow and node IDs everywhere, so the de-duplication guard would link the tests).
beforeEach(() => forgetSeenEvents());

describe('webhook description', () => {
	const webhooks = triggerNode.description.webhooks!;

	it('answers on receipt with our JSON (responseData "" works around n8n 2.8.4 sending "firstEntryJson")', () => {
		for (const webhook of webhooks) {
			expect(webhook).toMatchObject({
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
			});
		}
		const withItems = { webhookResponse: ACK, workflowData: [[{ json: {} }]] };
		expect(n8nAnswer(withItems, new FakeResponse(), webhooks[0]).body).toEqual(ACK);
		const { responseData: _dropped, ...withoutFix } = webhooks[0];
		expect(n8nAnswer(withItems, new FakeResponse(), withoutFix as never).body).toBe(
			'firstEntryJson',
		);
	});

	/** The paths n8n registers, computed the way its WebhookService.getNodeWebhooks does. */
	function registeredPaths(parameters: INodeParameters = {}) {
		const context = createHookContext({ nodeType: triggerNode, parameters });
		const { workflow, node } = context.harness;
		node.webhookId = WEBHOOK_ID;
		return webhooks.map((webhook) => {
			const path = String(
				workflow.expression.getSimpleParameterValue(node, webhook.path, 'internal', {}),
			);
			const isFullPath = webhook.isFullPath === true;
			const full = NodeHelpers.getNodeWebhookPath(workflow.id, node, path, isFullPath, false);
			return { path: full, dynamic: full.startsWith(':') || full.includes('/:') };
		});
	}

	/** n8n's lookup: an exact static path first, then a dynamic one by webhookId and segment count. */
	function route(paths: Array<{ path: string; dynamic: boolean }>, requestPath: string): number {
		const exact = paths.findIndex((p) => !p.dynamic && p.path === requestPath);
		if (exact !== -1) return exact;
		const [id, ...rest] = requestPath.split('/');
		return id === WEBHOOK_ID
			? paths.findIndex((p) => p.dynamic && p.path.split('/').length === rest.length)
			: -1;
	}

	it('puts the secret (by default the node ID) in the URL, and routes wrong or missing secrets to the node too', () => {
		const paths = registeredPaths();
		expect(paths).toEqual([
			{ path: `${WEBHOOK_ID}/${NODE_ID}`, dynamic: false },
			{ path: `:secret_${NODE_ID}`, dynamic: true },
			{ path: WEBHOOK_ID, dynamic: false },
		]);
		expect(route(paths, `${WEBHOOK_ID}/${NODE_ID}`)).toBe(0);
		expect(route(paths, `${WEBHOOK_ID}/guessed-secret`)).toBe(1);
		expect(route(paths, WEBHOOK_ID)).toBe(2);
		const context = createHookContext({
			nodeType: triggerNode,
			webhookData: { webhookDescription: webhooks[0] } as never,
		});
		context.harness.node.webhookId = WEBHOOK_ID;
		expect(context.getNodeWebhookUrl('default')).toBe(PRODUCTION_URL);
	});

	it('uses the Path Secret when one is set', () => {
		expect(registeredPaths({ pathSecret: 'my-own-secret-0123' })[0].path).toBe(
			`${WEBHOOK_ID}/my-own-secret-0123`,
		);
	});

	it('hides the two catch-all URLs in the editor and keeps one visible URL', () => {
		expect(webhooks.map((webhook) => webhook.ndvHideUrl === true)).toEqual([false, true, true]);
	});
});

describe('webhook(): valid pushes', () => {
	it('answers 200 {"code":0,"msg":"success"} and starts one execution with one item per event', async () => {
		const result = await post({ rawBody: fixtureBytes('inbound-doc-example') });
		expect([result.status, result.body, result.executionStarted]).toEqual([200, ACK, true]);
		expect(result.items.map((item) => item.json.messageId)).toEqual(['wamid-1', 'wamid-2']);
		expect(result.items[1].json).toMatchObject({
			event: 'inboundMessage',
			text: 'Track',
			payload: 'track_A123',
		});
		expect(result.response.headersSent).toBe(false);
	});

	it.each(fixtureNames())(
		'turns every event of %s into an item when all events are chosen',
		async (name) => {
			const result = await post({
				rawBody: fixtureBytes(name),
				parameters: { events: ALL_EVENTS },
			});
			expect([result.status, result.body]).toEqual([200, ACK]);
			expect(result.items.map((item) => item.json.raw)).toEqual(fixture(name));
		},
	);

	it('keeps only inbound messages by default from a push that mixes kinds', async () => {
		const mixed = [
			...fixture('status-template-frame'),
			...fixture('inbound-text'),
			...fixture('audit-v2'),
			...fixture('inbound-image'),
		];
		const result = await post({ rawBody: bytes(mixed) });
		expect(result.items.map((item) => item.json.messageId)).toEqual([
			'wamid-text-1',
			'wamid-image-1',
		]);
	});

	it('splits a mixed push into the chosen kinds, in push order', async () => {
		const mixed = [...fixture('audit-v2'), ...fixture('status-viber'), ...fixture('inbound-reply')];
		const result = await post({
			rawBody: bytes(mixed),
			parameters: { events: ['messageStatus', 'phoneQualityUpdate', 'templateReview'] },
		});
		expect(
			result.items.map((item) => `${item.json.event}/${item.json.status ?? item.json.auditStatus}`),
		).toEqual([
			'templateReview/fail',
			'phoneQualityUpdate/YELLOW',
			'messageStatus/unsubscribe',
			'messageStatus/subscribe',
		]);
	});

	it('acknowledges a push whose events are all filtered out, without starting an execution', async () => {
		const result = await post({ rawBody: fixtureBytes('status-template-frame') });
		expect([result.status, result.body, result.executionStarted]).toEqual([200, ACK, false]);
		const filtered = await post({
			rawBody: fixtureBytes('status-template-frame'),
			parameters: { events: ['messageStatus'], options: { statuses: ['deleted'] } },
		});
		expect([filtered.status, filtered.body, filtered.executionStarted]).toEqual([200, ACK, false]);
	});

	it('acknowledges an empty array without starting an execution', async () => {
		const result = await post({ rawBody: Buffer.from('[]') });
		expect([result.status, result.body, result.executionStarted]).toEqual([200, ACK, false]);
	});

	it('splits a 1,000-event push into 1,000 items in push order', async () => {
		const push = generatedPush(1000);
		const started = Date.now();
		const result = await post({ rawBody: bytes(push), parameters: { events: ALL_EVENTS } });
		expect(Date.now() - started).toBeLessThan(2000);
		expect([result.status, result.body]).toEqual([200, ACK]);
		expect(result.items).toHaveLength(1000);
		expect(result.items.map((item) => item.json.raw)).toEqual(push);
	});

	it('does not deliver the same push twice when deduplicating (the default), and does when not', async () => {
		const push = bytes(generatedPush(300));
		const parameters = { events: ALL_EVENTS };
		const staticData: IDataObject = {};
		const first = await post({ rawBody: push, parameters, staticData });
		const second = await post({ rawBody: push, parameters, staticData });
		expect([first.items.length, first.executionStarted]).toEqual([300, true]);
		expect([second.status, second.body, second.executionStarted, second.items.length]).toEqual([
			200,
			ACK,
			false,
			0,
		]);
		const saved = (staticData['node:Alibaba Cloud Chat App Trigger'] as IDataObject).seenEvents as {
			keys: string;
		};
		expect(saved.keys.split(',')).toHaveLength(300);

		const noDedupe = { events: ALL_EVENTS, deduplicate: false };
		const kept: IDataObject = {};
		expect(
			(await post({ rawBody: push, parameters: noDedupe, staticData: kept })).items,
		).toHaveLength(300);
		expect(
			(await post({ rawBody: push, parameters: noDedupe, staticData: kept })).items,
		).toHaveLength(300);
		expect(kept).toEqual({});
	});

	it('delivers a re-pushed batch only once even when it overlaps a new one', async () => {
		const staticData: IDataObject = {};
		const [a, b, c] = fixture('status-template-frame');
		await post({ rawBody: bytes([a, b]), parameters: { events: ['messageStatus'] }, staticData });
		const overlap = await post({
			rawBody: bytes([b, c, c]),
			parameters: { events: ['messageStatus'] },
			staticData,
		});
		expect(overlap.items.map((item) => item.json.status)).toEqual(['Read']);
	});

	it('reads the body n8n parsed when there is no raw body', async () => {
		const result = await post({ rawBody: null, body: fixture('inbound-text') });
		expect([result.status, result.body, result.items.length]).toEqual([200, ACK, 1]);
	});

	it('applies the status, message type and allow-list options', async () => {
		const mixed = bytes([
			...fixture('status-template-frame'),
			...fixture('inbound-text'),
			...fixture('inbound-image'),
			...fixture('status-viber'),
		]);
		const statuses = await post({
			rawBody: mixed,
			parameters: { events: ['messageStatus'], options: { statuses: ['failed', 'read'] } },
		});
		expect(statuses.items.map((item) => item.json.status)).toEqual(['Read', 'Failed']);
		const types = await post({
			rawBody: mixed,
			parameters: { options: { inboundTypes: ['IMAGE'] } },
		});
		expect(types.items.map((item) => item.json.messageType)).toEqual(['IMAGE']);
		const allowed = await post({
			rawBody: mixed,
			parameters: { events: ALL_EVENTS, options: { allowedIds: '3000001' } },
		});
		expect(allowed.items.map((item) => item.json.status)).toEqual(['unsubscribe', 'subscribe']);
	});
});

describe('webhook(): rejected requests', () => {
	const invalid: Array<[string, Buffer, string]> = [
		[
			'malformed JSON',
			Buffer.from('[{"MessageId":"x",'),
			'Bad request: The body is not valid JSON',
		],
		[
			'an empty body',
			Buffer.alloc(0),
			'Bad request: The body is empty; CAMS sends a JSON array of events',
		],
		[
			'a JSON object instead of an array',
			fixtureBytes('inbound-text').subarray(1, -2),
			'Bad request: The body must be a JSON array of events',
		],
		[
			'an array of strings',
			Buffer.from('["a","b"]'),
			'Bad request: Element 0 of the array is not a JSON object',
		],
		[
			'more than 10,000 events',
			bytes(Array.from({ length: 10_001 }, () => ({}))),
			'Bad request: The push has 10001 events; at most 10000 are accepted',
		],
		[
			'a body over 5 MB',
			Buffer.alloc(MAX_PUSH_BYTES + 1, 0x20),
			`Bad request: The body is larger than ${MAX_PUSH_BYTES} bytes`,
		],
	];

	it.each(invalid)(
		'answers 400 with a JSON error to %s and starts nothing',
		async (_label, rawBody, msg) => {
			const staticData: IDataObject = {};
			const result = await post({ rawBody, parameters: { events: ALL_EVENTS }, staticData });
			expect([result.status, result.body, result.executionStarted]).toEqual([
				400,
				{ code: 400, msg },
				false,
			]);
			expect(result.result).toEqual({ noWebhookResponse: true });
			expect(staticData).toEqual({});
		},
	);

	const unauthorized = {
		code: 401,
		msg: 'Unauthorized: the secret in the webhook path is wrong or missing',
	};

	it('answers 401 to a wrong secret on the catch-all path and to a missing one on the bare path', async () => {
		const wrong = await post({
			webhookIndex: 1,
			path: `/webhook/${WEBHOOK_ID}/guess`,
			params: { [`secret_${NODE_ID}`]: 'guess' },
			rawBody: fixtureBytes('inbound-text'),
		});
		expect([wrong.status, wrong.body, wrong.executionStarted]).toEqual([401, unauthorized, false]);
		const missing = await post({
			webhookIndex: 2,
			path: `/webhook/${WEBHOOK_ID}`,
			rawBody: fixtureBytes('inbound-text'),
		});
		expect([missing.status, missing.body, missing.executionStarted]).toEqual([
			401,
			unauthorized,
			false,
		]);
	});

	it('checks the secret itself even on the exact path (e.g. a case-insensitive route match)', async () => {
		const wrongCase = await post({
			path: `/webhook/${WEBHOOK_ID}/${NODE_ID.toUpperCase()}`,
			rawBody: fixtureBytes('inbound-text'),
		});
		expect([wrongCase.status, wrongCase.body]).toEqual([401, unauthorized]);
	});

	it('checks the secret before the body, so a stranger learns nothing about the payload rules', async () => {
		const result = await post({
			webhookIndex: 2,
			path: `/webhook/${WEBHOOK_ID}`,
			rawBody: Buffer.from('nonsense'),
		});
		expect(result.status).toBe(401);
	});

	it('accepts a custom Path Secret and then rejects the node ID', async () => {
		const parameters = { pathSecret: 'my-own-secret-0123' };
		const good = await post({
			parameters,
			path: `/webhook-test/${WEBHOOK_ID}/my-own-secret-0123`,
			rawBody: fixtureBytes('inbound-text'),
			mode: 'manual',
		});
		expect([good.status, good.body, good.items.length]).toEqual([200, ACK, 1]);
		const old = await post({ parameters, rawBody: fixtureBytes('inbound-text') });
		expect([old.status, old.executionStarted]).toEqual([401, false]);
	});
});

describe('webhook(): media download', () => {
	let server: Server;
	let base: string;
	let response: FakeResponse;
	const acknowledgedBeforeDownload: boolean[] = [];
	const PNG = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
		'base64',
	);

	beforeAll(async () => {
		server = createServer((req, res) => {
			acknowledgedBeforeDownload.push(response.headersSent && response.statusCode === 200);
			if (req.url === '/photo.png') {
				res.writeHead(200, { 'content-type': 'image/png' });
				res.end(PNG);
			} else {
				res.writeHead(404, { 'content-type': 'text/plain' });
				res.end('expired');
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	it('acknowledges first, then downloads media into binary "data"; a failed download is reported on its item', async () => {
		const [image] = fixture('inbound-image');
		const good = {
			...image,
			Message: JSON.stringify({
				id: 'img-1',
				mimeType: 'image/png',
				url: `${base}/photo.png`,
				caption: 'hi',
			}),
		};
		const gone = {
			...image,
			MessageId: 'wamid-gone',
			Message: JSON.stringify({ id: 'img-2', mimeType: 'image/png', url: `${base}/gone.png` }),
		};
		const [text] = fixture('inbound-text');
		response = new FakeResponse();
		const result = await post({
			rawBody: bytes([good, gone, text]),
			parameters: { options: { downloadMedia: true, allowHttpMedia: true } },
			response,
		});
		expect([result.status, result.body, result.executionStarted]).toEqual([200, ACK, true]);
		expect(acknowledgedBeforeDownload).toEqual([true, true]);
		expect(result.result.noWebhookResponse).toBe(true);
		const [withFile, failed, plain] = result.items;
		expect(withFile.binary?.data).toMatchObject({
			mimeType: 'image/png',
			data: PNG.toString('base64'),
		});
		expect(failed.binary).toBeUndefined();
		expect(failed.json.mediaError).toEqual(expect.stringContaining('404'));
		expect(plain).toEqual({ json: expect.objectContaining({ messageId: 'wamid-text-1' }) });
	});
});
