/** Fixed keys, channels and numbers of the emulator. Tests may rely on every value here. */
import type { AccessKeyConfig } from './types';

export const API_VERSION = '2020-06-06';
export const HOST_ID = 'cams.ap-southeast-1.aliyuncs.com';

export const EMULATOR_KEYS = {
	/** Permanent AccessKey pair (ACS3 and HMAC-SHA1). */
	accessKeyId: 'LTAI5tEmulatorKeyId0001',
	accessKeySecret: 'EmulatorSecret0123456789abcdefXYZ',
	/** STS key set: the token must be sent (x-acs-security-token / SecurityToken). */
	sts: {
		accessKeyId: 'STS.EmulatorKeyId0001',
		accessKeySecret: 'EmulatorStsSecret0123456789abcdef',
		securityToken: 'CAIS.EmulatorSecurityToken0001.Zm9yIHRlc3RzIG9ubHk=',
	},
	/** A disabled key: answers InvalidAccessKeyId.Inactive. */
	inactive: {
		accessKeyId: 'LTAI5tEmulatorDisabled01',
		accessKeySecret: 'EmulatorDisabledSecret0123456789',
	},
	/** Temporary OSS credentials handed out by GetChatappUploadAuthorization. */
	oss: {
		accessKeyId: 'STS.EmulatorOssKey0001',
		accessKeySecret: 'EmulatorOssSecret0123456789abcdef',
		securityToken: 'CAIS.EmulatorOssToken0001.dXBsb2FkIG9ubHk=',
	},
} as const;

export function defaultKeys(): AccessKeyConfig[] {
	const { sts, inactive } = EMULATOR_KEYS;
	return [
		{ accessKeyId: EMULATOR_KEYS.accessKeyId, accessKeySecret: EMULATOR_KEYS.accessKeySecret },
		{ ...sts },
		{ ...inactive, active: false },
	];
}

export const OSS_BUCKET = 'cams-emu-media';

export interface ChannelSeed {
	custSpaceId: string;
	instanceId: string;
	instanceName: string;
	channelType: 'WHATSAPP' | 'VIBER' | 'MESSENGER';
	wabaId?: string;
	submitTime: string;
}

export const SEED_CHANNELS = {
	whatsapp: {
		custSpaceId: 'cams-emu-whatsapp',
		instanceId: 'cams-inst-7301001',
		instanceName: 'Emulator WhatsApp',
		channelType: 'WHATSAPP',
		wabaId: '209587332118845',
		submitTime: '2025-01-02 10:00:00',
	},
	viber: {
		custSpaceId: 'cams-emu-viber',
		instanceId: 'cams-inst-7301002',
		instanceName: 'Emulator Viber',
		channelType: 'VIBER',
		submitTime: '2025-01-03 10:00:00',
	},
	messenger: {
		custSpaceId: 'cams-emu-messenger',
		instanceId: 'cams-inst-7301003',
		instanceName: 'Emulator Messenger',
		channelType: 'MESSENGER',
		submitTime: '2025-01-04 10:00:00',
	},
} as const satisfies Record<string, ChannelSeed>;

/**
 * Senders: WhatsApp business numbers, the Viber service ID and the Messenger page ID.
 * Webhooks (StatusCallbackUrl/UpCallbackUrl) are kept per sender.
 */
export interface SenderSeed {
	id: string;
	custSpaceId: string;
	channelType: 'whatsapp' | 'viber' | 'messenger';
	verifiedName: string;
	status: string;
	codeVerificationStatus?: string;
	nameStatus?: string;
	qualityRating?: string;
	messagingLimitTier?: string;
}

export const SEED_NUMBERS = {
	/** CONNECTED and VERIFIED: can send. */
	connected: '6591234567',
	/** PENDING registration: sending from it fails with ERR-FB-001. */
	pending: '6598765432',
	viberServiceId: '3000001',
	messengerPageId: '110200300400500',
} as const;

export const SEED_SENDERS: SenderSeed[] = [
	{
		id: SEED_NUMBERS.connected,
		custSpaceId: SEED_CHANNELS.whatsapp.custSpaceId,
		channelType: 'whatsapp',
		verifiedName: 'Emulator Shop',
		status: 'CONNECTED',
		codeVerificationStatus: 'VERIFIED',
		nameStatus: 'APPROVED',
		qualityRating: 'GREEN',
		messagingLimitTier: 'TIER_10K',
	},
	{
		id: SEED_NUMBERS.pending,
		custSpaceId: SEED_CHANNELS.whatsapp.custSpaceId,
		channelType: 'whatsapp',
		verifiedName: 'Emulator Support',
		status: 'PENDING',
		codeVerificationStatus: 'MORE_INFORMATION_REQUESTED',
		nameStatus: 'PENDING_REVIEW',
		qualityRating: 'UNKNOWN',
		messagingLimitTier: 'TIER_250',
	},
	{
		id: SEED_NUMBERS.viberServiceId,
		custSpaceId: SEED_CHANNELS.viber.custSpaceId,
		channelType: 'viber',
		verifiedName: 'Emulator Viber Shop',
		status: 'CONNECTED',
	},
	{
		id: SEED_NUMBERS.messengerPageId,
		custSpaceId: SEED_CHANNELS.messenger.custSpaceId,
		channelType: 'messenger',
		verifiedName: 'Emulator Messenger Page',
		status: 'CONNECTED',
	},
];

/** Recipient numbers with this prefix always fail with Meta error 131026. */
export const FAILING_PREFIX = '999';
