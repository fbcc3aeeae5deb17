import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The CAMS / Alibaba Cloud error envelope (HTTP 4xx/5xx, or HTTP 200 with `Code` other than OK). */
export interface CamsErrorBody {
	Code?: string;
	Message?: string;
	RequestId?: string;
	HostId?: string;
	Recommend?: string;
	[key: string]: unknown;
}

const WINDOW_HINT =
	'The customer has not written to you in the last 24 hours, so only a template message can be sent. Use the Send Template operation instead.';

interface Hint {
	match: RegExp;
	hint: string;
}

/** What to do about the errors users hit most; matched on `Code`, then on `Message`. */
const CODE_HINTS: Hint[] = [
	{
		match: /^(Ram\.PermissionDeny|Forbidden\.RAM|Authentication\.NoAuth|Forbidden)$/,
		hint: 'The RAM user of this AccessKey lacks permission for this action. In the RAM console, grant it AliyunCAMSFullAccess or the cams:<Action> permission named in the error.',
	},
	{
		match: /^Product\.Unsubscript$/,
		hint: 'Chat App Message Service is not activated for this Alibaba Cloud account. Activate it in the CAMS console first.',
	},
	{
		match: /^(SignatureDoesNotMatch|IncompleteSignature)$/,
		hint: 'The AccessKey Secret does not match the AccessKey ID. Copy the secret again into the credential (no spaces), or create a new AccessKey pair.',
	},
	{
		match: /^InvalidAccessKeyId\./,
		hint: 'The AccessKey ID is unknown or disabled. Check it in the RAM console and update the credential.',
	},
	{
		match: /^InvalidTimeStamp\./,
		hint: "This machine's clock differs from Alibaba Cloud's by more than 15 minutes. Synchronise the clock (NTP) of the n8n host.",
	},
	{
		match: /^MissingSecurityToken$/,
		hint: 'This AccessKey is a temporary STS key, or the gateway requires an STS token: paste the STS Security Token into the credential, or use a permanent AccessKey pair.',
	},
	{
		match: /^(InvalidAction\.NotFound|InvalidApi\.NotFound|InvalidVersion)$/,
		hint: 'The endpoint does not offer this CAMS action (API 2020-06-06). Check that the Region or the Endpoint URL of the credential points at CAMS.',
	},
	{
		match: /^InvalidSecurityToken\./,
		hint: 'The STS token is expired or belongs to another AccessKey. Request a new token, or clear the STS field for a permanent AccessKey.',
	},
	{
		match: /TemplateNotExist$/,
		hint: 'No template with this code (or name) exists in this language on this channel. Pick the template from the list, and check its language.',
	},
	{
		match: /^InvalidParameter\.(PhoneNumberError|FromOnlyNumeric|ToOnlyNumeric)/,
		hint: 'Phone numbers must be digits only, with the country code and without "+", spaces or dashes, e.g. 6591234567.',
	},
	{ match: /^InvalidParameter\.OutOfSession$/, hint: WINDOW_HINT },
	{
		match: /^(Throttling(\..+)?|System\.LimitControl)$/,
		hint: 'CAMS throttled the request even after retries. Lower the rate or concurrency in the node options.',
	},
];

const MESSAGE_HINTS: Hint[] = [
	{ match: /24[- ]?hour|customer service window|re-engagement|131047/i, hint: WINDOW_HINT },
];

/** The hint for a CAMS error, if it is one we know how to explain. */
export function hintFor(code: string | undefined, message: string | undefined): string | undefined {
	return (
		CODE_HINTS.find(({ match }) => code !== undefined && match.test(code))?.hint ??
		MESSAGE_HINTS.find(({ match }) => message !== undefined && match.test(message))?.hint
	);
}

/** Builds the NodeApiError for a CAMS failure, carrying its code, message and RequestId. */
export function camsApiError(
	node: INode,
	action: string,
	statusCode: number,
	body: CamsErrorBody,
	itemIndex?: number,
): NodeApiError {
	const code = body.Code ?? `HTTP ${statusCode}`;
	const message = `${action} failed: ${code}${body.Message ? ` - ${body.Message}` : ''}`;
	const hint = hintFor(body.Code, body.Message);
	const requestId = body.RequestId ? ` (RequestId ${body.RequestId})` : '';
	const error = new NodeApiError(node, body as JsonObject, {
		message,
		description: `${hint ?? 'CAMS rejected the request.'}${requestId}`,
		httpCode: String(statusCode),
		itemIndex,
	});
	return keepMessage(error, message);
}

/**
 * NodeApiError swaps a message that merely contains a Node error code (EEXIST in
 * "TemplateNameExist", ECONNRESET, ...) for a stock text such as "The file or directory already
 * exists". Our messages are written for this API, so put them back.
 */
export function keepMessage(error: NodeApiError, message: string): NodeApiError {
	error.message = message;
	error.messages = error.messages.filter((entry) => entry !== message);
	return error;
}

/** What a workflow needs to route a failed send: the code, the RequestId, whether it may be out. */
export interface FailureFacts {
	errorCode?: string;
	requestId?: string;
	/** "no": CAMS definitely did not accept it. "unknown": it may have; check before resending. */
	sent: 'no' | 'unknown';
}

const facts = new WeakMap<Error, FailureFacts>();

/** Remembers the facts of a failure on its error object (n8n's error classes have no slot for them). */
export function markFailure<E extends Error>(error: E, failure: FailureFacts): E {
	facts.set(error, failure);
	return error;
}

/** The facts of a failure; an error the transport did not mark never reached CAMS. */
export function failureOf(error: Error): FailureFacts {
	return facts.get(error) ?? { sent: 'no' };
}
