import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readUpdateFields } from '../shared/input';
import { doneOutput } from '../shared/response';
import { updateDisplayOptions } from '../../descriptions/displayOptions';
import { showFor } from '../operation';
import { camsRequest } from '../../transport';
import { channelLocator } from '../../descriptions/locators';
import { phoneNumberLocator, readChannelAndNumber } from './phoneNumber.fields';

/** WhatsApp's business categories. */
const VERTICALS: Array<[string, string]> = [
	['Automotive', 'AUTO'],
	['Beauty, Spa and Salon', 'BEAUTY'],
	['Clothing and Apparel', 'APPAREL'],
	['Education', 'EDU'],
	['Entertainment', 'ENTERTAIN'],
	['Event Planning and Service', 'EVENT_PLAN'],
	['Finance and Banking', 'FINANCE'],
	['Food and Grocery', 'GROCERY'],
	['Hotel and Lodging', 'HOTEL'],
	['Medical and Health', 'HEALTH'],
	['Non-Profit', 'NONPROFIT'],
	['Other', 'OTHER'],
	['Professional Services', 'PROF_SERVICES'],
	['Public Service', 'GOVT'],
	['Restaurant', 'RESTAURANT'],
	['Shopping and Retail', 'RETAIL'],
	['Travel and Transportation', 'TRAVEL'],
];

const MAX_WEBSITES = 2;

const properties: INodeProperties[] = [
	channelLocator,
	phoneNumberLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'About',
				name: 'about',
				type: 'string',
				default: '',
				description: 'The short "About" text (up to 139 characters)',
			},
			{ displayName: 'Address', name: 'address', type: 'string', default: '' },
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Profile Picture URL',
				name: 'profilePictureUrl',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Vertical',
				name: 'vertical',
				type: 'options',
				options: VERTICALS.map(([name, value]) => ({ name, value })),
				default: 'OTHER',
				description: 'The business category',
			},
			{
				displayName: 'Websites',
				name: 'websites',
				type: 'string',
				typeOptions: { multipleValues: true },
				default: [],
				placeholder: 'https://example.com',
				description: 'Up to two http(s) links',
			},
		],
	},
];

export const description = updateDisplayOptions(
	showFor('phoneNumber', ['updateBusinessProfile']),
	properties,
);

function websitesOf(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string[] | undefined {
	if (value === undefined) return undefined;
	const websites = (Array.isArray(value) ? value : [value])
		.map((site) => String(site).trim())
		.filter(Boolean);
	const bad = websites.find((site) => !/^https?:\/\/\S+$/i.test(site));
	if (websites.length > MAX_WEBSITES || bad) {
		throw new NodeOperationError(
			context.getNode(),
			bad ? `Website "${bad}" is not an http(s) link` : 'Too many websites',
			{
				itemIndex,
				description: `Give at most ${MAX_WEBSITES} websites, each starting with http:// or https://.`,
			},
		);
	}
	return websites;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = readUpdateFields(this, itemIndex);
	const params = readChannelAndNumber(this, itemIndex);
	const profile = {
		About: fields.about,
		Address: fields.address,
		Description: fields.description,
		Email: fields.email,
		ProfilePictureUrl: fields.profilePictureUrl,
		Vertical: fields.vertical,
		Websites: websitesOf(this, fields.websites, itemIndex),
	};
	const response = await camsRequest.call(
		this,
		'ModifyPhoneBusinessProfile',
		{ ...params, ...profile },
		{ itemIndex, idempotent: true },
	);
	return doneOutput(response, { ...params, ...profile });
}
