/**
 * The emulator's queue endpoint driven by the official SDK (`@alicloud/mns@1.2.0`): its signature is
 * accepted, long polls wait for a message, visibility timeouts redeliver with DequeueCount + 1 and a
 * new handle, stale handles fail, STS tokens are checked, and errors come back as SMQ documents.
 */
import { camsQueueName, EMULATOR_KEYS, startEmulator, type CamsEmulator } from './index';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MnsClient = require('@alicloud/mns') as new (
	accountId: string,
	options: Record<string, unknown>,
) => Record<string, (...args: unknown[]) => Promise<{ code: number; body: any }>>;

let emu: CamsEmulator;
const QUEUE = 'my-queue';

beforeAll(async () => {
	emu = await startEmulator();
});
beforeEach(() => {
	emu.reset();
	emu.queues.createQueue(QUEUE);
});
afterAll(async () => await emu.close());

const own = () =>
	new MnsClient('1', {
		accessKeyId: EMULATOR_KEYS.accessKeyId,
		accessKeySecret: EMULATOR_KEYS.accessKeySecret,
		endpoint: emu.url,
	});

function temporary(queueName: string) {
	const token = emu.queues.tokens.issue('ChatAppStatus', queueName);
	return new MnsClient('1', { ...token, endpoint: emu.url });
}

const failure = async (promise: Promise<unknown>) => {
	try {
		await promise;
	} catch (error) {
		return (error as Error).name;
	}
	throw new Error('expected a failure');
};

it('sends, long-polls and deletes with the SDK signature', async () => {
	const client = own();
	const waiting = client.batchReceiveMessage(QUEUE, 16, 5);
	await new Promise((resolve) => setTimeout(resolve, 200));
	await client.sendMessage(QUEUE, { MessageBody: 'aGVsbG8=' });
	const received = await waiting;
	expect(received.code).toBe(200);
	const [message] = received.body;
	expect(message).toMatchObject({ MessageBody: 'aGVsbG8=', DequeueCount: '1' });
	const deleted = await client.batchDeleteMessage(QUEUE, [message.ReceiptHandle]);
	expect(deleted.code).toBe(204);
	expect(emu.queues.stats(QUEUE)).toMatchObject({ total: 0, deleted: 1 });
});

it('answers MessageNotExist after the wait when nothing comes', async () => {
	expect(await failure(own().batchReceiveMessage(QUEUE, 16, 1))).toBe('MNSMessageNotExistError');
});

it('redelivers after the visibility timeout with DequeueCount + 1, a new handle, and a stale old one', async () => {
	emu.queues.configure({ visibilityTimeoutS: 1 });
	const client = own();
	await client.sendMessage(QUEUE, { MessageBody: 'eA==' });
	const first = (await client.batchReceiveMessage(QUEUE, 1, 0)).body[0];
	const second = (await client.batchReceiveMessage(QUEUE, 1, 3)).body[0];
	expect(second.MessageId).toBe(first.MessageId);
	expect(second.DequeueCount).toBe('2');
	expect(second.ReceiptHandle).not.toBe(first.ReceiptHandle);
	const partial = await client.batchDeleteMessage(QUEUE, [
		first.ReceiptHandle,
		second.ReceiptHandle,
	]);
	expect(partial.code).toBe(404);
	expect(partial.body).toEqual([
		expect.objectContaining({ ErrorCode: 'MessageNotExist', ReceiptHandle: first.ReceiptHandle }),
	]);
	expect(emu.queues.stats(QUEUE).total).toBe(0);
});

it('gives a new handle on ChangeMessageVisibility and rejects a made-up one', async () => {
	const client = own();
	await client.sendMessage(QUEUE, { MessageBody: 'eA==' });
	const message = (await client.batchReceiveMessage(QUEUE, 1, 0)).body[0];
	const changed = await client.changeMessageVisibility(QUEUE, message.ReceiptHandle, 60);
	expect(changed.body.ReceiptHandle).not.toBe(message.ReceiptHandle);
	expect(await failure(client.deleteMessage(QUEUE, message.ReceiptHandle))).toBe(
		'MNSMessageNotExistError',
	);
	expect(await failure(client.deleteMessage(QUEUE, 'made-up'))).toBe('MNSReceiptHandleErrorError');
	expect((await client.deleteMessage(QUEUE, changed.body.ReceiptHandle)).code).toBe(204);
});

it('checks signature, STS token, expiry and which queue a key may read', async () => {
	const wrong = new MnsClient('1', {
		accessKeyId: EMULATOR_KEYS.accessKeyId,
		accessKeySecret: 'wrong',
		endpoint: emu.url,
	});
	expect(await failure(wrong.batchReceiveMessage(QUEUE, 1, 0))).toBe(
		'MNSSignatureDoesNotMatchError',
	);
	const status = camsQueueName('ChatAppStatus');
	expect(await failure(own().batchReceiveMessage(status, 1, 0))).toBe('MNSAccessDeniedError');
	expect(await failure(temporary(QUEUE).batchReceiveMessage(status, 1, 0))).toBe(
		'MNSAccessDeniedError',
	);
	const token = emu.queues.tokens.issue('ChatAppStatus', status);
	const noToken = new MnsClient('1', {
		accessKeyId: token.accessKeyId,
		accessKeySecret: token.accessKeySecret,
		endpoint: emu.url,
	});
	expect(await failure(noToken.batchReceiveMessage(status, 1, 0))).toBe(
		'MNSInvalidSecurityTokenError',
	);
	expect(await failure(temporary(status).batchReceiveMessage(status, 1, 0))).toBe(
		'MNSMessageNotExistError',
	);
	emu.queues.configure({ tokenLifetimeMs: 1000 });
	const shortLived = temporary(status);
	emu.setTime({ advanceMs: 2000 });
	expect(await failure(shortLived.batchReceiveMessage(status, 1, 0))).toBe(
		'MNSSecurityTokenExpiredError',
	);
	expect(await failure(own().batchReceiveMessage('nope', 1, 0))).toBe('MNSQueueNotExistError');
});

it('puts the events of a QueueFlag Y number into its Communications queue, Base64 JSON', async () => {
	emu.setWebhooks({ senders: { '6591234567': { queueFlag: 'Y' } } });
	emu.inbound({ from: '6590000042', to: '6591234567', type: 'TEXT', text: 'hi' });
	const [message] = emu.queues.messages(camsQueueName('ChatAppInbound'));
	expect(JSON.parse(Buffer.from(message.body, 'base64').toString('utf8'))).toMatchObject({
		From: '6590000042',
	});
});
