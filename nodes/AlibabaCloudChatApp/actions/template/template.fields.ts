import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requiredValue } from '../shared/input';
import { readTemplateChoice } from '../shared/readTemplateChoice';
import { templateTypeFor } from '../../transport';
import { templateLanguageField, whatsAppOrViberField } from '../common.descriptions';
import { anyTemplateLocator, channelLocator } from '../../descriptions/locators';

/** CAMS templates exist for WhatsApp and Viber only. */
export const templateChannelTypeField = whatsAppOrViberField(
	'Templates are made for WhatsApp or for Viber (TemplateType)',
);

/** The fields that name an existing template; read them with readTemplateIdentity. */
export const templateIdentityFields: INodeProperties[] = [
	templateChannelTypeField,
	channelLocator,
	anyTemplateLocator,
	templateLanguageField,
];

/** Channel, template code, language and TemplateType of an existing template. */
export function readTemplateIdentity(context: IExecuteFunctions, itemIndex: number) {
	const channelType = context.getNodeParameter('channelType', itemIndex) as string;
	const channelId = requiredValue(context, 'channelId', 'Channel', itemIndex);
	const { code, language } = readTemplateChoice(context, itemIndex);
	return {
		CustSpaceId: channelId,
		TemplateCode: code,
		Language: language,
		TemplateType: templateTypeFor(channelType) as string,
	};
}

/** ModifyChatappTemplate and ModifyChatappTemplateProperties take WhatsApp templates only. */
export function assertWhatsAppTemplate(
	context: IExecuteFunctions,
	itemIndex: number,
	operation: string,
): void {
	if (context.getNodeParameter('channelType', itemIndex) === 'whatsapp') return;
	throw new NodeOperationError(
		context.getNode(),
		`${operation} works for WhatsApp templates only`,
		{
			itemIndex,
			description:
				'CAMS cannot modify Viber templates. Delete the Viber template and create it again instead.',
		},
	);
}
