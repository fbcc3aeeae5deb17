/** Shared types of the local CAMS emulator. */

export type Params = Record<string, string>;

export type SignatureMethod = 'ACS3-HMAC-SHA256' | 'HMAC-SHA1' | 'none';

/** What happened to one gateway call. `accepted` means the action ran and answered Code OK. */
export type CallOutcome =
	'accepted' | 'rejected' | 'throttled' | 'server-error' | 'reset-before' | 'reset-after';

export interface CallRecord {
	id: number;
	/** Emulator clock (ms). */
	at: number;
	action?: string;
	/** Query and form-body parameters, decoded and merged (body wins). */
	params: Params;
	signatureMethod: SignatureMethod;
	accessKeyId?: string;
	outcome: CallOutcome;
	httpStatus?: number;
	code?: string;
	message?: string;
	requestId: string;
}

export interface SendRecord {
	action: 'SendChatappMessage' | 'SendChatappMassMessage';
	messageId: string;
	groupMessageId?: string;
	channelType: string;
	custSpaceId: string;
	from: string;
	to: string;
	type: 'template' | 'message';
	templateCode?: string;
	templateName?: string;
	language?: string;
	messageType?: string;
	content?: string;
	templateParams?: Record<string, string>;
	taskId?: string;
	/** The duplicate key: same From, To, template (or Content) and TaskId. */
	key: string;
	duplicate: boolean;
	params: Params;
	at: number;
}

export type PushKind = 'ChatAppStatus' | 'ChatAppInbound' | 'ChatAppAudit';

export interface PushAttempt {
	at: number;
	status?: number;
	body?: string;
	error?: string;
	ok: boolean;
}

export interface PushRecord {
	id: number;
	kind: PushKind;
	url?: string;
	events: Array<Record<string, unknown>>;
	attempts: PushAttempt[];
	/** HTTP 200 with a JSON body whose `code` is 0 was received. */
	delivered: boolean;
	/** No more attempts will be made. */
	done: boolean;
	/** Why nothing was sent (no callback URL, HttpFlag=N). */
	skipped?: string;
}

export interface QpsConfig {
	[action: string]: number;
}

export interface LatencyConfig {
	fixedMs: number;
	jitterMs: number;
}

/** Delays (ms after the send is accepted) of the ChatAppStatus events. `read: null` sends no Read. */
export interface StatusDelays {
	sent: number;
	delivered: number;
	read: number | null;
	failed: number;
}

export interface PushRetryConfig {
	/** Total attempts per push, the first included. */
	attempts: number;
	/** Wait before retry n (the last value repeats). */
	delaysMs: number[];
	/** Per-attempt timeout; CAMS wants an answer within 3 s. */
	timeoutMs: number;
}

export interface RuntimeConfig {
	qps: QpsConfig;
	enforceQps: boolean;
	latency: LatencyConfig;
	statusDelays: StatusDelays;
	/** Events due within this window of each other go to the same URL in one array. */
	batchWindowMs: number;
	/** At most this many events per pushed array. */
	maxBatchSize: number;
	pushRetry: PushRetryConfig;
	/** Delay before a new or modified template leaves `auditing`. */
	auditDelayMs: number;
	/** Recipients whose messages fail with 131026 (besides the `999` prefix). */
	failNumbers: string[];
	failPrefix: string;
	/** Send ChatAppInbound `Message` as an object instead of a JSON string (MNS style). */
	inboundMessageAsObject: boolean;
	/** Free-form WhatsApp messages need an inbound message from the user within this window. */
	sessionWindowMs: number;
	/** Allowed clock skew of x-acs-date / Timestamp, and nonce memory. */
	timestampSkewMs: number;
	/** Paged lists serve at most this many entries per page whatever Size asks (a gateway-side cap). */
	pageSizeCap: number;
}

export interface Faults {
	/** Probability (0..1) that an authenticated call answers 500 InternalError before running. */
	serverErrorRate: number;
	/** The next n authenticated calls answer 500 InternalError. */
	serverErrors: number;
	/** The next n authenticated calls answer Throttling.User whatever the quota. */
	throttleBurst: number;
	/** The next n gateway requests have their connection destroyed once the request is read. */
	resetConnections: number;
	/** `before`: nothing is applied. `after`: the action runs (and is recorded) but no answer is sent. */
	resetMode: 'before' | 'after';
	/** Stop listening: new connections are refused (ECONNREFUSED) until set back to false. */
	refuse: boolean;
	/** Extra delay added to the next `latencySpikeCount` answers. */
	latencySpikeMs: number;
	latencySpikeCount: number;
	/** Actions this gateway answers as unknown (404 InvalidAction.NotFound), as another product's gateway would. */
	unknownActions: string[];
	/** Only calls of these actions use up throttleBurst, serverErrors and resetConnections; empty = every call. */
	actions: string[];
}

export interface AccessKeyConfig {
	accessKeyId: string;
	accessKeySecret: string;
	/** Required (and checked) for STS keys. */
	securityToken?: string;
	/** A disabled key answers InvalidAccessKeyId.Inactive. */
	active?: boolean;
}

export interface EmulatorOptions {
	/** 0 (default) picks a free port. The emulator always binds 127.0.0.1. */
	port?: number;
	/** Extra keys besides EMULATOR_KEYS. */
	keys?: AccessKeyConfig[];
	qps?: QpsConfig;
	enforceQps?: boolean;
	latency?: Partial<LatencyConfig>;
	statusDelays?: Partial<StatusDelays>;
	batchWindowMs?: number;
	maxBatchSize?: number;
	pushRetry?: Partial<PushRetryConfig>;
	auditDelayMs?: number;
	failNumbers?: string[];
	inboundMessageAsObject?: boolean;
	sessionWindowMs?: number;
	/** See RuntimeConfig.pageSizeCap (default 100). */
	pageSizeCap?: number;
	/** Print one line per gateway call to stderr. */
	log?: boolean;
}

export type InboundType =
	'TEXT' | 'IMAGE' | 'VIDEO' | 'AUDIO' | 'DOCUMENT' | 'LOCATION' | 'CONTACTS' | 'REPLY' | 'SYSTEM';

export interface InboundInput {
	/** End user's number (digits). */
	from: string;
	/** Business number (or Viber service ID / Messenger page ID) that receives the message. */
	to: string;
	type?: InboundType;
	/** TEXT body; caption for media; button text for REPLY. */
	text?: string;
	/** REPLY payload. */
	payload?: string;
	/** Replaces the generated Message object (non-TEXT types). */
	message?: Record<string, unknown> | unknown[];
	/** User profile name. */
	name?: string;
	/** Media served under /__media/<id>; defaults to a small sample file of the type. */
	media?: { data: Buffer | string; mimeType?: string; filename?: string };
	/** Overrides the configured inboundMessageAsObject for this event. */
	messageAsObject?: boolean;
	messageId?: string;
	/** Emulator-clock time of the message; default now. */
	timestamp?: number;
}
