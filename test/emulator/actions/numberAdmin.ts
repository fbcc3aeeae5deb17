/**
 * Phone number onboarding and profile actions the base emulator lacks: AddChatappPhoneNumber,
 * GetChatappVerifyCode, ChatappVerifyAndRegister, ChatappPhoneNumberRegister / Deregister,
 * ChatappSyncPhoneNumber, Query/ModifyPhoneBusinessProfile, GetPhoneNumberVerificationStatus and
 * GetChatappPhoneNumberMetric. The verification code Meta "sends" is always VERIFY_CODE.
 */
import { camsError } from '../errors';
import type { Channel, Sender } from '../state';
import {
	isHttpUrl,
	parseJson,
	requireChannel,
	type ActionContext,
	type ActionTable,
} from './context';
import { phoneNumberActions } from './phoneNumbers';
import { LANGUAGES } from './templateRules';
import { metricBuckets } from './metrics';

/** The code every GetChatappVerifyCode delivers. */
export const VERIFY_CODE = '123456';

const VERTICALS = [
	'UNDEFINED',
	'OTHER',
	'AUTO',
	'BEAUTY',
	'APPAREL',
	'EDU',
	'ENTERTAIN',
	'EVENT_PLAN',
	'FINANCE',
	'GROCERY',
	'GOVT',
	'HOTEL',
	'HEALTH',
	'NONPROFIT',
	'PROF_SERVICES',
	'RETAIL',
	'TRAVEL',
	'RESTAURANT',
	'NOT_A_BIZ',
];

type Profile = Record<string, unknown>;

/** Per sender map: numbers that were sent a code, and modified business profiles. */
const codesSent = new WeakMap<Map<string, Sender>, Set<string>>();
const profiles = new WeakMap<Map<string, Sender>, Map<string, Profile>>();

function codes(ctx: ActionContext): Set<string> {
	let set = codesSent.get(ctx.state.senders);
	if (!set) codesSent.set(ctx.state.senders, (set = new Set()));
	return set;
}

function profileStore(ctx: ActionContext): Map<string, Profile> {
	let map = profiles.get(ctx.state.senders);
	if (!map) profiles.set(ctx.state.senders, (map = new Map()));
	return map;
}

function whatsappChannel(ctx: ActionContext): Channel {
	const channel = requireChannel(ctx, ctx.params.CustSpaceId);
	if (channel.channelType !== 'WHATSAPP') {
		throw camsError(
			'ERR-OPERATION-MAAP-0060',
			`No WhatsApp Business Account is bound to channel ${channel.custSpaceId}.`,
			400,
		);
	}
	return channel;
}

function numberOf(ctx: ActionContext): Sender {
	const channel = whatsappChannel(ctx);
	const phone = ctx.params.PhoneNumber ?? '';
	if (!/^\d+$/.test(phone))
		throw camsError(
			'InvalidParameter.PhoneNumberError',
			`PhoneNumber "${phone}" must contain digits only.`,
		);
	const sender = ctx.state.senders.get(phone);
	if (!sender || sender.custSpaceId !== channel.custSpaceId) {
		throw camsError(
			'ERR-OPERATION-MAAP-0065',
			`The phone number ${phone} is not bound to channel ${channel.custSpaceId}.`,
			400,
		);
	}
	return sender;
}

function addNumber(ctx: ActionContext) {
	const channel = whatsappChannel(ctx);
	const { Cc: cc, PhoneNumber: number, VerifiedName: name } = ctx.params;
	if (!/^\d{1,4}$/.test(cc) || !/^\d{4,14}$/.test(number) || !/^\d{8,15}$/.test(cc + number)) {
		throw camsError(
			'InvalidParameter.PhoneNumberError',
			`Cc "${cc}" and PhoneNumber "${number}" do not form a valid phone number.`,
		);
	}
	if (name.length < 3 || name.length > 512)
		throw camsError('InvalidParameter', 'VerifiedName must be 3 to 512 characters long.');
	const id = cc + number;
	if (ctx.state.senders.has(id))
		throw camsError(
			'InvalidParameter.PhoneNumberExist',
			`The phone number ${id} is already added.`,
		);
	ctx.state.senders.set(id, {
		id,
		custSpaceId: channel.custSpaceId,
		channelType: 'whatsapp',
		verifiedName: name,
		status: 'PENDING',
		codeVerificationStatus: 'NOT_VERIFIED',
		nameStatus: 'PENDING_REVIEW',
		qualityRating: 'UNKNOWN',
		messagingLimitTier: 'TIER_250',
		webhooks: { httpFlag: 'Y', queueFlag: 'N' },
	});
	return { Success: true };
}

function sendCode(ctx: ActionContext) {
	const sender = numberOf(ctx);
	if (!['SMS', 'VOICE'].includes(ctx.params.Method))
		throw camsError(
			'InvalidParameter',
			`Method "${ctx.params.Method}" is not supported; use SMS or VOICE.`,
		);
	if (!LANGUAGES.has(ctx.params.Locale))
		throw camsError(
			'InvalidParameter.LanguageNotSupport',
			`Locale "${ctx.params.Locale}" is not supported (use codes like en_US).`,
		);
	if (sender.codeVerificationStatus === 'VERIFIED')
		throw camsError('InvalidParameter', `The phone number ${sender.id} is already verified.`);
	codes(ctx).add(sender.id);
	return { Success: true };
}

function verifyAndRegister(ctx: ActionContext) {
	const sender = numberOf(ctx);
	if (!codes(ctx).has(sender.id))
		throw camsError(
			'InvalidParameter',
			`No verification code was requested for ${sender.id}; call GetChatappVerifyCode first.`,
		);
	if (ctx.params.VerifyCode !== VERIFY_CODE)
		throw camsError(
			'InvalidParameter.VerifyCodeError',
			'The verification code is wrong or expired.',
		);
	codes(ctx).delete(sender.id);
	Object.assign(sender, { codeVerificationStatus: 'VERIFIED', status: 'CONNECTED' });
	return { Success: true };
}

function register(ctx: ActionContext) {
	const sender = numberOf(ctx);
	if (sender.codeVerificationStatus !== 'VERIFIED')
		throw camsError(
			'InvalidParameter',
			`The phone number ${sender.id} is not verified; verify it first.`,
		);
	sender.status = 'CONNECTED';
	return { Success: true };
}

function deregister(ctx: ActionContext) {
	const sender = numberOf(ctx);
	if (sender.status !== 'CONNECTED')
		throw camsError(
			'InvalidParameter',
			`The phone number ${sender.id} is not registered (${sender.status}).`,
		);
	sender.status = 'DISCONNECTED';
	return { Success: true };
}

function queryProfile(ctx: ActionContext) {
	const sender = numberOf(ctx);
	const base: Profile = {
		About: `${sender.verifiedName} on WhatsApp`,
		Address: '1 Emulator Road, Singapore',
		Description: '',
		Email: 'hello@shop.example.com',
		ProfilePictureUrl: '',
		Vertical: 'RETAIL',
		Websites: ['https://shop.example.com'],
	};
	return { Data: { ...base, ...profileStore(ctx).get(sender.id) } };
}

function modifyProfile(ctx: ActionContext) {
	const sender = numberOf(ctx);
	const {
		About: about,
		Description: description,
		Email: email,
		Vertical: vertical,
		ProfilePictureUrl: picture,
		Websites: websites,
		Address: address,
	} = ctx.params;
	const bad = (message: string) => camsError('InvalidParameter', message);
	if (about !== undefined && about.length > 139) throw bad('About must be at most 139 characters.');
	if (description !== undefined && description.length > 512)
		throw bad('Description must be at most 512 characters.');
	if (email !== undefined && email !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
		throw bad(`Email "${email}" is not an e-mail address.`);
	if (vertical !== undefined && !VERTICALS.includes(vertical))
		throw bad(`Vertical "${vertical}" is not supported.`);
	if (picture !== undefined && picture !== '' && !isHttpUrl(picture))
		throw bad('ProfilePictureUrl must be an http(s) URL.');
	const sites =
		websites === undefined
			? undefined
			: parseJson<unknown>(websites, (detail) => bad(`Websites is not valid JSON: ${detail}`));
	if (sites !== undefined && (!Array.isArray(sites) || sites.length > 2 || !sites.every(isHttpUrl)))
		throw bad('Websites must be a JSON array of at most 2 http(s) URLs.');
	const changes = Object.fromEntries(
		Object.entries({
			About: about,
			Address: address,
			Description: description,
			Email: email,
			ProfilePictureUrl: picture,
			Vertical: vertical,
			Websites: sites,
		}).filter(([, value]) => value !== undefined),
	);
	profileStore(ctx).set(sender.id, { ...profileStore(ctx).get(sender.id), ...changes });
	return { Success: true };
}

function verificationStatus(ctx: ActionContext) {
	const sender = numberOf(ctx);
	return {
		Data: {
			PhoneNumber: sender.id,
			Id: `10${sender.id}`,
			CodeVerificationStatus: sender.codeVerificationStatus,
		},
	};
}

function numberMetric(ctx: ActionContext) {
	const channel = whatsappChannel(ctx);
	const phone = ctx.params.PhoneNumber;
	if (phone) numberOf(ctx);
	const numbers = phone
		? [phone]
		: [...ctx.state.senders.values()]
				.filter((sender) => sender.custSpaceId === channel.custSpaceId)
				.map((sender) => sender.id);
	const buckets = metricBuckets(ctx);
	return {
		Data: numbers.flatMap((number) =>
			buckets.map(({ start, end, granularity }) => {
				const sent = ctx.state.messages.filter(
					(message) =>
						message.eventAction === 'DOWN' &&
						message.businessNumber === number &&
						message.sendTime >= start &&
						message.sendTime < end,
				);
				const delivered = sent.filter(
					(message) => message.status === 'Delivered' || message.status === 'Read',
				);
				return {
					PhoneNumber: number,
					Start: start,
					End: end,
					Granularity: granularity,
					SentCount: sent.length,
					DeliveredCount: delivered.length,
				};
			}),
		),
	};
}

export const numberAdminActions: ActionTable = {
	AddChatappPhoneNumber: {
		required: ['Cc', 'CustSpaceId', 'PhoneNumber', 'VerifiedName'],
		run: addNumber,
	},
	GetChatappVerifyCode: {
		required: ['CustSpaceId', 'Locale', 'Method', 'PhoneNumber'],
		run: sendCode,
	},
	ChatappVerifyAndRegister: {
		required: ['CustSpaceId', 'PhoneNumber', 'VerifyCode'],
		run: verifyAndRegister,
	},
	ChatappPhoneNumberRegister: { required: ['CustSpaceId', 'PhoneNumber'], run: register },
	ChatappPhoneNumberDeregister: { required: ['CustSpaceId', 'PhoneNumber'], run: deregister },
	ChatappSyncPhoneNumber: {
		required: ['CustSpaceId'],
		run: (ctx) => phoneNumberActions.QueryChatappPhoneNumbers.run(ctx),
	},
	QueryPhoneBusinessProfile: { required: ['CustSpaceId', 'PhoneNumber'], run: queryProfile },
	ModifyPhoneBusinessProfile: { required: ['CustSpaceId', 'PhoneNumber'], run: modifyProfile },
	GetPhoneNumberVerificationStatus: {
		required: ['CustSpaceId', 'PhoneNumber'],
		run: verificationStatus,
	},
	GetChatappPhoneNumberMetric: { required: ['Start', 'End'], run: numberMetric },
};
