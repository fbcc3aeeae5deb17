/** Test helpers: raw HTTP, signed calls with our signer, the official SDK, and a webhook receiver. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import Cams from '@alicloud/cams20200606';
import * as $OpenApi from '@alicloud/openapi-client';

import { buildSignedRequest, type SignedWireRequest } from '../../credentials/common/acs/request';
import { acsTimestamp, type AcsKeys } from '../../credentials/common/acs/signer';
import { BODY_PARAMETERS } from '../../nodes/AlibabaCloudChatApp/transport/placement';
import { API_VERSION, EMULATOR_KEYS, type CamsEmulator } from './index';

export interface RawResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
	json: Record<string, unknown>;
}

/** Sends exactly the given bytes and headers (Host included) to the emulator. */
export function rawRequest(
	url: string,
	init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{ method: init.method ?? 'POST', headers: init.headers, agent: false },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json: Record<string, unknown> = {};
					try {
						json = JSON.parse(text) as Record<string, unknown>;
					} catch {
						// XML or empty bodies stay in `text`.
					}
					resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
				});
			},
		);
		request.on('error', reject);
		request.end(init.body);
	});
}

export const MAIN_KEYS: AcsKeys = {
	accessKeyId: EMULATOR_KEYS.accessKeyId,
	accessKeySecret: EMULATOR_KEYS.accessKeySecret,
};
export const STS_KEYS: AcsKeys = { ...EMULATOR_KEYS.sts };

/** Signs a call with our ACS3 signer (dated by the emulator clock), placing parameters in query/body as the SDK does. */
export function signCall(
	emu: CamsEmulator,
	action: string,
	params: Record<string, unknown> = {},
	options: { keys?: AcsKeys; date?: string; nonce?: string; version?: string } = {},
): SignedWireRequest {
	const bodyNames = new Set(BODY_PARAMETERS[action] ?? []);
	const qs: Record<string, unknown> = {};
	const body: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(params)) (bodyNames.has(key) ? body : qs)[key] = value;
	return buildSignedRequest(
		{
			url: '/',
			method: 'POST',
			headers: { 'x-acs-action': action, 'x-acs-version': options.version ?? API_VERSION },
			qs,
			body: Object.keys(body).length ? body : undefined,
		},
		emu.url,
		options.keys ?? MAIN_KEYS,
		{ date: options.date ?? acsTimestamp(new Date(emu.now())), nonce: options.nonce },
	);
}

export function sendSigned(
	signed: SignedWireRequest,
	change: { headers?: Record<string, string>; url?: string; body?: string | Buffer } = {},
): Promise<RawResponse> {
	return rawRequest(change.url ?? signed.url, {
		method: signed.method,
		headers: { ...signed.headers, ...change.headers },
		body: change.body ?? signed.body,
	});
}

export function call(
	emu: CamsEmulator,
	action: string,
	params: Record<string, unknown> = {},
	options: Parameters<typeof signCall>[3] = {},
): Promise<RawResponse> {
	return sendSigned(signCall(emu, action, params, options));
}

export function sdk(
	emu: CamsEmulator,
	config: Partial<ConstructorParameters<typeof $OpenApi.Config>[0]> = {},
): Cams {
	return new Cams(
		new $OpenApi.Config({
			accessKeyId: EMULATOR_KEYS.accessKeyId,
			accessKeySecret: EMULATOR_KEYS.accessKeySecret,
			endpoint: `127.0.0.1:${emu.port}`,
			protocol: 'http',
			...config,
		}),
	);
}

/** An SDK-generic call for actions the npm SDK does not have (ListInstance, ...). */
export async function sdkCallApi(
	client: Cams,
	action: string,
	query: Record<string, string> = {},
): Promise<Record<string, unknown>> {
	const params = new $OpenApi.Params({
		action,
		version: API_VERSION,
		protocol: 'HTTP',
		pathname: '/',
		method: 'POST',
		authType: 'AK',
		style: 'RPC',
		reqBodyType: 'formData',
		bodyType: 'json',
	});
	const response = await client.callApi(
		params,
		new $OpenApi.OpenApiRequest({ query }),
		{} as never,
	);
	return response.body as Record<string, unknown>;
}

export interface ReceivedPush {
	path: string;
	body: unknown;
	headers: http.IncomingHttpHeaders;
}

/** A webhook endpoint; `respond` decides each answer (default 200 {"code":0}). */
export async function startReceiver(
	respond: (push: ReceivedPush, index: number) => { status: number; body: string } = () => ({
		status: 200,
		body: '{"code":0,"msg":"success"}',
	}),
) {
	const received: ReceivedPush[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const push = {
				path: req.url ?? '/',
				headers: req.headers,
				body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
			};
			received.push(push);
			const answer = respond(push, received.length - 1);
			res.writeHead(answer.status, { 'content-type': 'application/json' });
			res.end(answer.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		received,
		events: () => received.flatMap((push) => push.body as Array<Record<string, unknown>>),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export async function waitFor(
	condition: () => boolean,
	timeoutMs = 5000,
	stepMs = 10,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, stepMs));
	}
}
