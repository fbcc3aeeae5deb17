import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { yesNoFlag } from '../shared/input';
import { listInstances } from '../../transport';
import { channelLocatorWith } from '../../descriptions/locators';

/**
 * The channel of Get, Update and Delete. Those actions take the InstanceId, which differs from the
 * channel ID (CustSpaceId) the list and the console show; a channel ID is looked up in ListInstance.
 */
export const channelInstanceLocator = channelLocatorWith({
	description:
		'The channel. By ID takes the channel ID (CustSpaceId); By Instance ID takes the InstanceId of ListInstance.',
	modes: [
		{
			displayName: 'By Instance ID',
			name: 'instanceId',
			type: 'string',
			placeholder: 'e.g. cams-inst-7301001',
		},
	],
});

export interface ResolvedInstance {
	InstanceId: string;
	/** The ListInstance entry, when the channel was looked up. */
	record?: IDataObject;
}

/** The InstanceId of the chosen channel; the error says how to fix an unknown or empty one. */
export async function resolveInstance(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<ResolvedInstance> {
	const locator = this.getNodeParameter('channelId', itemIndex, undefined, {
		extractValue: false,
	}) as INodeParameterResourceLocator | string | undefined;
	const mode = typeof locator === 'object' && locator ? locator.mode : 'id';
	const value = String(
		(typeof locator === 'object' && locator ? locator.value : locator) ?? '',
	).trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), 'Channel is empty', {
			itemIndex,
			description: 'Choose the channel from the list, or enter its channel ID or instance ID.',
		});
	}
	if (mode === 'instanceId') return { InstanceId: value };
	const instances = await listInstances.call(this, {}, { itemIndex });
	const record = instances.find(
		(instance) => instance.CustSpaceId === value || instance.InstanceId === value,
	);
	if (!record) {
		throw new NodeOperationError(this.getNode(), `No channel with the ID "${value}"`, {
			itemIndex,
			description:
				'Choose the channel from the list, or copy its ID from the Channel Management page of the CAMS console',
		});
	}
	return { InstanceId: String(record.InstanceId), record };
}

/** What "Simplify" keeps of a channel (ListInstance / QueryInstance entry). */
export const SIMPLE_INSTANCE_FIELDS = [
	'CustSpaceId',
	'InstanceId',
	'InstanceName',
	'ChannelType',
	'State',
	'SubmitTime',
];

/** The optional channel details of CreateInstance and UpdateInstance. */
export const instanceDetailFields: INodeProperties[] = [
	{ displayName: 'Company Address', name: 'officeAddress', type: 'string', default: '' },
	{
		displayName: 'Confirm Review',
		name: 'isConfirmAudit',
		type: 'boolean',
		default: false,
		description: 'Whether you confirm the channel details and submit them for review',
	},
	{
		displayName: 'Contact Email',
		name: 'contactMail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Country ID',
		name: 'countryId',
		type: 'string',
		default: '',
		placeholder: 'e.g. SG',
	},
	{ displayName: 'Description', name: 'instanceDescription', type: 'string', default: '' },
	{ displayName: 'Meta Business Manager ID', name: 'facebookBmId', type: 'string', default: '' },
	{
		displayName: 'Terms Document URL',
		name: 'isvTerms',
		type: 'string',
		default: '',
		description: 'Link to the signed terms (PDF), for ISV sub-customers',
	},
];

/** CAMS names of the detail fields. */
export function instanceDetailParams(fields: IDataObject): IDataObject {
	return {
		InstanceDescription: fields.instanceDescription,
		ContactMail: fields.contactMail,
		CountryId: fields.countryId,
		FacebookBmId: fields.facebookBmId,
		OfficeAddress: fields.officeAddress,
		IsvTerms: fields.isvTerms,
		IsConfirmAudit: yesNoFlag(fields.isConfirmAudit),
	};
}
