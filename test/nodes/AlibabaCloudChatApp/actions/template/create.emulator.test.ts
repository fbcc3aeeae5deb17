import type { INodeParameters } from 'n8n-workflow';

import {
	SEED_CHANNELS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from '../../../../emulator';
import { startReceiver, waitFor } from '../../../../emulator/helpers';
import {
	byId,
	jsonParam,
	paramsOf,
	received,
	runChatApp,
	runChatAppError,
	runChatAppJson,
} from '../../../../helpers/chatApp';

const WHATSAPP = SEED_CHANNELS.whatsapp.custSpaceId;
const VIBER = SEED_CHANNELS.viber.custSpaceId;

let emu: CamsEmulator;

beforeAll(async () => {
	emu = await startEmulator({ auditDelayMs: 50 });
});
afterAll(async () => {
	emu.reset();
	await emu.close();
});
beforeEach(() => emu.reset());

function create(fields: INodeParameters, channelType = 'whatsapp'): INodeParameters {
	return {
		resource: 'template',
		operation: 'create',
		channelType,
		channelId: byId(channelType === 'viber' ? VIBER : WHATSAPP),
		language: 'en_US',
		...fields,
	};
}

const examples = (values: Record<string, string>) => ({
	example: Object.entries(values).map(([name, value]) => ({ name, value })),
});

describe('Template > Create with the builder', () => {
	it('sends the components and examples CAMS expects, and the review result arrives as a ChatAppAudit push', async () => {
		const receiver = await startReceiver();
		try {
			await runChatAppJson(emu.url, {
				resource: 'channel',
				operation: 'updateWebhook',
				channelId: byId(WHATSAPP),
				updateFields: { statusCallbackUrl: receiver.url, httpFlag: true },
			});
			const [created] = await runChatAppJson(
				emu.url,
				create({
					name: 'order_ready',
					category: 'UTILITY',
					headerType: 'TEXT',
					headerText: 'Order $(orderId)',
					bodyText: 'Hi $(name), your order $(orderId) is ready for pickup.',
					footerText: 'Emulator Shop',
					buttons: {
						button: [
							{
								type: 'URL',
								text: 'Directions',
								url: 'https://shop.example.com/stores/$(storeId)',
							},
							{ type: 'PHONE_NUMBER', text: 'Call the store', phoneNumber: '+65 6123 4567' },
						],
					},
					variableExamples: examples({ orderId: 'A1001', name: 'Bob', storeId: 'S12' }),
					options: { messageSendTtlSeconds: 3600, categoryChangePaused: true },
				}),
			);
			const params = paramsOf(emu, 'CreateChatappTemplate');
			expect(params).toEqual({
				CustSpaceId: WHATSAPP,
				TemplateType: 'WHATSAPP',
				Name: 'order_ready',
				Language: 'en_US',
				Category: 'UTILITY',
				Components: expect.any(String),
				Example: JSON.stringify({ orderId: 'A1001', name: 'Bob', storeId: 'S12' }),
				MessageSendTtlSeconds: '3600',
				CategoryChangePaused: 'true',
			});
			expect(jsonParam(params, 'Components')).toEqual([
				{ Type: 'HEADER', Format: 'TEXT', Text: 'Order $(orderId)' },
				{ Type: 'BODY', Text: 'Hi $(name), your order $(orderId) is ready for pickup.' },
				{ Type: 'FOOTER', Text: 'Emulator Shop' },
				{
					Type: 'BUTTONS',
					Buttons: [
						{
							Type: 'URL',
							Text: 'Directions',
							Url: 'https://shop.example.com/stores/$(storeId)',
							UrlType: 'dynamic',
						},
						{ Type: 'PHONE_NUMBER', Text: 'Call the store', PhoneNumber: '+6561234567' },
					],
				},
			]);
			expect(created).toEqual({
				TemplateCode: expect.stringMatching(/^[0-9a-f]{32}$/),
				TemplateName: 'order_ready',
				Language: 'en_US',
				Category: 'UTILITY',
				TemplateType: 'WHATSAPP',
				RequestId: expect.any(String),
			});
			expect(emu.templates({ code: String(created.TemplateCode) })[0].auditStatus).toBe('auditing');

			await waitFor(() =>
				receiver.events().some((event) => event.TemplateCode === created.TemplateCode),
			);
			expect(receiver.events()).toEqual([
				{
					WabaId: SEED_CHANNELS.whatsapp.wabaId,
					TemplateCode: created.TemplateCode,
					Language: 'en_US',
					AuditStatus: 'pass',
					Reason: '',
				},
			]);
			await emu.settle();
			const [push] = emu.pushes({ kind: 'ChatAppAudit' });
			expect(push).toEqual(expect.objectContaining({ url: receiver.url, delivered: true }));
			expect(push.events).toEqual(receiver.events());
		} finally {
			await receiver.close();
		}
	});

	it('creates an authentication template: no header or text, a one-time password button, the code expiry', async () => {
		await runChatAppJson(
			emu.url,
			create({
				name: 'login_code',
				category: 'AUTHENTICATION',
				addSecurityRecommendation: true,
				codeExpirationMinutes: 5,
				buttons: {
					button: [{ type: 'ONE_TIME_PASSWORD', otpType: 'COPY_CODE', text: 'Copy code' }],
				},
				options: { messageSendTtlSeconds: 300 },
			}),
		);
		const params = paramsOf(emu, 'CreateChatappTemplate');
		expect(jsonParam(params, 'Components')).toEqual([
			{ Type: 'BODY', AddSecretRecommendation: true },
			{ Type: 'FOOTER', CodeExpirationMinutes: 5 },
			{ Type: 'BUTTONS', Buttons: [{ Type: 'COPY_CODE', Text: 'Copy code' }] },
		]);
		expect(params.Example).toBeUndefined();
		expect(received(emu).map((call) => call.outcome)).toEqual(['accepted']);
	});

	it('creates a marketing template with a media header variable and a copy code button', async () => {
		await runChatAppJson(
			emu.url,
			create({
				name: 'spring_sale',
				category: 'MARKETING',
				headerType: 'IMAGE',
				headerMediaUrl: '$(banner)',
				bodyText: 'Hi $(name), use the code below for $(discount) off.',
				buttons: {
					button: [
						{ type: 'COPY_CODE', couponCode: '$(coupon)' },
						{ type: 'QUICK_REPLY', text: 'Stop offers' },
					],
				},
				variableExamples: examples({
					banner: 'https://cdn.example.com/spring.jpg',
					name: 'Bob',
					discount: '20%',
					coupon: 'SPRING20',
				}),
			}),
		);
		const params = paramsOf(emu, 'CreateChatappTemplate');
		expect(jsonParam(params, 'Components')).toEqual([
			{ Type: 'HEADER', Format: 'IMAGE', Url: '$(banner)' },
			{ Type: 'BODY', Text: 'Hi $(name), use the code below for $(discount) off.' },
			{
				Type: 'BUTTONS',
				Buttons: [
					{ Type: 'COPY_CODE', CouponCode: '$(coupon)' },
					{ Type: 'QUICK_REPLY', Text: 'Stop offers' },
				],
			},
		]);
		expect(received(emu)[0].outcome).toBe('accepted');
	});

	it('creates a Viber template with TemplateType VIBER and one URL button', async () => {
		await runChatAppJson(
			emu.url,
			create(
				{
					name: 'viber_arrivals',
					language: 'en',
					category: 'MARKETING',
					headerType: 'IMAGE',
					headerMediaUrl: 'https://cdn.example.com/new.jpg',
					bodyText: 'New arrivals are here, $(name).',
					buttons: {
						button: [{ type: 'URL', text: 'Shop now', url: 'https://shop.example.com/new' }],
					},
					variableExamples: examples({ name: 'Bob' }),
				},
				'viber',
			),
		);
		const params = paramsOf(emu, 'CreateChatappTemplate');
		expect(params).toEqual(
			expect.objectContaining({
				CustSpaceId: VIBER,
				TemplateType: 'VIBER',
				Language: 'en',
				Name: 'viber_arrivals',
			}),
		);
		expect(received(emu)[0].outcome).toBe('accepted');
	});
});

describe('Template > Create with JSON', () => {
	it('sends the Components array and the examples as given', async () => {
		const components = [
			{ Type: 'BODY', Text: 'Your parcel $(parcel) arrives $(day).' },
			{ Type: 'BUTTONS', Buttons: [{ Type: 'QUICK_REPLY', Text: 'Reschedule' }] },
		];
		await runChatAppJson(
			emu.url,
			create({
				name: 'parcel_eta',
				category: 'UTILITY',
				componentsInput: 'json',
				componentsJson: JSON.stringify(components),
				exampleJson: '{"parcel": "P-1", "day": 2}',
			}),
		);
		const params = paramsOf(emu, 'CreateChatappTemplate');
		expect(jsonParam(params, 'Components')).toEqual(components);
		expect(jsonParam(params, 'Example')).toEqual({ parcel: 'P-1', day: '2' });
	});

	it('reports invalid JSON by field, before any request', async () => {
		const error = await runChatAppError(
			emu.url,
			create({
				name: 'bad_json',
				category: 'UTILITY',
				componentsInput: 'json',
				componentsJson: '[{"Type": "BODY",}]',
			}),
		);
		expect(error.message).toMatch(/^Components \(JSON\) is not valid JSON/);
		expect(received(emu)).toEqual([]);
	});
});

describe('Template > Create validates like CAMS before calling', () => {
	const base = {
		name: 'checked',
		category: 'UTILITY',
		bodyText: 'Hello $(name)',
		variableExamples: examples({ name: 'Bob' }),
	};
	const cases: Array<[string, INodeParameters, RegExp, string]> = [
		[
			'a {{1}} placeholder',
			{ bodyText: 'Hello {{1}}' },
			/Body: positional placeholders such as \{\{1\}\}/,
			'InvalidParameter.MessageInvalid',
		],
		[
			'a header over 60 characters',
			{ headerType: 'TEXT', headerText: 'h'.repeat(61) },
			/Header: the header is 61 characters long; at most 60/,
			'Shorten',
		],
		[
			'two header variables',
			{ headerType: 'TEXT', headerText: '$(a) and $(b)' },
			/Header: the header may contain at most one variable/,
			'InvalidParameter.HeaderMoreVariable',
		],
		[
			'a body over 1,024 characters',
			{ bodyText: 'b'.repeat(1025) },
			/Body: the body is 1025 characters long/,
			'Shorten the body',
		],
		[
			'a footer variable',
			{ footerText: 'Bye $(name)' },
			/Footer: variables are not allowed in the footer/,
			'InvalidParameter.FooterHaveVariable',
		],
		[
			'a button text variable',
			{ buttons: { button: [{ type: 'QUICK_REPLY', text: 'Hi $(name)' }] } },
			/Button 1 \(QUICK REPLY\): variables are not allowed in button text/,
			'ButtonTextHaveVariable',
		],
		[
			'two URL variables',
			{ buttons: { button: [{ type: 'URL', text: 'Go', url: 'https://e.com/$(a)/$(b)' }] } },
			/Button 1 \(URL\): a URL may contain only one variable/,
			'InvalidParameter.UrlMoreVariable',
		],
		[
			'a missing example',
			{ bodyText: 'Hello $(name), order $(orderId)' },
			/Variable Examples: \$\(orderId\) has no example/,
			'Add an example value for "orderId"',
		],
		[
			'an upper-case name',
			{ name: 'Order Ready' },
			/Name: WhatsApp template names may only contain lowercase/,
			'order_ready',
		],
		[
			'an OTP button outside authentication',
			{ buttons: { button: [{ type: 'ONE_TIME_PASSWORD', text: 'Copy' }] } },
			/Button 1 \(ONE-TIME PASSWORD\): one-time password buttons are only for authentication/,
			'Change the category',
		],
		[
			'a coupon button in authentication',
			{
				category: 'AUTHENTICATION',
				buttons: { button: [{ type: 'COPY_CODE', couponCode: 'X1' }] },
			},
			/Button 1 \(COPY CODE\): authentication templates only take a one-time password button/,
			'"One-Time Password"',
		],
	];

	it.each(cases)(
		'refuses %s with an error naming the component and the rule',
		async (_, change, message, fix) => {
			const error = await runChatAppError(emu.url, create({ ...base, ...change }));
			expect(error.message).toMatch(/^Template not sent to CAMS\. /);
			expect(error.message).toMatch(message);
			expect(error.description).toContain(fix);
			expect(error.context?.itemIndex).toBe(0);
			expect(received(emu)).toEqual([]);
		},
	);

	it('refuses a header in an authentication template given as JSON', async () => {
		const error = await runChatAppError(
			emu.url,
			create({
				name: 'auth_json',
				category: 'AUTHENTICATION',
				componentsInput: 'json',
				componentsJson: JSON.stringify([
					{ Type: 'HEADER', Format: 'TEXT', Text: 'Code' },
					{ Type: 'BODY' },
					{ Type: 'BUTTONS', Buttons: [{ Type: 'COPY_CODE', Text: 'Copy' }] },
				]),
			}),
		);
		expect(error.message).toBe(
			'Template not sent to CAMS. Header: Authentication templates cannot have a header',
		);
		expect(received(emu)).toEqual([]);
	});

	it('lists every broken rule in the description', async () => {
		const error = await runChatAppError(
			emu.url,
			create({ ...base, bodyText: 'Hi {{1}}', footerText: 'Bye $(name)' }),
		);
		expect(error.description).toContain('Also: Footer: variables are not allowed in the footer');
	});

	it('passes CAMS errors through: a name that exists in the language', async () => {
		const error = await runChatAppError(
			emu.url,
			create({
				name: SEED_TEMPLATES.orderShipped.name,
				category: 'UTILITY',
				bodyText: 'Hello',
				language: SEED_TEMPLATES.orderShipped.language,
			}),
		);
		// n8n's NodeApiError may swap the message for a "common error" text (…NameExist contains
		// "EEXIST"); the CAMS message is kept in `messages` either way.
		const texts = [error.message, ...((error as { messages?: string[] }).messages ?? [])].join(
			' | ',
		);
		expect(texts).toMatch(/CreateChatappTemplate failed: InvalidParameter\.TemplateNameExist/);
		expect(emu.calls().map((call) => [call.action, call.outcome, call.code])).toEqual([
			['CreateChatappTemplate', 'rejected', 'InvalidParameter.TemplateNameExist'],
		]);
	});
});

describe('Template > Create, several items', () => {
	it('with Continue On Fail, reports the invalid item and still creates the valid one, each paired to its input', async () => {
		const output = await runChatApp(
			emu.url,
			create({ name: '={{ $json.name }}', category: 'UTILITY', bodyText: '={{ $json.body }}' }),
			{
				items: [
					{ name: 'first_ok', body: 'Hello there' },
					{ name: 'second_bad', body: 'Hello {{1}}' },
				],
				continueOnFail: true,
			},
		);
		expect(
			output.map((item) => [item.pairedItem, item.json.TemplateName ?? item.json.error]),
		).toEqual([
			[{ item: 0 }, 'first_ok'],
			[
				{ item: 1 },
				'Template not sent to CAMS. Body: positional placeholders such as {{1}} are not allowed',
			],
		]);
		expect(
			emu.calls({ action: 'CreateChatappTemplate' }).map((entry) => entry.params.Name),
		).toEqual(['first_ok']);
	});
});

describe('Template > Create passes unknown component types to CAMS', () => {
	const withUnknownType = (body: string) =>
		create({
			name: 'new_component',
			category: 'UTILITY',
			componentsInput: 'json',
			componentsJson: JSON.stringify([
				{ Type: 'BODY', Text: body },
				{ Type: 'CALL_PERMISSION_REQUEST' },
			]),
		});

	it('sends it, and when CAMS refuses the error hints at the unchecked type', async () => {
		const error = await runChatAppError(emu.url, withUnknownType('Hello'));
		expect(jsonParam(paramsOf(emu, 'CreateChatappTemplate'), 'Components')).toEqual([
			{ Type: 'BODY', Text: 'Hello' },
			{ Type: 'CALL_PERMISSION_REQUEST' },
		]);
		expect(error.message).not.toMatch(/^Template not sent to CAMS/);
		expect(error.description).toContain(
			'The components include "CALL_PERMISSION_REQUEST", which this node passes to CAMS unchecked',
		);
	});

	it('still enforces the known rules of the other components before any request', async () => {
		const error = await runChatAppError(emu.url, withUnknownType('Hi {{1}}'));
		expect(error.message).toBe(
			'Template not sent to CAMS. Body: positional placeholders such as {{1}} are not allowed',
		);
		expect(received(emu)).toEqual([]);
	});
});
