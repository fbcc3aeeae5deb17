/** Error answers: gateway rejections (POP style) and CAMS business results (Code != OK). */
import { randomUUID } from 'node:crypto';

import { HOST_ID } from './seed';

export class EmulatorError extends Error {
	constructor(
		readonly httpStatus: number,
		readonly code: string,
		message: string,
		/** `gateway`: {RequestId, HostId, Code, Message, Recommend}; `business`: CAMS envelope. */
		readonly kind: 'gateway' | 'business',
	) {
		super(message);
	}

	body(requestId: string): Record<string, unknown> {
		if (this.kind === 'business') {
			return {
				RequestId: requestId,
				Code: this.code,
				Message: this.message,
				AccessDeniedDetail: 'None',
				Success: false,
			};
		}
		return {
			RequestId: requestId,
			HostId: HOST_ID,
			Code: this.code,
			Message: this.message,
			Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(this.code)}&product=cams&requestId=${requestId}`,
		};
	}
}

export const newRequestId = (): string => randomUUID().toUpperCase();

export function gatewayError(httpStatus: number, code: string, message: string): EmulatorError {
	return new EmulatorError(httpStatus, code, message, 'gateway');
}

/** A CAMS validation result. InvalidParameter.* come back at HTTP 200 with Code != OK. */
export function camsError(code: string, message: string, httpStatus = 200): EmulatorError {
	return new EmulatorError(httpStatus, code, message, 'business');
}

export const errors = {
	missingParameter: (name: string) =>
		gatewayError(
			400,
			'MissingParameter',
			`The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
		),
	/** Required request parameter of an action (from the API metadata), e.g. MissingChannelType. */
	missing: (name: string) =>
		gatewayError(400, `Missing${name}`, `${name} is mandatory for this action.`),
	invalidAction: () =>
		gatewayError(
			404,
			'InvalidAction.NotFound',
			'Specified api is not found, please check your url and method.',
		),
	notEmulated: (action: string) =>
		gatewayError(501, 'NotImplemented', `The action ${action} exists in CAMS but is not emulated.`),
	invalidVersion: () =>
		gatewayError(400, 'InvalidVersion', 'Specified parameter Version is not valid.'),
	incompleteSignature: (detail: string) =>
		gatewayError(
			400,
			'IncompleteSignature',
			`The request signature does not conform to Aliyun standards. ${detail}`,
		),
	missingSignature: () =>
		gatewayError(400, 'MissingSignature', 'Signature is mandatory for this action.'),
	signatureV3: (stringToSign: string) =>
		gatewayError(
			400,
			'SignatureDoesNotMatch',
			`Specified signature does not match our calculation. server StringToSign is [${stringToSign}]`,
		),
	signatureV1: (stringToSign: string) =>
		gatewayError(
			400,
			'SignatureDoesNotMatch',
			`Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
		),
	keyNotFound: () =>
		gatewayError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
	keyInactive: () =>
		gatewayError(400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.'),
	tokenMismatch: () =>
		gatewayError(
			400,
			'InvalidSecurityToken.MismatchWithAccessKey',
			'Specified SecurityToken mismatch with the AccessKey.',
		),
	tokenMissing: () =>
		gatewayError(400, 'MissingSecurityToken', 'SecurityToken is mandatory for this action.'),
	timestampFormat: (value: string) =>
		gatewayError(
			400,
			'InvalidTimeStamp.Format',
			`Specified time stamp or date value is not well formatted: ${value}`,
		),
	timestampExpired: (value: string) =>
		gatewayError(
			400,
			'InvalidTimeStamp.Expired',
			`Specified time stamp or date value is expired: ${value}`,
		),
	nonceUsed: () =>
		gatewayError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
	throttled: () =>
		gatewayError(400, 'Throttling.User', 'Request was denied due to user flow control.'),
	internal: () =>
		gatewayError(
			500,
			'InternalError',
			'The request processing has failed due to some unknown error, exception or failure.',
		),
	malformed: (detail: string) => gatewayError(400, 'InvalidParameter', detail),
};
