/** The emulator: HTTP server, routing, and the in-process control methods. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { EMULATED_ACTIONS } from './actions';
import { NonceStore, type AuthContext } from './auth';
import {
	applyConfig,
	configSnapshot,
	defaultConfig,
	defaultFaults,
	type ConfigPatch,
} from './config';
import { handleControl } from './control';
import { pushAudit, type EventContext } from './events';
import { handleGateway, type GatewayDeps } from './gateway';
import { injectInbound } from './inbound';
import { linksOf, type LinkRecord } from './links';
import { QueueHub } from './mns';
import { handleMedia, handleOss } from './oss';
import { PushDispatcher } from './pushes';
import { QuotaTracker } from './quota';
import { defaultKeys, EMULATOR_KEYS } from './seed';
import { EmulatorState } from './state';
import { collectStats, type EmulatorStats } from './stats';
import type { AuditStatus, TemplateRecord } from './templateModel';
import type {
	AccessKeyConfig,
	CallRecord,
	EmulatorOptions,
	Faults,
	InboundInput,
	PushKind,
	PushRecord,
	RuntimeConfig,
	SendRecord,
} from './types';
import { parseWire, readBody } from './wire';
import { applyWebhooks, webhookSnapshot, type WebhookPatch } from './webhooks';

export type { EmulatorStats } from './stats';

export class CamsEmulator {
	readonly state = new EmulatorState();
	readonly keys = EMULATOR_KEYS;
	port = 0;
	private readonly server: http.Server;
	private readonly options: EmulatorOptions;
	private cfg: RuntimeConfig;
	private flt: Faults = defaultFaults();
	private offsetMs = 0;
	private readonly quota = new QuotaTracker();
	private readonly keyMap = new Map<string, AccessKeyConfig>();
	private readonly nonces: NonceStore;
	private readonly dispatcher: PushDispatcher;
	private refuseTimer?: NodeJS.Timeout;
	/** Simple Message Queue: queues, Dybaseapi tokens, QueueFlag delivery (emulator/mns). */
	readonly queues: QueueHub;

	constructor(options: EmulatorOptions = {}) {
		this.options = options;
		this.cfg = defaultConfig(options);
		for (const key of [...defaultKeys(), ...(options.keys ?? [])])
			this.keyMap.set(key.accessKeyId, key);
		this.nonces = new NonceStore(
			() => this.now(),
			() => this.cfg.timestampSkewMs,
		);
		this.dispatcher = new PushDispatcher(
			() => this.cfg,
			() => this.now(),
		);
		this.queues = new QueueHub(
			this.state,
			() => this.now(),
			(id) => {
				const key = this.keyMap.get(id);
				return key && key.active !== false && !key.securityToken ? key.accessKeySecret : undefined;
			},
			() => this.cfg.latency.fixedMs,
		);
		this.dispatcher.onQueue = (queue, event) => {
			if (this.queues.store.has(queue)) this.queues.deliver(queue, event);
		};
		this.server = http.createServer((req, res) => void this.onRequest(req, res));
		this.server.keepAliveTimeout = 5000;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async listen(port = this.options.port ?? 0): Promise<this> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		this.port = (this.server.address() as AddressInfo).port;
		return this;
	}

	async close(): Promise<void> {
		clearTimeout(this.refuseTimer);
		this.dispatcher.stop(false);
		this.queues.close();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		if (this.server.listening) await closed;
	}

	/** Emulator clock: real time plus the offset set with setTime(). */
	now(): number {
		return Date.now() + this.offsetMs;
	}

	setTime(change: { offsetMs?: number; advanceMs?: number; at?: number }): number {
		if (change.offsetMs !== undefined) this.offsetMs = change.offsetMs;
		if (change.advanceMs !== undefined) this.offsetMs += change.advanceMs;
		if (change.at !== undefined) this.offsetMs = change.at - Date.now();
		return this.now();
	}

	/** Back to the seed: state, records, pushes, quotas, nonces, faults, config and clock. */
	reset(): void {
		this.state.reset();
		this.dispatcher.stop(true);
		this.queues.reset();
		this.quota.reset();
		this.nonces.clear();
		Object.assign(this.flt, defaultFaults());
		if (!this.server.listening && this.port) void this.setFaults({ refuse: false });
		this.cfg = applyConfig(this.cfg, defaultConfig(this.options));
		this.cfg.qps = { ...(this.options.qps ?? {}) };
		this.offsetMs = 0;
	}

	config(): RuntimeConfig {
		return configSnapshot(this.cfg);
	}

	configure(patch: ConfigPatch): RuntimeConfig {
		applyConfig(this.cfg, patch);
		return this.config();
	}

	faults(): Faults {
		return { ...this.flt };
	}

	/** Sets faults; `refuse` stops or restarts the listener (same port). `refuseMs` re-opens by itself. */
	async setFaults(patch: Partial<Faults> & { refuseMs?: number }): Promise<Faults> {
		const { refuseMs, ...rest } = patch;
		Object.assign(this.flt, rest);
		if (refuseMs !== undefined) this.flt.refuse = true;
		clearTimeout(this.refuseTimer);
		if (this.flt.refuse && this.server.listening) {
			this.server.close();
			this.server.closeIdleConnections();
			setImmediate(() => this.server.closeIdleConnections());
		} else if (!this.flt.refuse && !this.server.listening) {
			await this.listen(this.port);
		}
		if (refuseMs !== undefined)
			this.refuseTimer = setTimeout(() => void this.setFaults({ refuse: false }), refuseMs);
		return this.faults();
	}

	addKey(key: AccessKeyConfig): void {
		this.keyMap.set(key.accessKeyId, key);
	}

	calls(filter: { action?: string; outcome?: CallRecord['outcome'] } = {}): CallRecord[] {
		return this.state.calls.filter(
			(call) =>
				(!filter.action || call.action === filter.action) &&
				(!filter.outcome || call.outcome === filter.outcome),
		);
	}

	sends(filter: { action?: string; to?: string } = {}): SendRecord[] {
		return this.state.sends.filter(
			(send) =>
				(!filter.action || send.action === filter.action) && (!filter.to || send.to === filter.to),
		);
	}

	/** The links of accepted sends (message text and buttons, template URL buttons filled in). */
	links(filter: { to?: string; messageId?: string } = {}): LinkRecord[] {
		return linksOf(this.sends({ to: filter.to }), this.state.templates).filter(
			(link) => !filter.messageId || link.messageId === filter.messageId,
		);
	}

	pushes(filter: { kind?: PushKind } = {}): PushRecord[] {
		return this.dispatcher.records.filter((push) => !filter.kind || push.kind === filter.kind);
	}

	/** Resolves when no push is scheduled, batched or awaiting a retry. */
	settle(timeoutMs?: number): Promise<void> {
		return this.dispatcher.settle(timeoutMs);
	}

	stats(): EmulatorStats {
		return collectStats(this.state, this.dispatcher.records);
	}

	/** Injects a user message (opens the 24 h window) and pushes ChatAppInbound. */
	inbound(input: InboundInput): Record<string, unknown> {
		return injectInbound(this.eventContext(), this.url, input);
	}

	webhooks() {
		return webhookSnapshot(this.state);
	}

	setWebhooks(patch: WebhookPatch) {
		applyWebhooks(this.state, patch);
		return this.webhooks();
	}

	templates(filter: { custSpaceId?: string; code?: string } = {}): TemplateRecord[] {
		return this.state.templates.filter(
			(t) =>
				(!filter.custSpaceId || t.custSpaceId === filter.custSpaceId) &&
				(!filter.code || t.code === filter.code),
		);
	}

	/** Forces a template's review result and pushes ChatAppAudit, as a Meta review would. */
	setTemplateStatus(
		code: string,
		language: string,
		status: AuditStatus,
		reason = '',
	): TemplateRecord {
		const template = this.state.templates.find(
			(entry) => entry.code === code && entry.language === language,
		);
		if (!template) throw new Error(`No template ${code} in ${language}`);
		Object.assign(template, { auditStatus: status, reason, lastUpdateTime: this.now() });
		pushAudit(this.eventContext(), template);
		return template;
	}

	emulatedActions(): string[] {
		return [...EMULATED_ACTIONS];
	}

	private eventContext(): EventContext {
		return { state: this.state, config: this.cfg, pushes: this.dispatcher, now: () => this.now() };
	}

	private gatewayDeps(): GatewayDeps {
		const auth: AuthContext = {
			keys: this.keyMap,
			nonces: this.nonces,
			now: () => this.now(),
			skewMs: this.cfg.timestampSkewMs,
		};
		const log = this.options.log
			? (line: string) => process.stderr.write(`[cams-emulator] ${line}\n`)
			: undefined;
		return {
			...this.eventContext(),
			faults: this.flt,
			quota: this.quota,
			auth,
			baseUrl: this.url,
			log,
		};
	}

	private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		try {
			const body = await readBody(req);
			const path = (req.url ?? '/').split('?')[0];
			if (path === '/__control' || path.startsWith('/__control/'))
				return await handleControl(this, parseWire(req, body), res);
			if (path.startsWith('/queues/'))
				return await this.queues.handle(req, res, parseWire(req, body), this.url);
			if (path.startsWith('/__oss/') || path.startsWith('/__media/')) {
				const wire = parseWire(req, body);
				const deps = { state: this.state, now: () => this.now(), skewMs: this.cfg.timestampSkewMs };
				if (handleOss(wire, res, deps) || handleMedia(wire, res, this.state)) return;
			}
			await handleGateway(req, res, body, this.gatewayDeps());
		} catch (error) {
			if (!res.headersSent && !res.destroyed) {
				res.writeHead(400, { 'content-type': 'application/json;charset=utf-8' });
				res.end(JSON.stringify({ Code: 'BadRequest', Message: (error as Error).message }));
			}
		}
	}
}
