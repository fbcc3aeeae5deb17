import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jsonObjectValue, jsonValue } from '../shared/input';
import {
	KNOWN_COMPONENT_TYPES,
	templateIssues,
	uncheckedComponentTypes,
	type TemplateDraft,
	type TemplateIssue,
} from '../../content/templateValidation';
import { buildComponents, builderIssues, buildExample, type BuilderValues } from './builder';

/** The CAMS parameters of a template's content, checked: Components, Example and the options. */
export interface TemplateContent {
	Components: IDataObject[];
	Example?: Record<string, string>;
	MessageSendTtlSeconds?: number;
	CategoryChangePaused?: boolean;
}

/** The builder fields and what they are when hidden (n8n drops parameters that are not shown). */
const BUILDER_FIELDS: Record<string, unknown> = {
	headerType: 'none',
	headerText: '',
	headerMediaUrl: '',
	headerFileName: '',
	bodyText: '',
	addSecurityRecommendation: true,
	codeExpirationMinutes: 0,
	footerText: '',
	buttons: {},
	variableExamples: {},
};

function builderValues(
	context: IExecuteFunctions,
	itemIndex: number,
	category: string,
): BuilderValues {
	const values: IDataObject = { category };
	for (const [field, fallback] of Object.entries(BUILDER_FIELDS)) {
		values[field] = context.getNodeParameter(field, itemIndex, fallback);
	}
	return values as unknown as BuilderValues;
}

function stringMap(value: IDataObject): Record<string, string> {
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [
			key,
			typeof entry === 'object' ? JSON.stringify(entry) : String(entry ?? ''),
		]),
	);
}

function describeIssue(issue: TemplateIssue): string {
	return `${issue.component}: ${issue.rule}`;
}

/** Throws the first broken rule as the message; the description says how to fix it and lists the rest. */
export function assertValidTemplate(
	context: IExecuteFunctions,
	draft: TemplateDraft,
	itemIndex: number,
	builderProblems: TemplateIssue[] = [],
): void {
	const issues = [...builderProblems, ...templateIssues(draft)];
	if (issues.length === 0) return;
	const [first, ...rest] = issues;
	const code = first.code ? ` (CAMS would answer ${first.code}.)` : '';
	const others = rest.length > 0 ? ` Also: ${rest.map(describeIssue).join('; ')}.` : '';
	throw new NodeOperationError(
		context.getNode(),
		`Template not sent to CAMS. ${describeIssue(first)}`,
		{
			itemIndex,
			description: `${first.fix}${code}${others}`,
		},
	);
}

/**
 * CAMS's refusal of a template with component types this node does not check, with a hint that
 * such a type may be the cause. The node passes them through because WhatsApp adds types over time.
 */
export function withUncheckedTypesHint(error: unknown, components: IDataObject[]): unknown {
	const types = uncheckedComponentTypes(components);
	if (types.length === 0 || !(error instanceof Error)) return error;
	const listed = types.map((type) => `"${type}"`).join(', ');
	const hint =
		`The components include ${listed}, which this node passes to CAMS unchecked; if CAMS does ` +
		`not support it yet, use ${KNOWN_COMPONENT_TYPES.join(', ')}.`;
	const withDescription = error as Error & { description?: string | null };
	withDescription.description = [withDescription.description, hint].filter(Boolean).join(' ');
	return error;
}

/**
 * Reads the template content from the builder or the JSON fields, checks it as CAMS would and
 * returns the parameters to send. Nothing is sent when a rule is broken.
 */
export function readTemplateContent(
	context: IExecuteFunctions,
	itemIndex: number,
	draft: Pick<TemplateDraft, 'templateType' | 'category' | 'name'>,
): TemplateContent {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	let components: unknown;
	let example: Record<string, string>;
	let problems: TemplateIssue[] = [];
	if (context.getNodeParameter('componentsInput', itemIndex, 'builder') === 'json') {
		components = jsonValue(context, 'componentsJson', 'Components (JSON)', itemIndex);
		const rawExample = context.getNodeParameter('exampleJson', itemIndex, '');
		example =
			rawExample === ''
				? {}
				: stringMap(jsonObjectValue(context, 'exampleJson', 'Variable Examples (JSON)', itemIndex));
	} else {
		const values = builderValues(context, itemIndex, draft.category);
		components = buildComponents(values);
		example = buildExample(values);
		problems = builderIssues(values);
	}
	const ttl = options.messageSendTtlSeconds as number | undefined;
	assertValidTemplate(
		context,
		{ ...draft, components, example, messageSendTtlSeconds: ttl },
		itemIndex,
		problems,
	);
	return {
		Components: components as IDataObject[],
		Example: Object.keys(example).length > 0 ? example : undefined,
		MessageSendTtlSeconds: ttl,
		CategoryChangePaused: options.categoryChangePaused as boolean | undefined,
	};
}
