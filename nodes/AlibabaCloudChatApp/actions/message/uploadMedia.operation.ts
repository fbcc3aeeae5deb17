import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { uploadMedia } from '../../transport';
import { channelLocator } from '../../descriptions/locators';
import { presignedUrlOption, readBinaryFile } from './media';

const properties: INodeProperties[] = [
	{
		displayName:
			'Uploads a file to the media storage of the channel. Use the link it returns as the media link of Send Message or as the header media of a template.',
		name: 'uploadNotice',
		type: 'notice',
		default: '',
	},
	channelLocator,
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'invoice.pdf',
				description: 'Name to store the file under; empty uses the name of the binary file',
			},
			presignedUrlOption,
		],
	},
];

export const description = updateDisplayOptions(showFor('message', ['uploadMedia']), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const channelId = requiredValue(this, 'channelId', 'Channel', itemIndex);
	const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const file = await readBinaryFile.call(this, itemIndex, property);
	const fileName = String(options.fileName ?? '').trim() || file.fileName;
	const uploaded = await uploadMedia.call(
		this,
		channelId,
		{ ...file, fileName },
		{ presign: options.presignedUrl !== false },
		itemIndex,
	);
	return {
		link: uploaded.link,
		...(uploaded.presignedUrl ? { presignedUrl: uploaded.presignedUrl } : {}),
		filePath: uploaded.filePath,
		fileName: uploaded.fileName,
		mimeType: uploaded.mimeType,
		size: uploaded.size,
	};
}
