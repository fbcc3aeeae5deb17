import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { AlibabaCloudChatAppApi } from '../../../credentials/AlibabaCloudChatAppApi.credentials';
import { hintFor, type CamsErrorBody } from './errors';

/** The call the "Test" button makes: the cheapest read every CAMS user may call. */
const TEST_REQUEST: IHttpRequestOptions = {
	method: 'POST',
	url: '/',
	headers: { 'x-acs-action': 'ListInstance' },
	qs: { PageIndex: 1, PageSize: 1 },
};

const ENDPOINT_HINT =
	'Check that the Region, or the Endpoint URL of a custom endpoint, points at a CAMS gateway (for example https://cams.ap-southeast-1.aliyuncs.com).';

function parse(raw: unknown): CamsErrorBody | undefined {
	if (raw && typeof raw === 'object' && !Buffer.isBuffer(raw)) return raw as CamsErrorBody;
	const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw ?? '');
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' ? (parsed as CamsErrorBody) : undefined;
	} catch {
		return {
			Message:
				text
					.replace(/<[^>]*>/g, ' ')
					.replace(/\s+/g, ' ')
					.trim()
					.slice(0, 200) || undefined,
		};
	}
}

/**
 * The verdict on CAMS's answer to the test call. Only HTTP 2xx with `Code: "OK"` is a success;
 * any other status or code fails and shows the code, the message and what to do about it.
 */
export function judgeTestAnswer(statusCode: number, raw: unknown): INodeCredentialTestResult {
	const body = parse(raw);
	const code = body?.Code;
	if (statusCode >= 200 && statusCode < 300 && code === 'OK' && body?.Success !== false) {
		return { status: 'OK', message: 'Connection successful!' };
	}
	const named = code ?? `HTTP ${statusCode}`;
	const status = code && statusCode >= 400 ? ` (HTTP ${statusCode})` : '';
	const message = body?.Message ? `: ${body.Message}` : '';
	const hint =
		hintFor(code, body?.Message) ??
		(statusCode >= 500 || statusCode === 404 || code === undefined
			? ENDPOINT_HINT
			: 'CAMS rejected the AccessKey or its permissions.');
	return { status: 'Error', message: `${named}${status}${message}. ${hint}` };
}

function networkCode(error: unknown): string | undefined {
	const failure = error as { code?: unknown; cause?: { code?: unknown } };
	const code = failure.cause?.code ?? failure.code;
	return typeof code === 'string' ? code : undefined;
}

type TestHelpers = ICredentialTestFunctions['helpers'] & {
	httpRequest?: (options: IHttpRequestOptions) => Promise<unknown>;
};

/**
 * Sends the signed test call. n8n 2.8 gives a credential test only the legacy `request` helper
 * (its CredentialTestContext has no `httpRequest`); a newer n8n that offers `httpRequest` gets
 * that instead. Either way the answer comes back whatever its status, to be judged here.
 */
async function send(
	helpers: TestHelpers,
	signed: IHttpRequestOptions,
): Promise<{ statusCode: number; body: unknown }> {
	if (helpers.httpRequest) {
		return (await helpers.httpRequest({
			...signed,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown };
	}
	const { url, ...rest } = signed;
	return (await helpers.request({
		...rest,
		uri: url,
		resolveWithFullResponse: true,
		simple: false,
	})) as { statusCode: number; body: unknown };
}

/**
 * The credential test of "Alibaba Cloud Chat App API" (the node lists it as `testedBy`). n8n's
 * declarative test can only match fixed values, so it reported rejected requests as successes;
 * this signs the test call with the credential itself and judges the answer. n8n hands a test
 * only `helpers.request`, so the call goes through that rather than the usual request helper.
 */
export async function testCamsCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	let signed: IHttpRequestOptions;
	try {
		signed = await new AlibabaCloudChatAppApi().authenticate(credential.data ?? {}, {
			...TEST_REQUEST,
			headers: { ...TEST_REQUEST.headers },
		});
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	let response: { statusCode: number; body: unknown };
	try {
		response = await send(this.helpers, signed);
	} catch (error) {
		const code = networkCode(error) ?? (error as Error).message;
		return {
			status: 'Error',
			message: `CAMS could not be reached at ${new URL(signed.url).origin} (${code}). ${ENDPOINT_HINT}`,
		};
	}
	return judgeTestAnswer(response.statusCode, response.body);
}
