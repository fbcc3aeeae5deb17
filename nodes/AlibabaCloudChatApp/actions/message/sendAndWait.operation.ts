import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import {
	buildApprovalMessage,
	normaliseMessage,
	type ResponseLink,
} from '../../content/approvalMessage';
import { locatorValue } from '../shared/input';
import { parseTemplateChoice } from '../../helpers/templateChoice';
import { resumeLinkVariables } from '../../content/resumeTemplate';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { waitTillDate, type LimitWaitTime } from './sendAndWait.waitTill';
import { camsRequest } from '../../transport';
import { channelTypeField, recipientField } from '../common.descriptions';
import { channelLocator, senderLocator } from '../../descriptions/locators';
import {
	approvalOptionsField,
	messageField,
	responseTypeField,
	whatsappDeliveryFields,
} from './sendAndWait.fields';
import { customFormFields } from './sendAndWait.form.fields';
import { sendAndWaitOptions } from './sendAndWait.options';
import { itemError } from './sendInput';
import { readSenderAndRecipient } from './sending.fields';
import { readTemplateSend } from './templateSend';

const properties: INodeProperties[] = [
	channelTypeField,
	channelLocator,
	senderLocator,
	recipientField,
	messageField,
	responseTypeField,
	approvalOptionsField,
	...customFormFields,
	...whatsappDeliveryFields,
	sendAndWaitOptions,
];

export const description = updateDisplayOptions(
	showFor('message', [SEND_AND_WAIT_OPERATION]),
	properties,
);

const NO_PUBLIC_URL =
	'Set the WEBHOOK_URL environment variable of n8n to the address people reach n8n at (e.g. https://n8n.example.com/) and restart n8n. The response links are n8n resume links under that address.';

/** n8n's signed resume link; refused when it could not point anywhere the recipient can reach. */
function signedLink(context: IExecuteFunctions, approved: 'true' | 'false'): string {
	let url: URL;
	try {
		url = new URL(context.getSignedResumeUrl({ approved }));
	} catch (error) {
		throw new NodeOperationError(context.getNode(), 'n8n could not form a resume link', {
			itemIndex: 0,
			description: `${(error as Error).message}. ${NO_PUBLIC_URL}`,
		});
	}
	if (url.hostname === 'localhost' || url.hostname.endsWith('.localhost')) {
		throw new NodeOperationError(
			context.getNode(),
			`n8n has no public URL: the response links would point to ${url.origin}, which the recipient cannot open`,
			{ itemIndex: 0, description: NO_PUBLIC_URL },
		);
	}
	return url.toString();
}

/** Approve (and Decline), or one "Respond" link to the form; as n8n's send-and-wait nodes make them. */
function responseLinks(context: IExecuteFunctions): ResponseLink[] {
	const responseType = context.getNodeParameter('responseType', 0, 'approval') as string;
	if (responseType === 'freeText' || responseType === 'customForm') {
		const label = context.getNodeParameter('options.messageButtonLabel', 0, 'Respond') as string;
		return [{ label: label || 'Respond', url: signedLink(context, 'true') }];
	}
	const approval = context.getNodeParameter('approvalOptions.values', 0, {}) as IDataObject;
	const links = [
		{ label: String(approval.approveLabel || 'Approve'), url: signedLink(context, 'true') },
	];
	if (approval.approvalType === 'double') {
		const label = String(approval.disapproveLabel || 'Decline');
		links.push({ label, url: signedLink(context, 'false') });
	}
	return links;
}

/** The error as n8n shows it: CAMS and input errors already are node errors. */
function nodeError(context: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex: 0 });
}

/** CAMS's words for "outside the 24-hour window" (its error code, or Meta's in the message). */
const OUTSIDE_WINDOW =
	/InvalidParameter\.OutOfSession|24[- ]?hour|customer service window|re-engagement|131047/i;

/**
 * Whether CAMS refused the message because the customer is outside WhatsApp's 24-hour window.
 * Only an answer from CAMS counts ("… failed: <Code>"): then nothing was sent and the template
 * can go. A dropped connection ("could not be completed") may have sent it, so it never counts.
 */
function isOutsideWindow(error: unknown): boolean {
	const message = (error as Error)?.message ?? '';
	return (
		error instanceof NodeApiError &&
		message.startsWith('SendChatappMessage failed:') &&
		OUTSIDE_WINDOW.test(message)
	);
}

async function sendTemplate(context: IExecuteFunctions, links: ResponseLink[]): Promise<void> {
	const { code: name } = parseTemplateChoice(locatorValue(context, 'template', 0));
	let send;
	try {
		send = await readTemplateSend.call(context, 0, (detail) =>
			resumeLinkVariables(detail, links, name),
		);
	} catch (error) {
		throw itemError(context, error, 0);
	}
	const params = { ...send.shared, ...send.recipient, Type: 'template' };
	await camsRequest.call(context, 'SendChatappMessage', params, {
		itemIndex: 0,
		idempotent: false,
	});
}

/** Sends the message with the links, through the same SendChatappMessage path as Send Message. */
async function sendLinks(context: IExecuteFunctions, links: ResponseLink[]): Promise<void> {
	const channelType = context.getNodeParameter('channelType', 0) as string;
	const sendAs =
		channelType === 'whatsapp'
			? (context.getNodeParameter('whatsappSendAs', 0, 'message') as string)
			: 'message';
	if (sendAs === 'template') return await sendTemplate(context, links);
	const { channelId, from, to } = readSenderAndRecipient(context, channelType, 0);
	let built;
	try {
		built = buildApprovalMessage({
			channelType,
			message: normaliseMessage(String(context.getNodeParameter('message', 0, ''))),
			links,
			attribution: context.getNodeParameter('options.appendAttribution', 0, false) as boolean,
		});
	} catch (error) {
		throw itemError(context, error, 0);
	}
	const params = {
		ChannelType: channelType,
		CustSpaceId: channelId,
		Type: 'message',
		MessageType: built.messageType,
		From: from,
		To: to,
		Content: built.content,
		TaskId: locatorValue(context, 'options.taskId', 0) || undefined,
	};
	try {
		await camsRequest.call(context, 'SendChatappMessage', params, {
			itemIndex: 0,
			idempotent: false,
		});
	} catch (error) {
		// CAMS refused the message, so nothing went out: the template is the one send.
		if (sendAs === 'auto' && isOutsideWindow(error)) return await sendTemplate(context, links);
		throw nodeError(context, error);
	}
}

/**
 * Sends the message with signed resume links and puts the execution to wait; the node's webhook
 * resumes it with the answer. Like n8n's send-and-wait nodes it handles the first item only and,
 * while waiting, passes its input on (which is also the output when the wait times out).
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let waitTill: Date;
	try {
		const limit = this.getNodeParameter('options.limitWaitTime.values', 0, {}) as LimitWaitTime;
		try {
			waitTill = waitTillDate(limit, Date.now());
		} catch (error) {
			throw itemError(this, error, 0);
		}
		this.setSignatureValidationRequired();
		await sendLinks(this, responseLinks(this));
	} catch (error) {
		if (!this.continueOnFail()) throw nodeError(this, error);
		return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
	}
	await this.putExecutionToWait(waitTill);
	return [this.getInputData()];
}
