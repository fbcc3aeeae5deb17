/** XML answers of the queue service (namespace http://mns.aliyuncs.com/doc/v1/). */
import type { StoredMessage } from './store';

const NS = 'http://mns.aliyuncs.com/doc/v1/';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

export class QueueServiceError extends Error {
	constructor(
		readonly httpStatus: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function errorXml(error: QueueServiceError, requestId: string, host: string): string {
	return `${HEAD}<Error xmlns="${NS}"><Code>${error.code}</Code><Message>${escape(error.message)}</Message><RequestId>${requestId}</RequestId><HostId>${host}</HostId></Error>`;
}

function messageFields(message: StoredMessage): string {
	return [
		['MessageId', message.id],
		['ReceiptHandle', message.handle],
		['MessageBodyMD5', message.bodyMd5],
		['MessageBody', escape(message.body)],
		['EnqueueTime', message.enqueueTime],
		['NextVisibleTime', message.nextVisibleTime],
		['FirstDequeueTime', message.firstDequeueTime],
		['DequeueCount', message.dequeueCount],
		['Priority', message.priority],
	]
		.map(([name, value]) => `<${name}>${value}</${name}>`)
		.join('');
}

export function messagesXml(messages: StoredMessage[]): string {
	return `${HEAD}<Messages xmlns="${NS}">${messages.map((m) => `<Message>${messageFields(m)}</Message>`).join('')}</Messages>`;
}

export function sentXml(message: StoredMessage): string {
	return `${HEAD}<Message xmlns="${NS}"><MessageId>${message.id}</MessageId><MessageBodyMD5>${message.bodyMd5}</MessageBodyMD5></Message>`;
}

export function batchErrorsXml(
	failures: Array<{ code: string; message: string; handle: string }>,
): string {
	const entries = failures.map(
		(f) =>
			`<Error><ErrorCode>${f.code}</ErrorCode><ErrorMessage>${escape(f.message)}</ErrorMessage><ReceiptHandle>${escape(f.handle)}</ReceiptHandle></Error>`,
	);
	return `${HEAD}<Errors xmlns="${NS}">${entries.join('')}</Errors>`;
}

export function changeVisibilityXml(message: StoredMessage): string {
	return `${HEAD}<ChangeVisibility xmlns="${NS}"><ReceiptHandle>${escape(message.handle)}</ReceiptHandle><NextVisibleTime>${message.nextVisibleTime}</NextVisibleTime></ChangeVisibility>`;
}

export function unescape(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

export function elements(xml: string, name: string): string[] {
	return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) =>
		unescape(m[1]),
	);
}
