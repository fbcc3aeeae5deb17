/** Send Message / Upload Media test fixtures: seed identities, node parameters, binary items (run them with test/helpers/chatApp). */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SEED_CHANNELS, SEED_NUMBERS } from '../../../../emulator';
import { byId } from '../../../../helpers/chatApp';

/** Channel, sender and a recipient of the emulator's seed, per channel type (Instagram is not seeded). */
export const SEED: Record<string, { channelId: string; from: string; to: string }> = {
	whatsapp: {
		channelId: SEED_CHANNELS.whatsapp.custSpaceId,
		from: SEED_NUMBERS.connected,
		to: '6581234567',
	},
	viber: {
		channelId: SEED_CHANNELS.viber.custSpaceId,
		from: SEED_NUMBERS.viberServiceId,
		to: '6581234567',
	},
	messenger: {
		channelId: SEED_CHANNELS.messenger.custSpaceId,
		from: SEED_NUMBERS.messengerPageId,
		to: '7712345678901',
	},
	instagram: { channelId: 'cams-emu-instagram', from: '17841400000000001', to: '6650000000000001' },
};

/** Send Message parameters for a channel and message type, plus the type's own fields. */
export function sendParameters(
	channelType: string,
	messageType: string,
	fields: INodeParameters = {},
): INodeParameters {
	const seed = SEED[channelType];
	return {
		resource: 'message',
		operation: 'send',
		channelType,
		channelId: byId(seed.channelId),
		from: byId(seed.from),
		to: seed.to,
		messageType,
		...fields,
	};
}

/** An input item carrying a file in the binary field `property` (kept in memory, base64). */
export function binaryItem(
	data: Buffer,
	fileName: string,
	mimeType: string,
	property = 'data',
): INodeExecutionData {
	const extension = fileName.includes('.') ? fileName.split('.').pop() : undefined;
	return {
		json: { name: fileName },
		binary: {
			[property]: {
				data: data.toString('base64'),
				fileName,
				mimeType,
				fileExtension: extension,
				fileSize: `${data.length} B`,
			},
		},
	};
}
