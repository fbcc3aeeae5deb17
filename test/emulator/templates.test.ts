/** Template actions: paging and filters, detail, create/modify/delete validation and the audit cycle. */
import { call } from './helpers';
import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from './index';

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
type Json = Record<string, unknown>;

let emu: CamsEmulator;
beforeAll(async () => {
	emu = await startEmulator({ enforceQps: false, auditDelayMs: 50 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const list = async (params: Json = {}) =>
	(await call(emu, 'ListChatappTemplate', { CustSpaceId: WA, ...params })).json;
const create = (components: unknown[], extra: Json = {}) =>
	call(emu, 'CreateChatappTemplate', {
		CustSpaceId: WA,
		TemplateType: 'WHATSAPP',
		Name: 'new_template',
		Language: 'en_US',
		Category: 'UTILITY',
		Components: components,
		Example: { name: 'Bob', order: 'A1', link: 'https://x.example/a.png' },
		...extra,
	});
const BODY = { Type: 'BODY', Text: 'Hi $(name), order $(order) is ready.' };

describe('ListChatappTemplate', () => {
	it('pages 10 at a time by default, newest first, with Total', async () => {
		const pages = await Promise.all(
			[1, 2, 3, 4].map((Index) => list({ Page: { Index, Size: 10 } })),
		);
		expect(pages.map((page) => (page.ListTemplate as Json[]).length)).toEqual([
			10,
			10,
			SEED_TEMPLATES.whatsappCount - 20,
			0,
		]);
		expect(
			pages.every((page) => page.Total === SEED_TEMPLATES.whatsappCount && page.Code === 'OK'),
		).toBe(true);
		const all = pages.flatMap((page) => page.ListTemplate as Json[]);
		expect(new Set(all.map((t) => `${t.TemplateCode}/${t.Language}`)).size).toBe(
			SEED_TEMPLATES.whatsappCount,
		);
		const times = all.map((t) => t.LastUpdateTime as number);
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(((await list()).ListTemplate as Json[]).length).toBe(10);
		expect(all[0]).toEqual({
			TemplateCode: expect.stringMatching(/^[0-9a-f]{32}$/),
			TemplateName: expect.any(String),
			Language: expect.any(String),
			Category: expect.any(String),
			AuditStatus: expect.any(String),
			Reason: expect.any(String),
			TemplateType: 'WHATSAPP',
			LastUpdateTime: expect.any(Number),
		});
	});

	it('filters and validates', async () => {
		expect((await list({ Page: { Index: 1, Size: 100 } })).ListTemplate).toHaveLength(
			SEED_TEMPLATES.whatsappCount,
		);
		const byStatus = async (AuditStatus: string) =>
			((await list({ AuditStatus, Page: { Size: 100 } })).ListTemplate as Json[]).map(
				(t) => t.TemplateName,
			);
		expect((await byStatus('fail')).sort()).toEqual([
			'event_invite',
			'shipping_delay',
			'summer_sale',
		]);
		expect((await byStatus('auditing')).sort()).toEqual(['flash_deal', 'loyalty_points']);
		expect(await byStatus('unaudit')).toEqual(['account_alert']);
		expect(
			((await list({ Language: 'es' })).ListTemplate as Json[]).map((t) => t.TemplateName).sort(),
		).toEqual(['order_shipped', 'survey_invite', 'welcome_offer']);
		expect((await list({ Name: 'ORDER' })).Total).toBe(2);
		expect((await list({ CustSpaceId: SEED_CHANNELS.viber.custSpaceId })).Total).toBe(
			SEED_TEMPLATES.viberCount,
		);
		expect((await list({ AuditStatus: 'approved' })).Code).toBe(
			'InvalidParameter.AuditStatusNotSupport',
		);
		expect((await list({ Page: '{"Index":1,' })).Code).toBe('InvalidParameter.PageInvalid');
		expect((await list({ Page: { Index: 1, Size: 0 } })).Code).toBe('InvalidParameter.PageInvalid');
		expect((await list({ TemplateType: 'SMS' })).Code).toBe(
			'InvalidParameter.TemplateTypeNotSupport',
		);
	});
});

describe('GetChatappTemplateDetail', () => {
	it('returns PascalCase components with $(var) placeholders, and 400 for a missing template', async () => {
		const detail = (
			await call(emu, 'GetChatappTemplateDetail', {
				CustSpaceId: WA,
				TemplateCode: SEED_TEMPLATES.welcomeOffer.code,
				Language: 'en_US',
			})
		).json;
		expect(detail.Data).toMatchObject({
			TemplateCode: SEED_TEMPLATES.welcomeOffer.code,
			Name: 'welcome_offer',
			Language: 'en_US',
			Category: 'MARKETING',
			AuditStatus: 'pass',
			TemplateType: 'WHATSAPP',
			Example: expect.objectContaining({ headerImage: expect.any(String) }),
			Components: [
				{ Type: 'HEADER', Format: 'IMAGE', Url: '$(headerImage)' },
				{ Type: 'BODY', Text: expect.stringContaining('$(name)') },
				{ Type: 'BUTTONS', Buttons: expect.any(Array) },
			],
		});
		const missing = await call(emu, 'GetChatappTemplateDetail', {
			CustSpaceId: WA,
			TemplateCode: SEED_TEMPLATES.welcomeOffer.code,
			Language: 'ja',
		});
		expect([missing.status, missing.json.Code]).toEqual([400, 'DetailError.TemplateNotExist']);
		expect(
			(await call(emu, 'GetChatappTemplateDetail', { CustSpaceId: WA, TemplateCode: 'x' })).json
				.Code,
		).toBe('MissingLanguage');
	});
});

describe('CreateChatappTemplate', () => {
	it('rejects definitions CAMS rejects', async () => {
		const cases: Array<[unknown[], string, Json?]> = [
			[[{ Type: 'BODY', Text: 'Hi {{1}}' }], 'InvalidParameter.MessageInvalid'],
			[[{ Type: 'HEADER', Format: 'TEXT', Text: 'x'.repeat(61) }, BODY], 'InvalidParameter'],
			[
				[{ Type: 'HEADER', Format: 'TEXT', Text: '$(name) and $(order)' }, BODY],
				'InvalidParameter.HeaderMoreVariable',
			],
			[
				[{ Type: 'HEADER', Format: 'GIF', Url: 'https://x.example/a.gif' }, BODY],
				'InvalidParameter.HeaderTypeNotSupport',
			],
			[[{ Type: 'BODY', Text: 'y'.repeat(1025) }], 'InvalidParameter'],
			[[BODY, { Type: 'FOOTER', Text: 'Bye $(name)' }], 'InvalidParameter.FooterHaveVariable'],
			[
				[BODY, { Type: 'BUTTONS', Buttons: [{ Type: 'QUICK_REPLY', Text: 'Hi $(name)' }] }],
				'InvalidParameter.ButtonTextHaveVariable',
			],
			[
				[
					BODY,
					{
						Type: 'BUTTONS',
						Buttons: [
							{
								Type: 'URL',
								Text: 'Go',
								Url: 'https://x.example/$(name)/$(order)',
								UrlType: 'dynamic',
							},
						],
					},
				],
				'InvalidParameter.UrlMoreVariable',
			],
			[
				[
					{ Type: 'HEADER', Format: 'TEXT', Text: 'Code' },
					{ Type: 'BODY' },
					{ Type: 'BUTTONS', Buttons: [{ Type: 'COPY_CODE' }] },
				],
				'InvalidParameter.HeaderTypeNotSupport',
				{ Category: 'AUTHENTICATION' },
			],
			[[{ Type: 'BODY', Text: 'Hi $(stranger)' }], 'InvalidParameter'],
			[[{ Type: 'FOOTER', Text: 'only a footer' }], 'InvalidParameter.CreateError'],
			[[BODY], 'InvalidParameter.LanguageNotSupport', { Language: 'en-US' }],
			[[BODY], 'InvalidParameter', { Name: 'Has Spaces' }],
			[[BODY], 'InvalidParameter.TemplateTypeNotSupport', { TemplateType: 'VIBER' }],
		];
		for (const [components, code, extra] of cases) {
			const response = await create(components, extra);
			expect({ components, code: response.json.Code }).toEqual({ components, code });
		}
		expect((await create([BODY], { Components: '[{"Type":' })).json.Code).toBe(
			'InvalidParameter.CreateError',
		);
		expect((await create([BODY], { Components: undefined })).json.Code).toBe('MissingComponents');
		expect((await create([BODY], { Name: 'order_shipped' })).json.Code).toBe(
			'InvalidParameter.TemplateNameExist',
		);
		expect(emu.templates({ custSpaceId: WA })).toHaveLength(SEED_TEMPLATES.whatsappCount);
	});

	it('creates as auditing, then passes (or fails for "reject" names); a new language reuses the code', async () => {
		const created = await create([
			{ Type: 'HEADER', Format: 'IMAGE', Url: '$(link)' },
			BODY,
			{
				Type: 'BUTTONS',
				Buttons: [
					{ Type: 'URL', Text: 'Open', Url: 'https://x.example/o/$(order)', UrlType: 'dynamic' },
				],
			},
		]);
		const data = created.json.Data as Json;
		expect(data).toEqual({
			TemplateCode: expect.stringMatching(/^[0-9a-f]{32}$/),
			TemplateName: 'new_template',
		});
		const rejected = (await create([BODY], { Name: 'please_reject_me' })).json.Data as Json;
		const spanish = (await create([BODY], { Language: 'es' })).json.Data as Json;
		expect(spanish.TemplateCode).toBe(data.TemplateCode);
		const send = {
			ChannelType: 'whatsapp',
			Type: 'template',
			From: SEED_NUMBERS.connected,
			To: '6580000001',
			CustSpaceId: WA,
			TemplateCode: data.TemplateCode,
			Language: 'en_US',
			TemplateParams: { name: 'A', order: 'B', link: 'https://x.example/a.png' },
		};
		expect((await call(emu, 'SendChatappMessage', send)).json.Code).toBe(
			'DetailError.TemplateNotExist',
		);
		expect(emu.templates({ code: data.TemplateCode as string })[0].auditStatus).toBe('auditing');
		await emu.settle();
		expect(emu.templates({ code: data.TemplateCode as string }).map((t) => t.auditStatus)).toEqual([
			'pass',
			'pass',
		]);
		expect(emu.templates({ code: rejected.TemplateCode as string })[0]).toMatchObject({
			auditStatus: 'fail',
			reason: expect.stringMatching(/INVALID_FORMAT/),
		});
		expect((await call(emu, 'SendChatappMessage', send)).json.Code).toBe('OK');
	});

	it('AUTHENTICATION: generated body, one COPY_CODE button', async () => {
		const auth = { Category: 'AUTHENTICATION', Name: 'login_code' };
		expect((await create([{ Type: 'BODY', Text: 'Code $(code)' }], auth)).json.Code).toBe(
			'InvalidParameter',
		);
		expect(
			(
				await create(
					[{ Type: 'BODY' }, { Type: 'BUTTONS', Buttons: [{ Type: 'QUICK_REPLY', Text: 'x' }] }],
					auth,
				)
			).json.Code,
		).toBe('InvalidParameter');
		const ok = await create(
			[
				{ Type: 'BODY', AddSecretRecommendation: true },
				{ Type: 'BUTTONS', Buttons: [{ Type: 'COPY_CODE', Text: 'Copy' }] },
			],
			{ ...auth, MessageSendTtlSeconds: 300 },
		);
		expect(ok.json.Code).toBe('OK');
		const [template] = emu.templates({ code: (ok.json.Data as Json).TemplateCode as string });
		expect(template.components[0].Text).toMatch(
			/^\$\(code\) is your verification code\. For your security/,
		);
		expect(template.messageSendTtlSeconds).toBe(300);
	});
});

describe('ModifyChatappTemplate and DeleteChatappTemplate', () => {
	it('modifies only rejected or unaudited templates, which go back to auditing', async () => {
		const modify = (code: string) =>
			call(emu, 'ModifyChatappTemplate', {
				CustSpaceId: WA,
				TemplateCode: code,
				Language: 'en_US',
				Components: [{ Type: 'BODY', Text: 'Fixed $(name)' }],
				Example: { name: 'B' },
			});
		expect((await modify(SEED_TEMPLATES.orderShipped.code)).json.Code).toBe('InvalidParameter');
		expect((await modify('0'.repeat(32))).json.Code).toBe('DetailError.TemplateNotExist');
		const response = await modify(SEED_TEMPLATES.accountAlert.code);
		expect(response.json).toMatchObject({
			Code: 'OK',
			Data: { TemplateCode: SEED_TEMPLATES.accountAlert.code, TemplateName: 'account_alert' },
		});
		expect(emu.templates({ code: SEED_TEMPLATES.accountAlert.code })[0].auditStatus).toBe(
			'auditing',
		);
		await emu.settle();
		expect(emu.templates({ code: SEED_TEMPLATES.accountAlert.code })[0]).toMatchObject({
			auditStatus: 'pass',
			components: [{ Type: 'BODY', Text: 'Fixed $(name)' }],
		});
	});

	it('deletes one language or all of them', async () => {
		const del = (extra: Json) =>
			call(emu, 'DeleteChatappTemplate', {
				CustSpaceId: WA,
				TemplateCode: SEED_TEMPLATES.paymentReceived.code,
				...extra,
			});
		expect((await del({ Language: 'id' })).json).toMatchObject({ Code: 'OK' });
		expect(
			emu
				.templates({ code: SEED_TEMPLATES.paymentReceived.code })
				.map((t) => t.language)
				.sort(),
		).toEqual(['en_US', 'zh_CN']);
		expect((await del({})).json.Code).toBe('OK');
		expect(emu.templates({ code: SEED_TEMPLATES.paymentReceived.code })).toEqual([]);
		const again = await del({});
		expect([again.status, again.json.Code]).toEqual([400, 'DelError.TemplateNotExist']);
		expect((await call(emu, 'DeleteChatappTemplate', { CustSpaceId: WA })).json.Code).toBe(
			'InvalidParameter.TemplateCodeNotEmpty',
		);
	});
});
