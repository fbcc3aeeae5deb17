/** The pure parts of the queue trigger: SMQ XML, token expiry, body decoding, failure classes, dedupe guard. */
import { decodeMessageBody } from '../../../../nodes/AlibabaCloudChatApp/queue/body';
import { DedupeGuard, type PendingKeys } from '../../../../nodes/AlibabaCloudChatApp/queue/dedupe';
import { Backoff, queueFailure } from '../../../../nodes/AlibabaCloudChatApp/queue/failure';
import {
	batchReceiveResource,
	changeVisibilityResource,
	parseBatchErrors,
	parseError,
	parseMessages,
	receiptHandlesXml,
} from '../../../../nodes/AlibabaCloudChatApp/queue/protocol';
import {
	needsRefresh,
	parseBeijingTime,
	parseQueueToken,
} from '../../../../nodes/AlibabaCloudChatApp/queue/token';
import { selectEvents } from '../../../../nodes/AlibabaCloudChatApp/notifications/pipeline';
import type { SeenKeys } from '../../../../nodes/AlibabaCloudChatApp/notifications/dedupe';

const DOC_BODY =
	'eyJNZXNzYWdlSWQiOiJtaWQtMSIsIkZyb20iOiI2NTkxMjM0NTY3IiwiVG8iOiI4NjEzODAwMDAwMDAwIiwiVGltZXN0YW1wIjoxNjkxMDQzNjM4MDAwLCJTdGF0dXMiOiJEZWxpdmVyZWQiLCJNc2dGcmFtZVR5cGUiOiJ0ZW1wbGF0ZSIsIlRlbXBsYXRlQ29kZSI6InRwbC0xIn0=';

describe('SMQ XML', () => {
	it('reads the nine fields of every message of a batch, unescaping entities', () => {
		const xml = `<?xml version="1.0" encoding="UTF-8"?><Messages xmlns="http://mns.aliyuncs.com/doc/v1/"><Message><MessageId>0909FF0D</MessageId><ReceiptHandle>1-ODU4+/=</ReceiptHandle><MessageBodyMD5>C562</MessageBodyMD5><MessageBody>a&amp;b&lt;</MessageBody><EnqueueTime>1764644645000</EnqueueTime><NextVisibleTime>1764644675120</NextVisibleTime><FirstDequeueTime>1764644645120</FirstDequeueTime><DequeueCount>3</DequeueCount><Priority>8</Priority></Message><Message><MessageId>B</MessageId><ReceiptHandle>h2</ReceiptHandle><MessageBody>x</MessageBody></Message></Messages>`;
		const [first, second] = parseMessages(xml);
		expect(first).toEqual({
			messageId: '0909FF0D',
			receiptHandle: '1-ODU4+/=',
			body: 'a&b<',
			bodyMd5: 'C562',
			enqueueTime: 1764644645000,
			nextVisibleTime: 1764644675120,
			dequeueCount: 3,
		});
		expect(second.messageId).toBe('B');
	});

	it('tells an <Error> from a partial BatchDeleteMessage <Errors>', () => {
		const error =
			'<Error xmlns="x"><Code>QueueNotExist</Code><Message>The queue name you provided is not exist.</Message><RequestId>R1</RequestId></Error>';
		expect(parseError(error)).toEqual({
			code: 'QueueNotExist',
			message: 'The queue name you provided is not exist.',
			requestId: 'R1',
		});
		const partial =
			'<Errors xmlns="x"><Error><ErrorCode>MessageNotExist</ErrorCode><ErrorMessage>Message not exist.</ErrorMessage><ReceiptHandle>h+1</ReceiptHandle></Error></Errors>';
		expect(parseError(partial)).toBeUndefined();
		expect(parseBatchErrors(partial)).toEqual([
			{ code: 'MessageNotExist', message: 'Message not exist.', receiptHandle: 'h+1' },
		]);
	});

	it('builds request lines: batch within 1..16 and wait within 0..30, handles percent-encoded', () => {
		expect(batchReceiveResource('Q', 99, 45)).toBe(
			'/queues/Q/messages?numOfMessages=16&waitseconds=30',
		);
		expect(changeVisibilityResource('Q', 'a+b/c=', 0)).toBe(
			'/queues/Q/messages?receiptHandle=a%2Bb%2Fc%3D&visibilityTimeout=1',
		);
		expect(receiptHandlesXml(['a&b'])).toContain('<ReceiptHandle>a&amp;b</ReceiptHandle>');
	});
});

describe('temporary keys', () => {
	it('reads ExpireTime as Beijing time (UTC+8)', () => {
		expect(new Date(parseBeijingTime('2025-12-02 11:14:05')!).toISOString()).toBe(
			'2025-12-02T03:14:05.000Z',
		);
		expect(parseBeijingTime('not a date')).toBeUndefined();
	});

	it('refreshes within min(2 min, half the lifetime) of the expiry', () => {
		const now = Date.UTC(2025, 11, 2, 3, 4, 5);
		const body = {
			Code: 'OK',
			MessageTokenDTO: {
				AccessKeyId: 'STS.a',
				AccessKeySecret: 's',
				SecurityToken: 't',
				ExpireTime: '2025-12-02 11:14:05',
			},
		};
		const token = parseQueueToken(body, now)!;
		expect(token.expiresAt - now).toBe(10 * 60_000);
		expect(needsRefresh(token, now + 7 * 60_000)).toBe(false);
		expect(needsRefresh(token, now + 8 * 60_000)).toBe(true);
		const short = { ...token, receivedAt: token.expiresAt - 5000 };
		expect(needsRefresh(short, short.expiresAt - 3000)).toBe(false);
		expect(needsRefresh(short, short.expiresAt - 2500)).toBe(true);
		expect(parseQueueToken({ Code: 'OK' }, now)).toBeUndefined();
	});
});

describe('message bodies', () => {
	it('decodes Base64 JSON (the documented example), raw JSON and arrays; reports anything else', () => {
		expect(decodeMessageBody(DOC_BODY)).toEqual({
			ok: true,
			events: [expect.objectContaining({ MessageId: 'mid-1', Status: 'Delivered' })],
		});
		expect(decodeMessageBody('[{"a":1},{"b":2}]')).toEqual({
			ok: true,
			events: [{ a: 1 }, { b: 2 }],
		});
		expect(decodeMessageBody('hello').ok).toBe(false);
		expect(decodeMessageBody(Buffer.from('"text"').toString('base64')).ok).toBe(false);
	});
});

describe('failures and back-off', () => {
	it('classes queue errors: transient, auth, persistent', () => {
		expect(queueFailure('Q', 503, 'ServiceUnavailable', '').kind).toBe('transient');
		expect(queueFailure('Q', 403, 'AccessDenied', '').kind).toBe('auth');
		const missing = queueFailure('Q', 404, 'QueueNotExist', 'x');
		expect(missing.kind).toBe('persistent');
		expect(missing.message).toContain('"Q"');
	});

	it('doubles up to 60 s with jitter and resets', () => {
		const backoff = new Backoff();
		expect([1, 1, 1, 1, 1, 1, 1, 1].map(() => backoff.next(1))).toEqual([
			1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000,
		]);
		backoff.reset();
		expect(backoff.next(0)).toBe(500);
	});
});

describe('dedupe guard', () => {
	const kinds = new Set(['messageStatus' as const]);
	const events = (ids: string[]) =>
		selectEvents(
			ids.map((id) => ({
				MessageId: id,
				Status: 'Sent',
				MsgFrameType: 'message',
				From: '1',
				To: '2',
			})),
			{ filter: { kinds }, deduplicate: false },
			undefined,
			0,
		).events;

	it('claims at emission, holds duplicates of running runs, and forgets the keys of a failed run', () => {
		let store: SeenKeys | undefined;
		let pending: PendingKeys | undefined;
		const keys = {
			read: () => store,
			save: (seen: SeenKeys) => (store = seen),
			readPending: () => pending,
			savePending: (next: PendingKeys) => (pending = next),
		};
		const guard = new DedupeGuard(keys, true, 'first');
		const first = guard.claim([events(['a']), events(['b'])], 1000);
		expect(first.fresh.map((group) => group.length)).toEqual([1, 1]);
		const again = guard.claim([events(['a'])], 1001);
		expect(again.fresh[0]).toEqual([]);
		expect(again.held).toEqual([true]);
		guard.settle(first.keys, false);
		const retry = guard.claim([events(['a'])], 1002);
		expect(retry.fresh[0]).toHaveLength(1);
		guard.settle(retry.keys, true);
		const late = guard.claim([events(['a'])], 1003);
		expect(late).toMatchObject({ held: [false] });
		expect(late.fresh[0]).toEqual([]);
		guard.claim([events(['c'])], 1004);
		// n8n was killed while the run of "c" went on: the next activation accepts "c" again, "a" not.
		const next = new DedupeGuard(keys, true, 'second');
		const afterRestart = next.claim([events(['a']), events(['c'])], 1005);
		expect(afterRestart.fresh.map((group) => group.length)).toEqual([0, 1]);
	});

	it('keeps the key of a running run past the size cap, and drops it once the run succeeded', () => {
		const keys = {
			read: () => undefined,
			save: () => {},
			readPending: () => undefined,
			savePending: () => {},
		};
		const guard = new DedupeGuard(keys, true, 'first', { maxKeys: 2, ttlMs: 60_000 });
		const running = guard.claim([events(['a'])], 1000);
		const done = guard.claim([events(['b']), events(['c']), events(['d'])], 1001);
		guard.settle(done.keys, true);
		const redelivered = guard.claim([events(['a'])], 1002);
		expect(redelivered.fresh[0]).toEqual([]);
		expect(redelivered.held).toEqual([true]);
		guard.settle(running.keys, true);
		guard.claim([events(['e']), events(['f'])], 1003);
		expect(guard.claim([events(['a'])], 1004).fresh[0]).toHaveLength(1);
	});
});
