/**
 * The HTTP control API under `/__control/*` (JSON in, JSON out; no signature). Each endpoint maps
 * onto an in-process method of the emulator: GET reads, POST changes.
 */
import type { ServerResponse } from 'node:http';

import type { CamsEmulator } from './emulator';
import { SEED_CHANNELS, SEED_NUMBERS } from './seed';
import { SEED_TEMPLATES } from './seedTemplates';
import type { WireRequest } from './wire';

type Handler = (
	emu: CamsEmulator,
	input: Record<string, unknown>,
	query: URLSearchParams,
) => unknown;

const ROUTES: Record<string, { GET?: Handler; POST?: Handler }> = {
	'': {
		GET: (emu) => ({
			url: emu.url,
			keys: emu.keys,
			seed: { channels: SEED_CHANNELS, numbers: SEED_NUMBERS, templates: SEED_TEMPLATES },
			actions: emu.emulatedActions(),
			endpoints: Object.keys(ROUTES).map((name) => `/__control${name ? `/${name}` : ''}`),
		}),
	},
	reset: { POST: (emu) => (emu.reset(), { reset: true }) },
	calls: {
		GET: (emu, _, q) =>
			emu.calls({
				action: q.get('action') ?? undefined,
				outcome: (q.get('outcome') ?? undefined) as never,
			}),
	},
	sends: {
		GET: (emu, _, q) =>
			emu.sends({ action: q.get('action') ?? undefined, to: q.get('to') ?? undefined }),
	},
	links: {
		GET: (emu, _, q) =>
			emu.links({ to: q.get('to') ?? undefined, messageId: q.get('messageId') ?? undefined }),
	},
	stats: { GET: (emu) => emu.stats() },
	pushes: { GET: (emu, _, q) => emu.pushes({ kind: (q.get('kind') ?? undefined) as never }) },
	settle: {
		POST: async (emu, input) => (
			await emu.settle(Number(input.timeoutMs ?? 10_000)),
			{ settled: true }
		),
	},
	inbound: { POST: (emu, input) => emu.inbound(input as never) },
	faults: { GET: (emu) => emu.faults(), POST: (emu, input) => emu.setFaults(input) },
	config: { GET: (emu) => emu.config(), POST: (emu, input) => emu.configure(input) },
	webhooks: { GET: (emu) => emu.webhooks(), POST: (emu, input) => emu.setWebhooks(input) },
	time: {
		GET: (emu) => ({ now: emu.now(), iso: new Date(emu.now()).toISOString() }),
		POST: (emu, input) => {
			const now = emu.setTime(input as { offsetMs?: number; advanceMs?: number; at?: number });
			return { now, iso: new Date(now).toISOString() };
		},
	},
	templates: {
		GET: (emu, _, q) =>
			emu.templates({
				custSpaceId: q.get('custSpaceId') ?? undefined,
				code: q.get('code') ?? undefined,
			}),
	},
	'templates/status': {
		POST: (emu, input) =>
			emu.setTemplateStatus(
				String(input.code),
				String(input.language),
				input.status as never,
				(input.reason as string) ?? '',
			),
	},
	messages: { GET: (emu) => emu.state.messages },
	'queues/stats': { GET: (emu, _, q) => emu.queues.stats(q.get('name') ?? '') },
	'queues/requests': {
		GET: (emu, _, q) =>
			emu.queues.requests({
				operation: q.get('operation') ?? undefined,
				queue: q.get('queue') ?? undefined,
			}),
	},
};

function reply(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body ?? null);
	res.writeHead(status, {
		'content-type': 'application/json;charset=utf-8',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}

export async function handleControl(
	emu: CamsEmulator,
	wire: WireRequest,
	res: ServerResponse,
): Promise<void> {
	const name = wire.path.replace(/^\/__control\/?/, '').replace(/\/+$/, '');
	const route = ROUTES[name];
	const handler = route?.[wire.method as 'GET' | 'POST'];
	if (!handler)
		return reply(res, route ? 405 : 404, {
			error: `No ${wire.method} /__control/${name}`,
			endpoints: Object.keys(ROUTES),
		});
	let input: Record<string, unknown> = {};
	if (wire.body.length > 0) {
		try {
			input = JSON.parse(wire.body.toString('utf8')) as Record<string, unknown>;
		} catch {
			return reply(res, 400, { error: 'The control API takes a JSON body.' });
		}
	}
	try {
		reply(res, 200, await handler(emu, input, new URLSearchParams(wire.rawQuery)));
	} catch (error) {
		reply(res, 400, { error: (error as Error).message });
	}
}
