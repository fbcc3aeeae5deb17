import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { templateChoiceValue } from '../helpers/templateChoice';
import { camsRequest, listAllTemplates, listInstances } from '../transport';
import { fillInFirst, hint, knownValue, matchesFilter } from './context';

const MESSENGER_HINT = 'Messenger pages are not listed: switch to "ID" and enter your Page ID';

/** Channels (CAMS instances) of the chosen channel type, every page of ListInstance. */
export async function searchChannels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channelType = knownValue(this, 'channelType');
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

function filtered(
	filter: string | undefined,
	items: INodeListSearchItems[],
): INodeListSearchResult {
	return { results: items.filter((item) => matchesFilter(filter, item.name, item.value)) };
}

function labelled(id: unknown, name: unknown): INodeListSearchItems {
	return { name: name ? `${String(name)} (${String(id)})` : String(id), value: String(id) };
}

async function whatsappNumbers(context: ILoadOptionsFunctions, channelId: string) {
	const response = await camsRequest.call(context, 'QueryChatappPhoneNumbers', {
		CustSpaceId: channelId,
	});
	return ((response.PhoneNumbers ?? []) as IDataObject[]).map((number) => ({
		name: `${number.PhoneNumber}${number.VerifiedName ? ` (${number.VerifiedName})` : ''}`,
		value: String(number.PhoneNumber),
	}));
}

async function viberServiceIds(context: ILoadOptionsFunctions, channelId: string) {
	const response = await camsRequest.call(context, 'ListViberServiceMessage', {
		CustSpaceId: channelId,
	});
	const services = (Array.isArray(response.Data) ? response.Data : []) as IDataObject[];
	return services
		.filter((service) => service.ServiceId)
		.map((service) => labelled(service.ServiceId, service.BusinessAccountName));
}

/** ListInstagramPage takes the channel's InstanceId, which ListInstance gives for its CustSpaceId. */
async function instagramAccounts(context: ILoadOptionsFunctions, channelId: string) {
	const [instance] = (await listInstances.call(context, { ChannelType: 'instagram' })).filter(
		(entry) => entry.CustSpaceId === channelId,
	);
	if (!instance?.InstanceId) return [];
	const response = await camsRequest.call(context, 'ListInstagramPage', {
		InstanceId: instance.InstanceId,
	});
	const info = ((response.Data as IDataObject | undefined)?.InstagramInfo ?? {}) as IDataObject;
	return info.AccountId ? [labelled(info.AccountId, info.AccountName)] : [];
}

/**
 * Who can send on the chosen channel: WhatsApp business numbers, Viber service IDs or the bound
 * Instagram account. CAMS has no API that lists a Messenger channel's pages, so that list says to
 * enter the Page ID instead.
 */
export async function searchSenders(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channelType = knownValue(this, 'channelType') || 'whatsapp';
	if (channelType === 'messenger') {
		return { results: [hint(MESSENGER_HINT)] };
	}
	const channelId = knownValue(this, 'channelId');
	if (!channelId) return fillInFirst('a channel');
	if (channelType === 'viber') return filtered(filter, await viberServiceIds(this, channelId));
	if (channelType === 'instagram')
		return filtered(filter, await instagramAccounts(this, channelId));
	return filtered(filter, await whatsappNumbers(this, channelId));
}

async function searchTemplatesWithStatus(
	context: ILoadOptionsFunctions,
	filter: string | undefined,
	auditStatus: string | undefined,
): Promise<INodeListSearchResult> {
	const channelId = knownValue(context, 'channelId');
	if (!channelId) return fillInFirst('a channel');
	const templates = await listAllTemplates.call(context, {
		channelId,
		channelType: knownValue(context, 'channelType'),
		auditStatus,
	});
	return {
		results: templates
			.filter((template) =>
				matchesFilter(filter, template.TemplateName, template.TemplateCode, template.Language),
			)
			.map((template) => ({
				name: [
					template.TemplateName,
					template.Language,
					template.Category,
					auditStatus ? '' : template.AuditStatus,
				]
					.filter(Boolean)
					.join(' · '),
				// One entry per template and language: the value carries both (see templateChoice).
				value: templateChoiceValue(String(template.TemplateCode), String(template.Language)),
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
