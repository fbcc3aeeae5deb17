import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MediaFile } from '../../transport';

/** Whether an upload is handed on as a presigned link; shared by Send Message and Upload Media. */
export const presignedUrlOption: INodeProperties = {
	displayName: 'Presigned URL',
	name: 'presignedUrl',
	type: 'boolean',
	default: true,
	description:
		'Whether to create a temporary public link for the uploaded file (GeneratePresignedUrl). CAMS media buckets are private, so WhatsApp and the other platforms can only fetch the file through such a link.',
};

/** The file in an item's binary field, with its name and MIME type; checked before any upload. */
export async function readBinaryFile(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<MediaFile> {
	const name = propertyName.trim();
	if (!name) {
		throw new NodeOperationError(this.getNode(), 'Input Binary Field is empty', {
			itemIndex,
			description:
				'Set "Input Binary Field" to the name of the binary field holding the file, e.g. data.',
		});
	}
	const binary = this.helpers.assertBinaryData(itemIndex, name);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, name);
	if (data.length === 0) {
		throw new NodeOperationError(this.getNode(), `The file in binary field "${name}" is empty`, {
			itemIndex,
			description: 'Check the node that produced the file: it holds no bytes.',
		});
	}
	const extension = binary.fileExtension ? `.${binary.fileExtension}` : '';
	return {
		data,
		fileName: binary.fileName || `${name}${extension}`,
		mimeType: binary.mimeType || 'application/octet-stream',
	};
}
