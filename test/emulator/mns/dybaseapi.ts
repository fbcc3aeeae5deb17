/** Dybaseapi QueryTokenForMnsQueue (2017-05-25): temporary keys for one Communications queue. */
import type { ActionTable } from '../actions/context';
import { camsError } from '../errors';
import { beijingTime, queueHubOf, QUEUE_TYPES } from './index';

export const queueTokenActions: ActionTable = {
	QueryTokenForMnsQueue: {
		required: ['MessageType'],
		run: (ctx) => {
			const hub = queueHubOf(ctx.state);
			if (!hub) throw camsError('InternalError', 'The queue emulator is not running.', 500);
			const messageType = ctx.params.MessageType;
			if (!(QUEUE_TYPES as string[]).includes(messageType)) {
				throw camsError('isv.InvalidParameter', `MessageType ${messageType} is not valid.`, 400);
			}
			const queueName = ctx.params.QueueName || `Alicom-Queue-unknown-${messageType}`;
			const token = hub.tokens.issue(messageType, queueName);
			return {
				Message: 'OK',
				MessageTokenDTO: {
					AccessKeyId: token.accessKeyId,
					AccessKeySecret: token.accessKeySecret,
					SecurityToken: token.securityToken,
					CreateTime: beijingTime(token.createdAt),
					ExpireTime: beijingTime(token.expiresAt),
				},
			};
		},
	},
};
