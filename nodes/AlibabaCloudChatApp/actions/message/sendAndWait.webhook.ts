import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError, tryToParseJsonToFormFields } from 'n8n-workflow';

import { isLinkPreview } from '../../helpers/linkPreview';
import { normaliseMessage } from '../../content/approvalMessage';
import {
	confirmationPage,
	formAnswer,
	formPage,
	PAGE_CSP,
	postedFields,
	type FormField,
} from './sendAndWait.pages';

/**
 * The waiting webhook of Send and Wait for Response (GET and POST on
 * `/webhook-waiting/<execution>/<node>`). n8n has already checked the link's signature (a wrong
 * or missing one gets 401 and never reaches this code). Returning `workflowData` resumes the
 * execution with it as the node's output; returning none leaves the execution waiting.
 */
const FREE_TEXT: FormField[] = [
	{ fieldLabel: 'Response', fieldType: 'textarea', requiredField: true },
];

function customFormFields(context: IWebhookFunctions): FormField[] {
	if (context.getNodeParameter('defineForm', 'fields') !== 'json')
		return context.getNodeParameter('formFields.values', []) as FormField[];
	const raw = context.getNodeParameter('jsonOutput', '[]') as unknown;
	try {
		return tryToParseJsonToFormFields(typeof raw === 'string' ? raw : JSON.stringify(raw));
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			description: 'Check the JSON of "Form Fields": an array of {"fieldLabel": …} objects.',
		});
	}
}

function sendPage(context: IWebhookFunctions, html: string): IWebhookResponseData {
	const res = context.getResponseObject();
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Content-Security-Policy', PAGE_CSP);
	res.status(200).send(html);
	return { noWebhookResponse: true };
}

export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const responseType = this.getNodeParameter('responseType', 'approval') as string;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const answered = (data: IDataObject): IWebhookResponseData => ({
		webhookResponse: confirmationPage(
			String(options.confirmationText || 'This page can be closed now'),
		),
		// the answer belongs to the first input item, the one the message was sent for
		workflowData: [[{ json: { data }, pairedItem: { item: 0 } }]],
	});

	if (responseType !== 'freeText' && responseType !== 'customForm') {
		// A chat app fetching a preview of the link must not answer for the person.
		if (isLinkPreview(request.headers['user-agent'])) return sendPage(this, '');
		return answered({ approved: (this.getQueryData() as IDataObject).approved === 'true' });
	}

	const fields = responseType === 'freeText' ? FREE_TEXT : customFormFields(this);
	if (request.method !== 'POST') {
		const message = normaliseMessage(String(this.getNodeParameter('message', '')));
		return sendPage(
			this,
			formPage({
				title: String(options.responseFormTitle ?? ''),
				description: String(options.responseFormDescription || message),
				buttonLabel: String(options.responseFormButtonLabel || 'Submit'),
				fields,
			}),
		);
	}
	const answer = formAnswer(fields, postedFields(this.getBodyData()));
	return answered(responseType === 'freeText' ? { text: answer.Response } : answer);
}
