/** Default runtime configuration and faults, and how patches are merged into them. */
import { FAILING_PREFIX } from './seed';
import type { EmulatorOptions, Faults, RuntimeConfig } from './types';

export const FIFTEEN_MINUTES = 15 * 60 * 1000;
export const DAY = 24 * 60 * 60 * 1000;

export function defaultConfig(options: EmulatorOptions = {}): RuntimeConfig {
	return {
		qps: { ...(options.qps ?? {}) },
		enforceQps: options.enforceQps ?? true,
		latency: { fixedMs: 0, jitterMs: 0, ...options.latency },
		statusDelays: { sent: 20, delivered: 40, read: 60, failed: 20, ...options.statusDelays },
		batchWindowMs: options.batchWindowMs ?? 50,
		maxBatchSize: options.maxBatchSize ?? 100,
		pushRetry: { attempts: 3, delaysMs: [200, 1000], timeoutMs: 3000, ...options.pushRetry },
		auditDelayMs: options.auditDelayMs ?? 300,
		failNumbers: [...(options.failNumbers ?? [])],
		failPrefix: FAILING_PREFIX,
		inboundMessageAsObject: options.inboundMessageAsObject ?? false,
		sessionWindowMs: options.sessionWindowMs ?? DAY,
		timestampSkewMs: FIFTEEN_MINUTES,
		pageSizeCap: options.pageSizeCap ?? 100,
	};
}

export function defaultFaults(): Faults {
	return {
		serverErrorRate: 0,
		serverErrors: 0,
		throttleBurst: 0,
		resetConnections: 0,
		resetMode: 'before',
		refuse: false,
		latencySpikeMs: 0,
		latencySpikeCount: 0,
		unknownActions: [],
		actions: [],
	};
}

export type ConfigPatch = Partial<Omit<RuntimeConfig, 'latency' | 'statusDelays' | 'pushRetry'>> & {
	latency?: Partial<RuntimeConfig['latency']>;
	statusDelays?: Partial<RuntimeConfig['statusDelays']>;
	pushRetry?: Partial<RuntimeConfig['pushRetry']>;
};

/** Merges in place (the gateway holds a reference). `qps` entries are merged; null = unlimited. */
export function applyConfig(config: RuntimeConfig, patch: ConfigPatch): RuntimeConfig {
	const { latency, statusDelays, pushRetry, qps, ...rest } = patch;
	Object.assign(config, rest);
	if (latency) Object.assign(config.latency, latency);
	if (statusDelays) Object.assign(config.statusDelays, statusDelays);
	if (pushRetry) Object.assign(config.pushRetry, pushRetry);
	if (qps) {
		for (const [action, limit] of Object.entries(qps))
			config.qps[action] = limit === null ? Infinity : limit;
	}
	return config;
}

/** Copy without Infinity (JSON has none): unlimited quotas show as null. */
export function configSnapshot(config: RuntimeConfig): RuntimeConfig {
	const qps = Object.fromEntries(
		Object.entries(config.qps).map(([key, value]) => [key, Number.isFinite(value) ? value : null]),
	);
	return { ...structuredClone({ ...config, qps: {} }), qps: qps as RuntimeConfig['qps'] };
}
