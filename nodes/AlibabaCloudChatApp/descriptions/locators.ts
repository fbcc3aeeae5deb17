import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

/**
 * The resource locators the action node and the trigger share, one builder per kind: a searchable
 * list mode, an ID mode and (as n8n gives every parameter) expressions. A variant says what it
 * changes through the builder instead of spreading and overriding a copy.
 */
export interface LocatorChanges {
	displayName?: string;
	name?: string;
	description?: string;
	required?: boolean;
	displayOptions?: INodeProperties['displayOptions'];
	/** Modes added after the list and ID modes, e.g. the channel's instance ID. */
	modes?: INodePropertyMode[];
}

interface LocatorKind {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	/** The modes after the list: the ID mode (named `modes` so n8n's lint rules see them as modes). */
	modes: INodePropertyMode[];
}

function buildLocator(kind: LocatorKind, changes: LocatorChanges): INodeProperties {
	const { modes: extraModes = [], ...fields } = changes;
	return {
		displayName: kind.displayName,
		name: kind.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: kind.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: kind.searchListMethod, searchable: true },
			},
			...kind.modes,
			...extraModes,
		],
		...fields,
	};
}

/** The channel (`CustSpaceId`), picked from ListInstance or typed. */
export function channelLocatorWith(changes: LocatorChanges = {}): INodeProperties {
	return buildLocator(
		{
			displayName: 'Channel',
			name: 'channelId',
			description:
				'The channel ID (CustSpaceId) shown on the Channel Management page of the CAMS console',
			searchListMethod: 'searchChannels',
			modes: [{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. cams-8c8a1b2c' }],
		},
		changes,
	);
}

/**
 * CAMS takes a WhatsApp number as digits with the country code (`From` in
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-sendchatappmessage,
 * InvalidParameter.FromOnlyNumeric in https://alibabacloud.com/help/en/chatapp/developer-reference/api-error-codes).
 * The node removes the "+", spaces, dashes, dots and brackets people type, so those pass too.
 */
const PHONE_NUMBER_VALIDATION: INodePropertyMode['validation'] = [
	{
		type: 'regex',
		properties: {
			regex: '[\\d\\s\\-().+]*',
			errorMessage: 'Enter the number with country code, e.g. 6591234567 or +65 9123 4567',
		},
	},
];

/** Senders are listed per channel type (numbers, Viber service IDs, Instagram accounts). */
function senderKind(validation?: INodePropertyMode['validation']): LocatorKind {
	return {
		displayName: 'Sender',
		name: 'from',
		description:
			'WhatsApp: your business phone number. Viber: your service ID. Messenger: your Page ID. Instagram: your Instagram professional account ID.',
		searchListMethod: 'searchSenders',
		modes: [
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 6591234567',
				...(validation ? { validation } : {}),
			},
		],
	};
}

/** The sender of any channel type: an ID of any form (Viber and Meta IDs have no documented one). */
export function senderLocatorWith(changes: LocatorChanges = {}): INodeProperties {
	return buildLocator(senderKind(), changes);
}

/** A WhatsApp business number of the chosen channel: the sender list, named for numbers. */
export function phoneNumberLocatorWith(changes: LocatorChanges = {}): INodeProperties {
	return buildLocator(senderKind(PHONE_NUMBER_VALIDATION), {
		displayName: 'Phone Number',
		name: 'phoneNumber',
		description: 'The WhatsApp business number, with country code',
		...changes,
	});
}

/**
 * A template, found by walking every page of ListChatappTemplate: approved ones only (to send),
 * or in any review state (to manage them).
 */
export function templateLocatorWith(
	states: 'approved' | 'any',
	changes: LocatorChanges = {},
): INodeProperties {
	const approved = states === 'approved';
	return buildLocator(
		{
			displayName: 'Template',
			name: 'template',
			description: `The list has one entry per template and language${approved ? ' (approved templates only)' : ', in every review state'}; picking one also sets the language. In "Code" mode, or with an expression, set Language below.`,
			searchListMethod: approved ? 'searchApprovedTemplates' : 'searchTemplates',
			modes: [
				{
					displayName: 'Code',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 744c4b5c79c9432497a075bdfca3d9a1',
				},
			],
		},
		changes,
	);
}

export const channelLocator = channelLocatorWith();
export const senderLocator = senderLocatorWith();
export const templateLocator = templateLocatorWith('approved');
export const anyTemplateLocator = templateLocatorWith('any');
