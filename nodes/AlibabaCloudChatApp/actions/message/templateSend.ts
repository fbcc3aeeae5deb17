import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executionCache } from '../../helpers/executionCache';
import { jsonObjectValue, locatorValue } from '../shared/input';
import { readTemplateChoice } from '../shared/readTemplateChoice';
import { mediaHeaderVariable, templateVariables } from '../../content/templates';
import { getTemplateDetail, type CamsParams } from '../../transport';
import { readSenderAndRecipient } from './sending.fields';

/** What a template send needs for one recipient; shared by Send Template and Send Bulk Template. */
export interface TemplateSend {
	/** Parameters common to every recipient (channel, sender, template, options). */
	shared: CamsParams;
	recipient: { To: string; TemplateParams?: Record<string, string>; Payload?: string[] };
}

const details = executionCache<IDataObject>();

interface TemplateRules {
	/** The `$(variable)` names the template needs. */
	wanted: string[];
	/** The variable of a media header's link, if the template has one. */
	mediaVariable?: string;
}

/** What a template asks of every send, worked out once per template detail (not per item). */
const rules = new WeakMap<IDataObject, TemplateRules>();

function rulesOf(detail: IDataObject): TemplateRules {
	let found = rules.get(detail);
	if (!found) {
		found = { wanted: templateVariables(detail), mediaVariable: mediaHeaderVariable(detail) };
		rules.set(detail, found);
	}
	return found;
}

/** Template detail, fetched once per template and language per execution (its quota is 5/s). */
async function cachedDetail(
	context: IExecuteFunctions,
	channelId: string,
	channelType: string,
	code: string,
	language: string,
	itemIndex: number,
) {
	const key = [channelId, channelType, code, language].join('\u0000');
	return await details(
		context,
		key,
		async () =>
			await getTemplateDetail.call(context, channelId, channelType, code, language, itemIndex),
	);
}

function variableValues(
	context: IExecuteFunctions,
	itemIndex: number,
	wanted: string[],
): Record<string, unknown> {
	if (context.getNodeParameter('variablesInput', itemIndex, 'mapper') === 'json') {
		return jsonObjectValue(context, 'templateParamsJson', 'Variables (JSON)', itemIndex);
	}
	const mapper = context.getNodeParameter(
		'templateVariables',
		itemIndex,
		{},
	) as ResourceMapperValue;
	if (mapper.mappingMode === 'autoMapInputData') {
		const json = context.getInputData()[itemIndex]?.json ?? {};
		return Object.fromEntries(
			wanted.filter((name) => name in json).map((name) => [name, json[name]]),
		);
	}
	return (mapper.value ?? {}) as Record<string, unknown>;
}

function toText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return text === '' ? undefined : text;
}

/**
 * Reads and checks one item's template send; throws before any send when something is missing.
 * `fill` gives values the node sets itself (Send and Wait fills the URL buttons' variables).
 * Call it on `cachedParameters(context)`, so parameters without expressions are read once.
 */
export async function readTemplateSend(
	this: IExecuteFunctions,
	itemIndex: number,
	fill?: (detail: IDataObject) => Record<string, string>,
): Promise<TemplateSend> {
	const channelType = this.getNodeParameter('channelType', itemIndex) as string;
	const { channelId, from, to } = readSenderAndRecipient(this, channelType, itemIndex);
	const { code: templateCode, language } = readTemplateChoice(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const detail = await cachedDetail(
		this,
		channelId,
		channelType,
		templateCode,
		language,
		itemIndex,
	);
	const { wanted, mediaVariable } = rulesOf(detail);
	const values = { ...variableValues(this, itemIndex, wanted) };
	if (mediaVariable && options.headerMediaUrl) values[mediaVariable] = options.headerMediaUrl;
	if (fill) Object.assign(values, fill(detail));

	const params: Record<string, string> = {};
	for (const [name, value] of Object.entries(values)) {
		const text = toText(value);
		if (text !== undefined) params[name] = text;
	}
	const missing = wanted.filter((name) => params[name] === undefined);
	if (missing.length > 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Template variable${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}`,
			{
				itemIndex,
				description: `The template ${templateCode} (${language}) needs a value for ${missing.map((name) => `$(${name})`).join(', ')}. Map them under "Template Variables" or add them to the JSON.`,
			},
		);
	}
	const payloads = ((options.buttonPayloads as string[] | undefined) ?? []).filter(
		(payload) => payload !== '',
	);
	// Label, Ttl, Tag and TrackingData are Viber delivery options; other channels do not take them.
	const viber = channelType === 'viber';
	return {
		shared: {
			ChannelType: channelType,
			CustSpaceId: channelId,
			From: from,
			TemplateCode: templateCode,
			Language: language,
			TaskId: locatorValue(this, 'options.taskId', itemIndex) || undefined,
			FallBackId: options.fallBackId,
			FallBackDuration: options.fallBackId ? options.fallBackDuration : undefined,
			FallBackRule: options.fallBackId ? options.fallBackRule : undefined,
			FallBackContent: options.fallBackContent,
			Label: viber ? options.label : undefined,
			Ttl: viber ? options.ttl : undefined,
			Tag: viber ? options.tag : undefined,
			TrackingData: viber ? options.trackingData : undefined,
		},
		recipient: {
			To: to,
			TemplateParams: Object.keys(params).length > 0 ? params : undefined,
			Payload: payloads.length > 0 ? payloads : undefined,
		},
	};
}
