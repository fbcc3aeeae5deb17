import type { HttpFlag, PhoneCallbacks, PhoneCallbackUpdate } from '../transport';

/**
 * Where CAMS must push what: `inbound` = the number's UpCallbackUrl (ChatAppInbound), `status` =
 * the number's StatusCallbackUrl (ChatAppStatus), `account` = the channel's StatusCallbackUrl
 * (ChatAppAudit: template review and account events).
 */
export type CallbackKind = 'inbound' | 'status' | 'account';

export const PHONE_KINDS = ['inbound', 'status'] as const;

const KIND_OF_EVENT: Record<string, CallbackKind | undefined> = {
	inboundMessage: 'inbound',
	messageStatus: 'status',
	templateReview: 'account',
	phoneNameUpdate: 'account',
	phoneQualityUpdate: 'account',
	wabaReviewUpdate: 'account',
	wabaAccountUpdate: 'account',
	templateCategoryUpdate: 'account',
	templateQualityUpdate: 'account',
};

export const CALLBACK_FIELD: Record<CallbackKind, string> = {
	inbound: 'UpCallbackUrl of the number (inbound messages)',
	status: 'StatusCallbackUrl of the number (message statuses)',
	account: 'StatusCallbackUrl of the channel (template review and account events)',
};

/** The callbacks the chosen events need, in a fixed order. */
export function callbackKindsFor(events: string[]): CallbackKind[] {
	const kinds = new Set(events.map((event) => KIND_OF_EVENT[event]));
	return (['inbound', 'status', 'account'] as const).filter((kind) => kinds.has(kind));
}

/** What activation should register (production only: test listens register nothing). */
export interface RegistrationTarget {
	/** This webhook's production URL. */
	url: string;
	channelId: string;
	phoneNumber: string;
	kinds: CallbackKind[];
	takeOver: boolean;
}

/** What activation did, kept in static data (keyed by URL) so that deactivation can undo it. */
export interface RegistrationRecord {
	url: string;
	channelId: string;
	phoneNumber: string;
	kinds: CallbackKind[];
	/** The URL each kind had before ('' = none, or unknown for `account`, which CAMS cannot read back). */
	previous: Partial<Record<CallbackKind, string>>;
}

export type RegistrationRecords = Record<string, RegistrationRecord>;

function pathTail(url: string): string {
	return url.split('?')[0].replace(/\/+$/, '').split('/').slice(-2).join('/');
}

/** The same node's other URL: `/webhook/<id>/<secret>` vs `/webhook-test/<id>/<secret>` (older versions registered test URLs). */
export function sameNodeUrl(url: string, ourUrl: string): boolean {
	return url !== '' && pathTail(url) === pathTail(ourUrl);
}

/** The channel URL we know we set: CAMS has no read action for it, only our own records. */
function knownAccountUrl(target: RegistrationTarget, records: RegistrationRecords): string {
	const ours = Object.values(records).filter(
		(record) => record.channelId === target.channelId && record.kinds.includes('account'),
	);
	return (ours.find((record) => record.url !== target.url) ?? ours[0])?.url ?? '';
}

function currentUrl(
	kind: CallbackKind,
	target: RegistrationTarget,
	phone: PhoneCallbacks,
	records: RegistrationRecords,
) {
	return kind === 'account' ? knownAccountUrl(target, records) : phone[kind];
}

/** Whether every needed callback already points here and we hold the record to undo it later. */
export function isRegistered(
	target: RegistrationTarget,
	phone: PhoneCallbacks,
	records: RegistrationRecords,
): boolean {
	const record = records[target.url];
	if (!record || record.channelId !== target.channelId || record.phoneNumber !== target.phoneNumber)
		return false;
	return target.kinds.every(
		(kind) => record.kinds.includes(kind) && (kind === 'account' || phone[kind] === target.url),
	);
}

/** A callback that may belong to another system; `url` is '' for the channel's, which CAMS cannot report. */
export interface ForeignCallback {
	kind: CallbackKind;
	url: string;
}

/**
 * Callbacks the registration would replace that are not this node's: the number's URLs that point
 * elsewhere, and the channel URL unless one of this node's records says it set it.
 */
export function foreignCallbacks(
	target: RegistrationTarget,
	phone: PhoneCallbacks,
	records: RegistrationRecords,
): ForeignCallback[] {
	const foreign: ForeignCallback[] = PHONE_KINDS.filter((kind) => target.kinds.includes(kind))
		.map((kind) => ({ kind, url: phone[kind] }))
		.filter(({ url }) => url !== '' && url !== target.url && !sameNodeUrl(url, target.url));
	if (target.kinds.includes('account') && knownAccountUrl(target, records) === '') {
		foreign.push({ kind: 'account', url: '' });
	}
	return foreign;
}

/**
 * The URLs to restore on deactivation. Re-registering keeps the original previous URL; a stale
 * test URL of this node (registered by older versions) is not restored.
 */
export function previousUrls(
	target: RegistrationTarget,
	phone: PhoneCallbacks,
	records: RegistrationRecords,
): RegistrationRecord['previous'] {
	const previous: RegistrationRecord['previous'] = {};
	for (const kind of target.kinds) {
		const current = currentUrl(kind, target, phone, records);
		if (current === target.url) previous[kind] = records[target.url]?.previous[kind] ?? '';
		else if (sameNodeUrl(current, target.url)) previous[kind] = '';
		else previous[kind] = current;
	}
	return previous;
}

/** The UpdatePhoneWebhook call for activation, or undefined when only the channel URL is needed. */
export function phoneRegistration(
	target: RegistrationTarget,
	phone: PhoneCallbacks,
): PhoneCallbackUpdate | undefined {
	if (!PHONE_KINDS.some((kind) => target.kinds.includes(kind))) return undefined;
	// Unchanged kinds are sent back as they are, in case CAMS treats a missing URL as "clear".
	return {
		inbound: target.kinds.includes('inbound') ? target.url : phone.inbound || undefined,
		status: target.kinds.includes('status') ? target.url : phone.status || undefined,
		httpFlag: 'Y',
	};
}

/**
 * The UpdatePhoneWebhook call that undoes a registration, or undefined when nothing of ours is left
 * (someone else replaced our URL meanwhile). The CAMS documentation does not say that an empty URL
 * clears a callback, so none is sent: a callback that had no URL before keeps ours, and when no
 * other URL remains, HTTP push is switched off instead (see the README, "Configure Callback").
 */
export function phoneRestoration(
	record: RegistrationRecord,
	phone: PhoneCallbacks,
): PhoneCallbackUpdate | undefined {
	const final: PhoneCallbacks = { ...phone };
	let changed = false;
	for (const kind of PHONE_KINDS) {
		if (record.kinds.includes(kind) && phone[kind] === record.url) {
			final[kind] = record.previous[kind] ?? '';
			changed = true;
		}
	}
	if (!changed) return undefined;
	const live = PHONE_KINDS.some((kind) => final[kind] !== '' && final[kind] !== record.url);
	const httpFlag: HttpFlag = live ? 'Y' : 'N';
	return { inbound: final.inbound || undefined, status: final.status || undefined, httpFlag };
}

/** The UpdateAccountWebhook call that undoes a registration of the channel URL. */
export function accountRestoration(
	record: RegistrationRecord,
): { url?: string; httpFlag: HttpFlag } | undefined {
	if (!record.kinds.includes('account')) return undefined;
	const previous = record.previous.account ?? '';
	return previous === '' ? { httpFlag: 'N' } : { url: previous, httpFlag: 'Y' };
}
