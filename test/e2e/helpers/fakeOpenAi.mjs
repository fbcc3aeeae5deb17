// A stand-in for OpenAI's chat completions API on 127.0.0.1, for driving n8n's AI Agent without a real model:
// the first turn calls the first tool it is offered (every string argument filled with `argument`), and once a
// tool result comes back it answers with that result. It records the requests it got.
import http from 'node:http';

function toolArguments(parameters, argument) {
	const args = {};
	for (const [name, schema] of Object.entries(parameters?.properties ?? {})) {
		args[name] = schema.type === 'object' ? toolArguments(schema, argument) : argument;
	}
	return args;
}

function reply(request, argument) {
	const last = request.messages?.at(-1);
	const tool = request.tools?.[0]?.function;
	if (last?.role === 'tool' || !tool)
		return { role: 'assistant', content: `Done: ${last?.content ?? ''}` };
	const call = {
		name: tool.name,
		arguments: JSON.stringify(toolArguments(tool.parameters, argument)),
	};
	return {
		role: 'assistant',
		content: null,
		tool_calls: [{ id: 'call_1', type: 'function', function: call }],
	};
}

/** @returns {Promise<{url: string, requests: object[], close: () => Promise<void>}>} url = the API base (…/v1) */
export async function startFakeOpenAi({ argument = 'ok' } = {}) {
	const requests = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const request = body ? JSON.parse(body) : {};
			requests.push(request);
			const message = reply(request, argument);
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					id: `chatcmpl-${requests.length}`,
					object: 'chat.completion',
					created: Math.floor(Date.now() / 1000),
					model: request.model,
					choices: [
						{ index: 0, message, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' },
					],
					usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
				}),
			);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/v1`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
