/** Checks the MNS signature of a queue request the way the service does, from the wire. */
import { createHmac } from 'node:crypto';

import type { WireRequest } from '../wire';
import type { TokenStore } from './tokens';
import { QueueServiceError } from './xml';

export interface QueueAuthContext {
	tokens: TokenStore;
	/** Secret of a permanent AccessKey (the user's own queues), undefined when unknown or disabled. */
	permanentSecret: (accessKeyId: string) => string | undefined;
	now: () => number;
	skewMs: number;
}

export function stringToSign(wire: WireRequest, resource: string): string {
	const header = (name: string) => wire.headers[name]?.[0] ?? '';
	const mns = Object.keys(wire.headers)
		.filter((name) => name.startsWith('x-mns-'))
		.sort()
		.map((name) => `${name}:${header(name)}\n`)
		.join('');
	const date = header('date') || header('x-mns-date');
	return `${wire.method}\n${header('content-md5')}\n${header('content-type')}\n${date}\n${mns}${resource}`;
}

/**
 * Verifies Authorization `MNS id:signature`, the Date window, the STS token and what the key may
 * read: a temporary key only its own queue, a permanent key only queues that are not the
 * Communications queues (`Alicom-Queue-*` belong to another account).
 */
export function authenticateQueueRequest(
	wire: WireRequest,
	resource: string,
	queueName: string,
	ctx: QueueAuthContext,
): string {
	const authorization = wire.headers.authorization?.[0];
	const match = /^MNS ([^:\s]+):(\S+)$/.exec(authorization ?? '');
	if (!authorization)
		throw new QueueServiceError(
			400,
			'MissingAuthorizationHeader',
			'The Authorization header is missing.',
		);
	if (!match)
		throw new QueueServiceError(
			400,
			'InvalidAuthorizationHeader',
			'The Authorization header is malformed.',
		);
	const date = wire.headers.date?.[0] ?? wire.headers['x-mns-date']?.[0];
	if (!date) throw new QueueServiceError(400, 'MissingDateHeader', 'The Date header is missing.');
	const at = Date.parse(date);
	if (!Number.isFinite(at))
		throw new QueueServiceError(400, 'InvalidDateHeader', 'The Date header is invalid.');
	if (Math.abs(at - ctx.now()) > ctx.skewMs)
		throw new QueueServiceError(408, 'TimeExpired', 'The http request you sent is expired.');
	const [, accessKeyId, signature] = match;
	const token = ctx.tokens.find(accessKeyId);
	const secret = token?.accessKeySecret ?? ctx.permanentSecret(accessKeyId);
	if (!secret)
		throw new QueueServiceError(
			403,
			'InvalidAccessKeyId',
			'The access Id you provided is not exist.',
		);
	const expected = createHmac('sha1', secret)
		.update(stringToSign(wire, resource), 'utf8')
		.digest('base64');
	if (expected !== signature) {
		throw new QueueServiceError(
			403,
			'SignatureDoesNotMatch',
			`The request signature we calculated does not match the signature you provided. StringToSign: ${JSON.stringify(stringToSign(wire, resource))}`,
		);
	}
	if (token) {
		if (wire.headers['security-token']?.[0] !== token.securityToken) {
			throw new QueueServiceError(
				403,
				'InvalidSecurityToken',
				'The security token you provided does not match the access key.',
			);
		}
		if (ctx.now() >= token.expiresAt)
			throw new QueueServiceError(
				403,
				'SecurityTokenExpired',
				'The security token you provided has expired.',
			);
		if (token.queueName !== queueName) {
			throw new QueueServiceError(
				403,
				'AccessDenied',
				'The OwnerId that your Access Key Id associated to is forbidden for this operation.',
			);
		}
	} else if (queueName.startsWith('Alicom-Queue-')) {
		throw new QueueServiceError(
			403,
			'AccessDenied',
			'The OwnerId that your Access Key Id associated to is forbidden for this operation.',
		);
	}
	return accessKeyId;
}
