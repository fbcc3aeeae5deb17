import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import {
	assertWhatsAppTemplate,
	readTemplateIdentity,
	templateIdentityFields,
} from './template.fields';
import { categoryChangePausedField } from './components.fields';

const properties: INodeProperties[] = [
	...templateIdentityFields,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Allow Sending',
				name: 'allowSend',
				type: 'boolean',
				default: true,
				description: 'Whether messages may be sent with this template',
			},
			categoryChangePausedField,
		],
	},
];

export const description = updateDisplayOptions(
	showFor('template', ['updateProperties']),
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	assertWhatsAppTemplate(this, itemIndex, 'Update Properties');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (fields.allowSend === undefined && fields.categoryChangePaused === undefined) {
		throw new NodeOperationError(this.getNode(), 'No property to update', {
			itemIndex,
			description:
				'Add "Allow Sending" or "Pause Sending When Category Changes" under "Update Fields".',
		});
	}
	const identity = readTemplateIdentity(this, itemIndex);
	const changes = {
		AllowSend: fields.allowSend,
		CategoryChangePaused: fields.categoryChangePaused,
	};
	const response = await camsRequest.call(
		this,
		'ModifyChatappTemplateProperties',
		{ ...identity, ...changes },
		{ itemIndex, idempotent: true },
	);
	return doneOutput(response, {
		TemplateCode: identity.TemplateCode,
		Language: identity.Language,
		...changes,
	});
}
