/**
 * The consumer side of the SMQ (formerly MNS) queue REST API, version 2015-06-06: request lines and
 * XML bodies. Pure. API reference: https://www.alibabacloud.com/help/en/mns/developer-reference/
 * (BatchReceiveMessage, BatchDeleteMessage, ChangeMessageVisibility, error responses).
 */

const XML_NAMESPACE = 'http://mns.aliyuncs.com/doc/v1/';
/** Batch operations take at most 16 messages; a long poll waits at most 30 s. */
export const MAX_BATCH = 16;
export const MAX_WAIT_SECONDS = 30;

export interface QueueMessage {
	messageId: string;
	receiptHandle: string;
	body: string;
	bodyMd5: string;
	enqueueTime: number;
	nextVisibleTime: number;
	dequeueCount: number;
}

export interface QueueError {
	code: string;
	message: string;
	requestId?: string;
	/** Set on the per-handle entries of a partial BatchDeleteMessage failure. */
	receiptHandle?: string;
}

function queuePath(queueName: string): string {
	return `/queues/${encodeURIComponent(queueName)}/messages`;
}

export function batchReceiveResource(
	queueName: string,
	count: number,
	waitSeconds: number,
): string {
	const n = Math.min(MAX_BATCH, Math.max(1, Math.floor(count)));
	const wait = Math.min(MAX_WAIT_SECONDS, Math.max(0, Math.floor(waitSeconds)));
	return `${queuePath(queueName)}?numOfMessages=${n}&waitseconds=${wait}`;
}

export function batchDeleteResource(queueName: string): string {
	return queuePath(queueName);
}

/**
 * Handles may contain `+`, `/` and `=`; they are percent-encoded (as the Go SDK does) so no layer
 * can turn `+` into a space. The signature covers this exact string.
 */
export function changeVisibilityResource(
	queueName: string,
	receiptHandle: string,
	seconds: number,
): string {
	const timeout = Math.min(43_200, Math.max(1, Math.floor(seconds)));
	return `${queuePath(queueName)}?receiptHandle=${encodeURIComponent(receiptHandle)}&visibilityTimeout=${timeout}`;
}

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

export function unescapeXml(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
		const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
		const lower = name.toLowerCase();
		if (lower in named) return named[lower];
		const code = lower.startsWith('#x')
			? parseInt(lower.slice(2), 16)
			: parseInt(lower.slice(1), 10);
		return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
	});
}

/** `<ReceiptHandles>` for BatchDeleteMessage, byte for byte what the official Node SDK sends. */
export function receiptHandlesXml(handles: string[]): string {
	const items = handles.map((handle) => `<ReceiptHandle>${escapeXml(handle)}</ReceiptHandle>`);
	return `<?xml version="1.0" encoding="UTF-8"?><ReceiptHandles xmlns="${XML_NAMESPACE}">${items.join('')}</ReceiptHandles>`;
}

function field(xml: string, name: string): string | undefined {
	const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
	return match ? unescapeXml(match[1]) : undefined;
}

function blocks(xml: string, name: string): string[] {
	return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]);
}

function parseMessage(xml: string): QueueMessage | undefined {
	const messageId = field(xml, 'MessageId');
	const receiptHandle = field(xml, 'ReceiptHandle');
	if (!messageId || !receiptHandle) return undefined;
	return {
		messageId,
		receiptHandle,
		body: field(xml, 'MessageBody') ?? '',
		bodyMd5: field(xml, 'MessageBodyMD5') ?? '',
		enqueueTime: Number(field(xml, 'EnqueueTime') ?? 0),
		nextVisibleTime: Number(field(xml, 'NextVisibleTime') ?? 0),
		dequeueCount: Number(field(xml, 'DequeueCount') ?? 1),
	};
}

/** The messages of a `<Messages>` (batch) or `<Message>` (single) answer; malformed ones are skipped. */
export function parseMessages(xml: string): QueueMessage[] {
	return blocks(xml, 'Message')
		.map(parseMessage)
		.filter((message): message is QueueMessage => message !== undefined);
}

/** An `<Error>` document, or undefined when the text is not one. */
export function parseError(xml: string): QueueError | undefined {
	const error = /<Error[\s>][\s\S]*<\/Error>/.exec(xml)?.[0];
	if (!error || /<Errors[\s>]/.test(xml)) return undefined;
	const code = field(error, 'Code');
	if (!code) return undefined;
	return { code, message: field(error, 'Message') ?? '', requestId: field(error, 'RequestId') };
}

/** The per-handle failures of a partial BatchDeleteMessage (`<Errors>`); the others were deleted. */
export function parseBatchErrors(xml: string): QueueError[] {
	if (!/<Errors[\s>]/.test(xml)) return [];
	return blocks(xml, 'Error').map((entry) => ({
		code: field(entry, 'ErrorCode') ?? '',
		message: field(entry, 'ErrorMessage') ?? '',
		receiptHandle: field(entry, 'ReceiptHandle'),
	}));
}

/** The new handle that ChangeMessageVisibility returns; the old one stops working. */
export function parseChangeVisibility(xml: string): string | undefined {
	return field(xml, 'ReceiptHandle');
}
