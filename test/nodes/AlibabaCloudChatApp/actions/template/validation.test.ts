import type { IDataObject } from 'n8n-workflow';

import {
	templateIssues,
	uncheckedComponentTypes,
	type TemplateDraft,
} from '../../../../../nodes/AlibabaCloudChatApp/content/templateValidation';

const body = (Text: string) => ({ Type: 'BODY', Text });

function draft(components: unknown, change: Partial<TemplateDraft> = {}): TemplateDraft {
	return { templateType: 'WHATSAPP', category: 'UTILITY', components, example: {}, ...change };
}

/** `component: rule` of every issue, for compact assertions. */
function issuesOf(value: TemplateDraft): string[] {
	return templateIssues(value).map((issue) => `${issue.component}: ${issue.rule}`);
}

const buttons = (...list: IDataObject[]) => ({ Type: 'BUTTONS', Buttons: list });

describe('templateIssues', () => {
	it('accepts a complete utility template whose variables all have examples', () => {
		const components = [
			{ Type: 'HEADER', Format: 'TEXT', Text: 'Order $(orderId)' },
			body('Hi $(name), your order has shipped.'),
			{ Type: 'FOOTER', Text: 'Reply STOP to opt out' },
			buttons(
				{ Type: 'URL', Text: 'Track', Url: 'https://example.com/t/$(orderId)', UrlType: 'dynamic' },
				{ Type: 'PHONE_NUMBER', Text: 'Call us', PhoneNumber: '+6591234567' },
			),
		];
		expect(
			templateIssues(
				draft(components, { name: 'order_shipped', example: { orderId: 'A1', name: 'Bob' } }),
			),
		).toEqual([]);
	});

	it('rejects positional {{1}} placeholders and names the component and the CAMS code', () => {
		const [issue] = templateIssues(draft([body('Hi {{1}}')]));
		expect(issue).toEqual(
			expect.objectContaining({ component: 'Body', code: 'InvalidParameter.MessageInvalid' }),
		);
		expect(issue.rule).toMatch(/\{\{1\}\}/);
		expect(issue.fix).toMatch(/\$\(name\)/);
	});

	it('limits the header to 60 characters and one variable', () => {
		expect(
			issuesOf(draft([{ Type: 'HEADER', Format: 'TEXT', Text: 'x'.repeat(61) }, body('Hi')])),
		).toEqual(['Header: the header is 61 characters long; at most 60 are allowed']);
		const two = templateIssues(
			draft([{ Type: 'HEADER', Format: 'TEXT', Text: '$(a) $(b)' }, body('Hi')], {
				example: { a: '1', b: '2' },
			}),
		);
		expect(two.map((issue) => issue.code)).toEqual(['InvalidParameter.HeaderMoreVariable']);
	});

	it('accepts a header of exactly 60 characters', () => {
		expect(
			issuesOf(draft([{ Type: 'HEADER', Format: 'TEXT', Text: 'x'.repeat(60) }, body('Hi')])),
		).toEqual([]);
	});

	it('limits the body to 1,024 characters and requires it', () => {
		expect(issuesOf(draft([body('y'.repeat(1024))]))).toEqual([]);
		expect(issuesOf(draft([body('y'.repeat(1025))]))).toEqual([
			'Body: the body is 1025 characters long; at most 1024 are allowed',
		]);
		expect(issuesOf(draft([{ Type: 'FOOTER', Text: 'Bye' }]))).toEqual([
			'Body: every template needs a body',
		]);
		expect(issuesOf(draft([body('  ')]))).toEqual(['Body: the body text is required']);
	});

	it('refuses variables in the footer and in button text', () => {
		const issues = templateIssues(
			draft(
				[
					body('Hi'),
					{ Type: 'FOOTER', Text: 'Bye $(name)' },
					buttons({ Type: 'QUICK_REPLY', Text: 'Yes $(name)' }),
				],
				{ example: { name: 'Bob' } },
			),
		);
		expect(issues.map((issue) => [issue.component, issue.code])).toEqual([
			['Footer', 'InvalidParameter.FooterHaveVariable'],
			['Button 1 (QUICK REPLY)', 'InvalidParameter.ButtonTextHaveVariable'],
		]);
	});

	it('allows one variable per URL, at its end, in an http(s) link', () => {
		const url = (Url: string) =>
			issuesOf(
				draft([body('Hi'), buttons({ Type: 'URL', Text: 'Go', Url })], {
					example: { a: '1', b: '2' },
				}),
			);
		expect(url('https://example.com/$(a)')).toEqual([]);
		expect(
			templateIssues(
				draft([body('Hi'), buttons({ Type: 'URL', Text: 'Go', Url: 'https://e.com/$(a)/$(b)' })], {
					example: { a: '1', b: '2' },
				}),
			)[0].code,
		).toBe('InvalidParameter.UrlMoreVariable');
		expect(url('https://example.com/$(a)/orders')).toEqual([
			'Button 1 (URL): the URL variable must be at the end of the URL',
		]);
		expect(url('example.com')).toEqual(['Button 1 (URL): a URL button needs an http(s) link']);
	});

	it('forbids a header in authentication templates and takes exactly one one-time password button', () => {
		const auth = (components: unknown[]) =>
			issuesOf(draft(components, { category: 'AUTHENTICATION' }));
		expect(
			auth([
				{ Type: 'BODY', AddSecretRecommendation: true },
				buttons({ Type: 'COPY_CODE', Text: 'Copy code' }),
			]),
		).toEqual([]);
		expect(
			auth([
				{ Type: 'HEADER', Format: 'TEXT', Text: 'Code' },
				{ Type: 'BODY' },
				buttons({ Type: 'COPY_CODE', Text: 'Copy' }),
			]),
		).toEqual(['Header: Authentication templates cannot have a header']);
		expect(
			auth([{ Type: 'BODY', Text: 'Your code' }, buttons({ Type: 'QUICK_REPLY', Text: 'Hi' })]),
		).toEqual([
			'Body: authentication templates cannot have body text',
			'Button 1 (QUICK REPLY): authentication templates only take a one-time password button (copy code or one tap)',
		]);
		expect(
			auth([
				{ Type: 'BODY' },
				buttons({ Type: 'ONE_TAP', Text: 'Autofill', SupportedApps: [{ PackageName: 'com.a' }] }),
			]),
		).toEqual([
			'Button 1 (ONE TAP): a one-tap button needs the Android package name and signature hash of your app',
		]);
	});

	it('applies the WhatsApp button limits', () => {
		const quick = (Text: string) => ({ Type: 'QUICK_REPLY', Text });
		const link = { Type: 'URL', Text: 'Go', Url: 'https://example.com' };
		const phone = { Type: 'PHONE_NUMBER', Text: 'Call', PhoneNumber: '6591234567' };
		expect(issuesOf(draft([body('Hi'), buttons(link, link, link)]))).toEqual([
			'Buttons: at most two URL buttons are allowed',
		]);
		expect(issuesOf(draft([body('Hi'), buttons(phone, phone)]))).toEqual([
			'Buttons: at most one phone number button is allowed',
		]);
		expect(issuesOf(draft([body('Hi'), buttons(quick('a'), link, quick('b'))]))).toEqual([
			'Buttons: quick reply buttons cannot be mixed in between URL, phone number or copy code buttons',
		]);
		expect(
			issuesOf(
				draft([body('Hi'), buttons(...Array.from({ length: 11 }, (_, i) => quick(`q${i}`)))]),
			),
		).toEqual(['Buttons: 11 buttons; at most 10 are allowed']);
		expect(issuesOf(draft([body('Hi'), buttons(quick('x'.repeat(26)))]))).toEqual([
			'Button 1 (QUICK REPLY): the button text is 26 characters long; at most 25 are allowed',
		]);
	});

	it('applies the Viber rules: no footer, one URL button', () => {
		const viber = (components: unknown[]) => issuesOf(draft(components, { templateType: 'VIBER' }));
		expect(viber([body('Hi'), { Type: 'FOOTER', Text: 'Bye' }])).toEqual([
			'Footer: Viber templates cannot have a footer',
		]);
		expect(viber([body('Hi'), buttons({ Type: 'QUICK_REPLY', Text: 'Hi' })])).toEqual([
			'Buttons: Viber templates take one button, of type URL',
		]);
		expect(
			viber([
				{ Type: 'HEADER', Format: 'IMAGE', Url: 'https://cdn.example.com/a.jpg' },
				body('Hi'),
				buttons({ Type: 'URL', Text: 'Shop', Url: 'https://example.com' }),
			]),
		).toEqual([]);
	});

	it('asks for an example of every variable, and an http(s) link for a media header variable', () => {
		const components = [
			{ Type: 'HEADER', Format: 'IMAGE', Url: '$(photo)' },
			body('Hi $(name), code $(coupon)'),
		];
		expect(issuesOf(draft(components, { example: { photo: 'not a link', name: 'Bob' } }))).toEqual([
			'Variable Examples: the example of $(photo) must be a media link',
			'Variable Examples: $(coupon) has no example',
		]);
		expect(
			issuesOf(draft([{ Type: 'HEADER', Format: 'VIDEO', Url: 'video.mp4' }, body('Hi')])),
		).toEqual(['Header: a video header needs a media link: an http(s) URL or one variable']);
	});

	it('checks the name, the TTL range per category and the shape of the components', () => {
		expect(issuesOf(draft([body('Hi')], { name: 'Order Shipped' }))).toEqual([
			'Name: WhatsApp template names may only contain lowercase letters, digits and underscores',
		]);
		expect(templateIssues(draft([body('Hi')], { name: 'Order Shipped' }))[0].fix).toBe(
			'Use e.g. "order_shipped".',
		);
		expect(issuesOf(draft([body('Hi')], { messageSendTtlSeconds: 43201 }))).toEqual([
			'Message TTL: for utility templates the TTL must be 30 to 43200 seconds',
		]);
		expect(
			issuesOf(draft([body('Hi')], { category: 'MARKETING', messageSendTtlSeconds: 600 })),
		).toEqual(['Message TTL: marketing templates have no message TTL']);
		expect(
			issuesOf(draft([body('Hi')], { templateType: 'VIBER', messageSendTtlSeconds: 600 })),
		).toEqual(['Message TTL: the message TTL is a WhatsApp option; Viber templates have none']);
		expect(issuesOf(draft({ Type: 'BODY' }))).toEqual([
			'Components: the template has no components',
		]);
		expect(issuesOf(draft(['BODY']))).toEqual(['Components: every component must be an object']);
		expect(issuesOf(draft([{ Text: 'no type' }, body('Hi')]))).toEqual([
			'Component 1: the component has no Type',
		]);
		expect(issuesOf(draft([body('Hi'), body('Again')]))).toEqual([
			'Body: the template has more than one body',
		]);
	});

	it('passes components of unknown types unchecked, and keeps checking the known ones', () => {
		const sidebar = { Type: 'SIDEBAR', Text: 'Hi {{1}}' };
		expect(issuesOf(draft([sidebar, body('Hi')]))).toEqual([]);
		expect(uncheckedComponentTypes([sidebar, body('Hi'), { Type: 'footer' }])).toEqual(['SIDEBAR']);
		expect(issuesOf(draft([sidebar, body('Hi {{1}}')]))).toEqual([
			'Body: positional placeholders such as {{1}} are not allowed',
		]);
		expect(issuesOf(draft([sidebar]))).toEqual(['Body: every template needs a body']);
		expect(
			issuesOf(
				draft([sidebar, { Type: 'FOOTER', Text: 'x' }, body('Hi')], { templateType: 'VIBER' }),
			),
		).toEqual(['Footer: Viber templates cannot have a footer']);
	});

	it('checks carousel cards', () => {
		const card = (...inner: IDataObject[]) => ({ CardComponents: inner });
		const carousel = {
			Type: 'CAROUSEL',
			Cards: [
				card(
					body('Card $(n)'),
					buttons(
						{ Type: 'QUICK_REPLY', Text: 'a' },
						{ Type: 'QUICK_REPLY', Text: 'b' },
						{ Type: 'QUICK_REPLY', Text: 'c' },
					),
				),
			],
		};
		expect(
			issuesOf(draft([body('Hi'), carousel], { category: 'MARKETING', example: { n: '1' } })),
		).toEqual(['Carousel card 1 buttons: a carousel card takes at most two buttons']);
	});
});
