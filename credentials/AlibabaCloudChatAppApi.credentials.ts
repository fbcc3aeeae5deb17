import type {
	ICredentialDataDecryptedObject,
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
	resolveEndpoint,
} from './common/acs/endpoints';
import { buildSignedRequest } from './common/acs/request';
import { isMnsRequest, signMnsHttpRequest } from './common/mns/request';

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
		const headers = Object.assign({ 'x-acs-version': CAMS_API_VERSION }, requestOptions.headers);
		const { url, baseURL, method, qs, body } = requestOptions;
		const signed = buildSignedRequest({ url, baseURL, method, qs, body, headers }, endpoint, keys);
		// The URL already carries the encoded query and the absolute endpoint; nothing may re-add them,
		// so baseURL and qs are left out. (Copied field by field: spreading and then overriding keys in
		// one object literal is a slow path in V8, and this runs before every request.)
		const wireRequest: IHttpRequestOptions = Object.assign({}, requestOptions);
		wireRequest.url = signed.url;
		wireRequest.method = signed.method as IHttpRequestMethods;
		wireRequest.headers = signed.headers;
		wireRequest.body = signed.body;
		wireRequest.baseURL = undefined;
		wireRequest.qs = undefined;
		return wireRequest;
	}

	// No declarative `test`: n8n 2.8 would use it before any other and can only match fixed
	// values, so it passed rejected requests. The action node's `testedBy` method
	// (nodes/AlibabaCloudChatApp/transport/credentialTest.ts) signs the test call and judges it.
}
