import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { camsRequest } from '../transport';
import { listInstances } from '../transport/instances';
import { listAllTemplates } from '../transport/templates';
import { currentValue, matchesFilter, requireChannel } from './context';

/** Channels (CAMS instances) of the chosen channel type, every page of ListInstance. */
export async function searchChannels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channelType = currentValue(this, 'channelType');
	const instances = await listInstances.call(this, { ChannelType: channelType || undefined });
	return {
		results: instances
			.filter((instance) => matchesFilter(filter, instance.InstanceName, instance.CustSpaceId))
			.map((instance) => ({
				name: `${instance.InstanceName ?? instance.CustSpaceId} (${String(instance.ChannelType ?? '').toLowerCase()})`,
				value: String(instance.CustSpaceId),
			})),
	};
}

const SENDER_IDS: Record<string, string> = {
	viber: 'your Viber service ID',
	messenger: 'your Facebook Page ID',
	instagram: 'your Instagram professional account ID',
};

/** The WhatsApp business numbers of the chosen channel (other channels send from an ID). */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channelType = currentValue(this, 'channelType');
	if (channelType && channelType !== 'whatsapp') {
		throw new NodeOperationError(this.getNode(), 'This list has WhatsApp business numbers only', {
			description: `Switch this field to "ID" and enter ${SENDER_IDS[channelType] ?? 'the sender ID'}.`,
		});
	}
	const response = await camsRequest.call(this, 'QueryChatappPhoneNumbers', {
		CustSpaceId: requireChannel(this),
	});
	const numbers = (response.PhoneNumbers ?? []) as IDataObject[];
	return {
		results: numbers
			.filter((number) => matchesFilter(filter, number.PhoneNumber, number.VerifiedName))
			.map((number) => ({
				name: `${number.PhoneNumber}${number.VerifiedName ? ` (${number.VerifiedName})` : ''}`,
				value: String(number.PhoneNumber),
			})),
	};
}

async function searchTemplatesWithStatus(
	context: ILoadOptionsFunctions,
	filter: string | undefined,
	auditStatus: string | undefined,
): Promise<INodeListSearchResult> {
	const templates = await listAllTemplates.call(context, {
		channelId: requireChannel(context),
		channelType: currentValue(context, 'channelType'),
		auditStatus,
	});
	return {
		results: templates
			.filter((template) => matchesFilter(filter, template.TemplateName, template.TemplateCode))
			.map((template) => ({
				name: [
					template.TemplateName,
					template.Language,
					template.Category,
					auditStatus ? '' : template.AuditStatus,
				]
					.filter(Boolean)
					.join(' · '),
				value: String(template.TemplateCode),
			})),
	};
}

/** Approved templates only: the ones that can be sent. */
export async function searchApprovedTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchTemplatesWithStatus(this, filter, 'pass');
}

/** Templates in every review state, for managing them. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchTemplatesWithStatus(this, filter, undefined);
}
