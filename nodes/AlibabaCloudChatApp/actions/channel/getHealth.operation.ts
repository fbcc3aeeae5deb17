import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredPhoneNumber, requiredValue } from '../shared/input';
import { dataOf } from '../shared/response';
import { readTemplateChoice } from '../shared/readTemplateChoice';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { templateLanguageField } from '../common.descriptions';
import {
	channelLocator,
	phoneNumberLocatorWith,
	templateLocatorWith,
} from '../../descriptions/locators';
import { optionalWabaField, wabaIdOf } from './waba';

const properties: INodeProperties[] = [
	channelLocator,
	{
		displayName: 'Check',
		name: 'nodeType',
		type: 'options',
		options: [
			{ name: 'Phone Number', value: 'phone', description: 'Whether a business number can send' },
			{ name: 'Template', value: 'template', description: 'Whether a template can be sent' },
			{
				name: 'WABA',
				value: 'waba',
				description: 'Whether the WhatsApp Business Account can send',
			},
		],
		default: 'waba',
	},
	{ ...optionalWabaField, displayOptions: { show: { nodeType: ['waba'] } } },
	phoneNumberLocatorWith({
		description: 'The WhatsApp business number',
		displayOptions: { show: { nodeType: ['phone'] } },
	}),
	// Any review state can be checked, so the list shows every template.
	templateLocatorWith('any', { displayOptions: { show: { nodeType: ['template'] } } }),
	{
		...templateLanguageField,
		displayOptions: { ...templateLanguageField.displayOptions, show: { nodeType: ['template'] } },
	},
];

export const description = updateDisplayOptions(showFor('channel', ['getHealth']), properties);

/** Asks WhatsApp whether the WABA, number or template can send now, and why not. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const channelId = requiredValue(this, 'channelId', 'Channel', itemIndex);
	const nodeType = this.getNodeParameter('nodeType', itemIndex) as string;
	const params: IDataObject = { CustSpaceId: channelId, NodeType: nodeType };
	if (nodeType === 'waba') params.WabaId = await wabaIdOf(this, channelId, itemIndex);
	if (nodeType === 'phone')
		params.PhoneNumber = requiredPhoneNumber(this, 'phoneNumber', 'Phone Number', itemIndex);
	if (nodeType === 'template') {
		const { code, language } = readTemplateChoice(this, itemIndex);
		params.TemplateCode = code;
		params.Language = language;
	}
	const response = await camsRequest.call(this, 'GetWhatsappHealthStatus', params, { itemIndex });
	return { NodeType: nodeType, ...dataOf(response) };
}
