import {
	MAX_PUSH_BYTES,
	MAX_PUSH_EVENTS,
	parsePushBody,
} from '../../../../nodes/AlibabaCloudChatApp/notifications/parse';
import { fixtureBytes, fixtureNames } from './fixtures';

describe('parsePushBody', () => {
	it.each(fixtureNames())('accepts the bytes of fixture %s', (name) => {
		const bytes = fixtureBytes(name);
		const result = parsePushBody(bytes);
		expect(result).toEqual({ ok: true, events: JSON.parse(bytes.toString('utf8')) });
	});

	it('accepts a string, a byte-order mark, surrounding white space and an already parsed array', () => {
		expect(parsePushBody('[{"a":1}]')).toEqual({ ok: true, events: [{ a: 1 }] });
		expect(parsePushBody(Buffer.from('\uFEFF \n[{"a":1}]\n'))).toEqual({
			ok: true,
			events: [{ a: 1 }],
		});
		expect(parsePushBody([{ a: 1 }])).toEqual({ ok: true, events: [{ a: 1 }] });
	});

	it('accepts an empty array: a valid push with nothing in it', () => {
		expect(parsePushBody(Buffer.from('[]'))).toEqual({ ok: true, events: [] });
	});

	it('reads a Uint8Array view without copying past its bounds', () => {
		const backing = Buffer.from('xx[{"a":1}]yy');
		expect(parsePushBody(new Uint8Array(backing.buffer, backing.byteOffset + 2, 9))).toEqual({
			ok: true,
			events: [{ a: 1 }],
		});
	});

	it.each([
		['an empty body', Buffer.alloc(0), 'The body is empty; CAMS sends a JSON array of events'],
		[
			'white space only',
			Buffer.from('  \n '),
			'The body is empty; CAMS sends a JSON array of events',
		],
		['no body at all', undefined, 'The body is empty; CAMS sends a JSON array of events'],
		['malformed JSON', Buffer.from('[{"MessageId":'), 'The body is not valid JSON'],
		['form data', Buffer.from('MessageId=1&Status=Read'), 'The body is not valid JSON'],
		['a JSON object', Buffer.from('{"MessageId":"1"}'), 'The body must be a JSON array of events'],
		['a JSON string', Buffer.from('"hello"'), 'The body must be a JSON array of events'],
		['JSON null', Buffer.from('null'), 'The body must be a JSON array of events'],
		['an array of numbers', Buffer.from('[1,2]'), 'Element 0 of the array is not a JSON object'],
		[
			'an array with null',
			Buffer.from('[{"a":1},null]'),
			'Element 1 of the array is not a JSON object',
		],
		[
			'an array of arrays',
			Buffer.from('[{"a":1},{"b":2},[]]'),
			'Element 2 of the array is not a JSON object',
		],
		['a parsed object', { MessageId: '1' }, 'The body must be a JSON array of events'],
	])('rejects %s', (_label, body, error) => {
		expect(parsePushBody(body)).toEqual({ ok: false, error });
	});

	it(`rejects more than ${MAX_PUSH_EVENTS} events`, () => {
		const body = Buffer.from(
			JSON.stringify(Array.from({ length: MAX_PUSH_EVENTS + 1 }, () => ({}))),
		);
		expect(parsePushBody(body)).toEqual({
			ok: false,
			error: `The push has ${MAX_PUSH_EVENTS + 1} events; at most ${MAX_PUSH_EVENTS} are accepted`,
		});
		expect(
			parsePushBody(
				Buffer.from(JSON.stringify(Array.from({ length: MAX_PUSH_EVENTS }, () => ({})))),
			).ok,
		).toBe(true);
	});

	it('rejects a body over the size limit before decoding it, as bytes or as a string', () => {
		const padding = 'x'.repeat(MAX_PUSH_BYTES);
		const body = Buffer.from(`[{"pad":"${padding}"}]`);
		const error = `The body is larger than ${MAX_PUSH_BYTES} bytes`;
		expect(parsePushBody(body)).toEqual({ ok: false, error });
		expect(parsePushBody(body.toString('utf8'))).toEqual({ ok: false, error });
	});

	it('measures the limit in bytes, not characters', () => {
		const multiByte = '€'.repeat(Math.ceil(MAX_PUSH_BYTES / 3) + 10);
		expect(parsePushBody(`[{"t":"${multiByte}"}]`).ok).toBe(false);
	});
});
