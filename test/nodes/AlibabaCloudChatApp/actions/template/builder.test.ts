import {
	buildComponents,
	builderIssues,
	buildExample,
	variableName,
} from '../../../../../nodes/AlibabaCloudChatApp/actions/template/builder';

describe('template builder', () => {
	it('builds header, body, footer and every button type in order', () => {
		const components = buildComponents({
			category: 'MARKETING',
			headerType: 'DOCUMENT',
			headerMediaUrl: ' $(brochure) ',
			headerFileName: 'offer.pdf',
			bodyText: 'Hi $(name)',
			footerText: ' Shop ',
			buttons: {
				button: [
					{ type: 'QUICK_REPLY', text: 'Stop' },
					{ type: 'URL', text: 'Open', url: 'https://example.com' },
					{ type: 'URL', text: 'Track', url: 'https://example.com/$(id)' },
					{ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+65 9123-4567' },
					{ type: 'COPY_CODE', couponCode: '$(coupon)' },
				],
			},
		});
		expect(components).toEqual([
			{ Type: 'HEADER', Format: 'DOCUMENT', Url: '$(brochure)', FileName: 'offer.pdf' },
			{ Type: 'BODY', Text: 'Hi $(name)' },
			{ Type: 'FOOTER', Text: 'Shop' },
			{
				Type: 'BUTTONS',
				Buttons: [
					{ Type: 'QUICK_REPLY', Text: 'Stop' },
					{ Type: 'URL', Text: 'Open', Url: 'https://example.com', UrlType: 'static' },
					{ Type: 'URL', Text: 'Track', Url: 'https://example.com/$(id)', UrlType: 'dynamic' },
					{ Type: 'PHONE_NUMBER', Text: 'Call', PhoneNumber: '+6591234567' },
					{ Type: 'COPY_CODE', CouponCode: '$(coupon)' },
				],
			},
		]);
	});

	it('builds an authentication template without header or text, with the one-time password button', () => {
		const values = {
			category: 'AUTHENTICATION',
			headerType: 'TEXT',
			headerText: 'ignored',
			bodyText: 'ignored',
			footerText: 'ignored',
			addSecurityRecommendation: false,
			codeExpirationMinutes: 10,
		};
		expect(
			buildComponents({
				...values,
				buttons: { button: [{ type: 'ONE_TIME_PASSWORD', otpType: 'COPY_CODE', text: '' }] },
			}),
		).toEqual([
			{ Type: 'BODY', AddSecretRecommendation: false },
			{ Type: 'FOOTER', CodeExpirationMinutes: 10 },
			{ Type: 'BUTTONS', Buttons: [{ Type: 'COPY_CODE', Text: 'Copy Code' }] },
		]);
		const oneTap = {
			type: 'ONE_TIME_PASSWORD',
			otpType: 'ONE_TAP',
			text: 'Fill',
			autofillText: 'Autofill',
			packageName: 'com.shop',
			signatureHash: 'K8a/AINcGX7',
		};
		expect(buildComponents({ category: 'AUTHENTICATION', buttons: { button: [oneTap] } })).toEqual([
			{ Type: 'BODY', AddSecretRecommendation: true },
			{
				Type: 'BUTTONS',
				Buttons: [
					{
						Type: 'ONE_TAP',
						Text: 'Fill',
						AutofillText: 'Autofill',
						SupportedApps: [{ PackageName: 'com.shop', SignatureHash: 'K8a/AINcGX7' }],
					},
				],
			},
		]);
	});

	it('leaves out an empty header, footer and button list', () => {
		expect(
			buildComponents({
				category: 'UTILITY',
				headerType: 'none',
				bodyText: 'Hello',
				footerText: '  ',
				buttons: {},
			}),
		).toEqual([{ Type: 'BODY', Text: 'Hello' }]);
	});

	it('reads the examples, accepting $(name) as the variable name', () => {
		expect(variableName(' $( orderId ) ')).toBe('orderId');
		expect(
			buildExample({
				category: 'UTILITY',
				variableExamples: {
					example: [
						{ name: '$(name)', value: 'Bob' },
						{ name: 'orderId', value: 'A1' },
						{ name: ' ', value: 'x' },
					],
				},
			}),
		).toEqual({ name: 'Bob', orderId: 'A1' });
	});
});

describe('builderIssues', () => {
	it('keeps one-time password buttons to authentication templates, and authentication to them', () => {
		expect(
			builderIssues({
				category: 'UTILITY',
				buttons: { button: [{ type: 'QUICK_REPLY', text: 'a' }, { type: 'ONE_TIME_PASSWORD' }] },
			}),
		).toEqual([
			{
				component: 'Button 2 (ONE-TIME PASSWORD)',
				rule: 'one-time password buttons are only for authentication templates',
				fix: 'Change the category to Authentication, or use another button type.',
			},
		]);
		expect(
			builderIssues({
				category: 'AUTHENTICATION',
				buttons: { button: [{ type: 'COPY_CODE', couponCode: 'X' }] },
			}),
		).toEqual([
			expect.objectContaining({
				component: 'Button 1 (COPY CODE)',
				rule: 'authentication templates only take a one-time password button',
			}),
		]);
		expect(
			builderIssues({
				category: 'AUTHENTICATION',
				buttons: { button: [{ type: 'ONE_TIME_PASSWORD' }] },
			}),
		).toEqual([]);
	});
});
