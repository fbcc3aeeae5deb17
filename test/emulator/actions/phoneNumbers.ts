/** WABA, phone numbers and webhook configuration. */
import { camsError } from '../errors';
import type { Channel, Webhooks } from '../state';
import { isHttpUrl, requireChannel, type ActionContext, type ActionTable } from './context';

export const ACCOUNT_ID = '5123456789012345';

function requireWhatsapp(ctx: ActionContext): Channel {
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

/** Applies StatusCallbackUrl / UpCallbackUrl / HttpFlag / QueueFlag that were sent. */
function applyWebhooks(
	ctx: ActionContext,
	webhooks: Webhooks,
	names: Array<'StatusCallbackUrl' | 'UpCallbackUrl'>,
): void {
	const { params } = ctx;
	for (const name of names) {
		const value = params[name];
		if (value === undefined) continue;
		if (value !== '' && !isHttpUrl(value)) {
			throw camsError(
				'ERR-OPERATION-MAAP-0085',
				`${name} "${value}" must start with http:// or https://.`,
				400,
			);
		}
	}
	for (const flag of ['HttpFlag', 'QueueFlag'] as const) {
		if (params[flag] !== undefined && params[flag] !== 'Y' && params[flag] !== 'N') {
			throw camsError('InvalidParameter', `${flag} must be Y or N.`);
		}
	}
	if (params.StatusCallbackUrl !== undefined)
		webhooks.statusCallbackUrl = params.StatusCallbackUrl || undefined;
	if (names.includes('UpCallbackUrl') && params.UpCallbackUrl !== undefined)
		webhooks.upCallbackUrl = params.UpCallbackUrl || undefined;
	if (params.HttpFlag) webhooks.httpFlag = params.HttpFlag as 'Y' | 'N';
	if (params.QueueFlag) webhooks.queueFlag = params.QueueFlag as 'Y' | 'N';
}

function queryBindWaba(ctx: ActionContext) {
	const channel = requireWhatsapp(ctx);
	return {
		Data: {
			Id: channel.wabaId,
			Name: 'Emulator Shop WABA',
			AccountReviewStatus: 'APPROVED',
			Currency: 'USD',
			MessageTemplateNamespace: '4f1c2b7e_9d3a_4c52_8e61_0a7b9c3d2e1f',
			BusinessId: '1029384756102938',
			BusinessName: 'Emulator Pte. Ltd.',
			MarketingMessageLiteStatus: 'N',
			IsOnBizApp: 'N',
			PrimaryBusinessLocation: 'SG',
		},
	};
}

function queryPhoneNumbers(ctx: ActionContext) {
	const channel = requireWhatsapp(ctx);
	const status = ctx.params.Status;
	const numbers = [...ctx.state.senders.values()].filter(
		(sender) =>
			sender.custSpaceId === channel.custSpaceId &&
			(!status || sender.status === status || sender.codeVerificationStatus === status),
	);
	return {
		PhoneNumbers: numbers.map((sender) => ({
			PhoneNumber: sender.id,
			VerifiedName: sender.verifiedName,
			NameStatus: sender.nameStatus,
			NewNameStatus: 'NONE',
			Status: sender.status,
			CodeVerificationStatus: sender.codeVerificationStatus,
			QualityRating: sender.qualityRating,
			MessagingLimitTier: sender.messagingLimitTier,
			IsOfficial: 'N',
			StatusCallbackUrl: sender.webhooks.statusCallbackUrl,
			UpCallbackUrl: sender.webhooks.upCallbackUrl,
			StatusQueue:
				sender.webhooks.queueFlag === 'Y' ? `Alicom-Queue-${ACCOUNT_ID}-ChatAppStatus` : undefined,
			UpQueue:
				sender.webhooks.queueFlag === 'Y' ? `Alicom-Queue-${ACCOUNT_ID}-ChatAppInbound` : undefined,
		})),
	};
}

function updatePhoneWebhook(ctx: ActionContext) {
	const channel = requireWhatsapp(ctx);
	const sender = ctx.state.senders.get(ctx.params.PhoneNumber);
	if (!sender || sender.custSpaceId !== channel.custSpaceId) {
		throw camsError(
			'ERR-OPERATION-MAAP-0065',
			`The phone number ${ctx.params.PhoneNumber} is not bound to channel ${channel.custSpaceId}.`,
			400,
		);
	}
	applyWebhooks(ctx, sender.webhooks, ['StatusCallbackUrl', 'UpCallbackUrl']);
	return {};
}

function updateAccountWebhook(ctx: ActionContext) {
	const channel = requireChannel(ctx, ctx.params.CustSpaceId);
	applyWebhooks(ctx, channel.account, ['StatusCallbackUrl']);
	return {};
}

export const phoneNumberActions: ActionTable = {
	QueryChatappBindWaba: { run: queryBindWaba },
	QueryChatappPhoneNumbers: { run: queryPhoneNumbers },
	UpdatePhoneWebhook: { required: ['CustSpaceId', 'PhoneNumber'], run: updatePhoneWebhook },
	UpdateAccountWebhook: { required: ['CustSpaceId'], run: updateAccountWebhook },
};
