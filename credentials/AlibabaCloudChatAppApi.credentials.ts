import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import {
	CAMS_API_VERSION,
	CAMS_REGIONS,
	CUSTOM_ENDPOINT,
	regionEndpoint,
	resolveEndpoint,
} from './common/acs/endpoints';
import { buildSignedRequest } from './common/acs/request';
import { isMnsRequest, signMnsHttpRequest } from './common/mns/request';

/** Error codes a credential test can meet, with what the user should do about each. */
const CREDENTIAL_TEST_FAILURES: Array<[string, string]> = [
	[
		'SignatureDoesNotMatch',
		'The AccessKey Secret does not belong to this AccessKey ID. Paste the secret again.',
	],
	['IncompleteSignature', 'The request signature was rejected. Paste the AccessKey Secret again.'],
	[
		'InvalidAccessKeyId.NotFound',
		'This AccessKey ID does not exist. Copy it again from the RAM console',
	],
	[
		'InvalidAccessKeyId.Inactive',
		'This AccessKey is disabled. Enable it in the RAM console or use another one.',
	],
	[
		'InvalidTimeStamp.Expired',
		"The n8n host's clock is more than 15 minutes off. Synchronise it (NTP).",
	],
	['InvalidSecurityToken.Expired', 'The STS token has expired. Request a new one.'],
	['InvalidSecurityToken.MismatchWithAccessKey', 'The STS token belongs to another AccessKey ID.'],
	['InvalidSecurityToken.Malformed', 'The STS token is incomplete. Paste it again.'],
	[
		'Ram.PermissionDeny',
		'The RAM user lacks the cams:ListInstance permission. Grant it AliyunCAMSFullAccess.',
	],
	[
		'Forbidden.RAM',
		'The RAM user lacks the cams:ListInstance permission. Grant it AliyunCAMSFullAccess.',
	],
	[
		'Product.Unsubscript',
		'Chat App Message Service is not activated for this account. Activate it in the CAMS console',
	],
];

export class AlibabaCloudChatAppApi implements ICredentialType {
	name = 'alibabaCloudChatAppApi';

	displayName = 'Alibaba Cloud Chat App API';

	icon: Icon = {
		light: 'file:../icons/alibabaCloudChatApp.svg',
		dark: 'file:../icons/alibabaCloudChatApp.dark.svg',
	};

	documentationUrl =
		'https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-overview';

	properties: INodeProperties[] = [
		{
			displayName: 'AccessKey ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The AccessKey ID of a RAM user with the AliyunCAMSFullAccess policy (or the cams:* actions you use)',
		},
		{
			displayName: 'AccessKey Secret',
			name: 'accessKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'STS Security Token',
			name: 'securityToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for temporary STS credentials; leave empty for a permanent AccessKey pair',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				...CAMS_REGIONS.map(({ name, value }) => ({ name, value })),
				{ name: 'Custom Endpoint', value: CUSTOM_ENDPOINT },
			],
			default: CAMS_REGIONS[0].value,
		},
		{
			displayName: 'Endpoint URL',
			name: 'endpoint',
			type: 'string',
			default: '',
			placeholder: 'https://cams.ap-southeast-1.aliyuncs.com',
			description:
				'Base URL of the CAMS gateway, for example a local emulator such as http://127.0.0.1:8090',
			displayOptions: { show: { region: [CUSTOM_ENDPOINT] } },
		},
	];

	/**
	 * Signs every request with ACS3-HMAC-SHA256 over the exact bytes that are sent; a request to
	 * the user's own Simple Message Queue (marked by x-mns-version) gets the queue's MNS signature.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const keys = {
			accessKeyId: String(credentials.accessKeyId ?? '').trim(),
			accessKeySecret: String(credentials.accessKeySecret ?? ''),
			securityToken: String(credentials.securityToken ?? '').trim() || undefined,
		};
		if (isMnsRequest(requestOptions)) {
			return signMnsHttpRequest(requestOptions, keys, new Date().toUTCString());
		}
		let endpoint: string;
		try {
			endpoint = resolveEndpoint(credentials.region as string, credentials.endpoint as string);
		} catch (error) {
			throw new UserError((error as Error).message);
		}
		const headers = { 'x-acs-version': CAMS_API_VERSION, ...(requestOptions.headers ?? {}) };
		const signed = buildSignedRequest({ ...requestOptions, headers }, endpoint, keys);
		const wireRequest: IHttpRequestOptions = {
			...requestOptions,
			url: signed.url,
			method: signed.method as IHttpRequestMethods,
			headers: signed.headers,
			body: signed.body,
		};
		// The URL already carries the encoded query and the absolute endpoint; nothing may re-add them.
		delete wireRequest.baseURL;
		delete wireRequest.qs;
		return wireRequest;
	}

	/**
	 * n8n 2.8 shows only a generic text for a non-2xx test answer, so the test reads the error body
	 * itself and names the cause; the first rule whose field matches wins.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/',
			headers: { 'x-acs-action': 'ListInstance' },
			qs: { PageIndex: 1, PageSize: 1 },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			...CREDENTIAL_TEST_FAILURES.map(([code, message]) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'Code', value: code, message: `${code}: ${message}` },
			})),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'HostId',
					value: new URL(regionEndpoint(CAMS_REGIONS[0].value)).host,
					message:
						'CAMS rejected the request. Check the AccessKey pair and that the RAM user may call cams:ListInstance.',
				},
			},
		],
	};
}
