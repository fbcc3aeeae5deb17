import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { getUploadAuthorization } from '../../../../nodes/AlibabaCloudChatApp/transport/oss';

const node: INode = {
	id: 'n1',
	name: 'Alibaba Cloud Chat App',
	type: 'n8n-nodes-alibabacloud-chatapp.alibabaCloudChatApp',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function contextAnswering(body: object): IExecuteFunctions {
	const httpRequestWithAuthentication = jest.fn(async () => ({ statusCode: 200, body }));
	return {
		getNode: () => node,
		helpers: { httpRequestWithAuthentication },
	} as unknown as IExecuteFunctions;
}

describe('GetChatappUploadAuthorization', () => {
	it('never shows the temporary OSS secret or token when the answer lacks a bucket or endpoint', async () => {
		const context = contextAnswering({
			Code: 'OK',
			RequestId: 'req-oss-1',
			Data: {
				AccessKeyId: 'STS.upload',
				AccessKeySecret: 'tmp-oss-secret-9f3a',
				SecurityToken: 'tmp-sts-token-77c1',
				Dir: 'cams-1/',
			},
		});
		const error = (await getUploadAuthorization
			.call(context, 'cams-1', 0)
			.catch((caught: Error) => caught)) as Error;
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'GetChatappUploadAuthorization returned no upload keys',
		});
		const shown = JSON.stringify({ ...error, message: error.message, stack: error.stack });
		expect(shown).toContain('req-oss-1');
		expect(shown).toContain('STS.upload');
		expect(shown).not.toContain('tmp-oss-secret-9f3a');
		expect(shown).not.toContain('tmp-sts-token-77c1');
	});
});
