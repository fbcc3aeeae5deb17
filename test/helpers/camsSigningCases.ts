/**
 * One table of CAMS requests, used both for our signer and for the official SDK. Parameters are
 * PascalCase wire names with nested values as objects, exactly as our transport receives them
 * (`camsRequest(action, params)`); `sdkOracle.sdkRequest` turns the same object into the SDK's
 * camelCase request model. Nested model keys are listed in the SDK's order (alphabetical), which
 * is how the SDK serialises them; map keys (TemplateParams, Example) keep the order given.
 */

/** Every character the signer must get right, in one string. */
export const SPECIAL =
	'a*b~c\'d(e)f!g h+i/j=k&l%m#n?o:p@q,r;s$t[u]v{w}x|y\\z^`"<> 中文 émoji😀 \t \n';
/** The characters of the acceptance criterion and spaces, alone. */
export const PUNCTUATION = "* ~ ' ( ) ! + / = &";
export const UNICODE = 'Olá 你好 مرحبا こんにちは 👋🏽🎉 ñ ü ß';

export interface SigningCase {
	name: string;
	action: string;
	params: Record<string, unknown>;
}

const space = { CustSpaceId: 'cs-8f7e6d5c' };
/** A WhatsApp send's channel, sender and recipient. */
const whatsappSend = { ...space, ChannelType: 'whatsapp', From: '6580000000', To: '6591234567' };

export const SIGNING_CASES: SigningCase[] = [
	// --- SendChatappMessage -----------------------------------------------------------------
	{
		name: 'SendChatappMessage template, TemplateParams map',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'template',
			TemplateCode: '744c4b5c79c9432497a075bdfca3****',
			Language: 'en',
			TemplateParams: {
				'{{1}}': 'Alice',
				'{{2}}': 'order #123',
				link: 'https://x.example/a?b=1&c=2',
			},
		},
	},
	{
		name: 'SendChatappMessage free-form text (Content in the query)',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'message',
			MessageType: 'text',
			Content: JSON.stringify({ text: 'Hello world, your code is 1234' }),
		},
	},
	{
		name: 'SendChatappMessage Content with every special character',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'message',
			MessageType: 'text',
			Content: JSON.stringify({ text: SPECIAL }),
		},
	},
	{
		name: 'SendChatappMessage raw Content string with the acceptance punctuation and spaces',
		action: 'SendChatappMessage',
		params: {
			...space,
			ChannelType: 'viber',
			Type: 'message',
			MessageType: 'text',
			From: 'Brand',
			To: '6591234567',
			Content: PUNCTUATION,
		},
	},
	{
		name: 'SendChatappMessage Payload array and Content, both in the query',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'template',
			TemplateCode: 'tpl_buttons',
			Language: 'pt_BR',
			Payload: ['yes please', 'no & thanks', "don't (ever) ask!"],
			TemplateParams: { '{{1}}': UNICODE },
		},
	},
	{
		name: 'SendChatappMessage emoji and CJK in body values',
		action: 'SendChatappMessage',
		params: {
			...space,
			ChannelType: 'whatsapp',
			Type: 'template',
			From: '6580000000',
			To: '8613800000000',
			TemplateName: '订单通知 ✅',
			Language: 'zh_CN',
			TemplateParams: { '{{1}}': '张三 😀', '{{2}}': '¥1,234.50' },
			Tag: '标签🏷️',
			Label: 'ラベル',
		},
	},
	{
		name: 'SendChatappMessage special characters in body values',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'template',
			TemplateCode: 'tpl_x',
			Language: 'en',
			TemplateParams: { '{{1}}': SPECIAL, '{{2}}': PUNCTUATION },
			TrackingData: 'campaign=spring&src=n8n 100% #1',
			Tag: 'a+b/c=d',
		},
	},
	{
		name: 'SendChatappMessage all optional scalar fields, numbers',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'template',
			TemplateCode: 'tpl_fallback',
			Language: 'en',
			CustWabaId: '1234567890',
			IsvCode: 'isv-01',
			FallBackId: 'sms-tpl-9',
			FallBackContent: 'Your order shipped (SMS fallback)',
			FallBackDuration: 120,
			FallBackRule: 'undelivered',
			TaskId: 'task-2026-11-25',
			ContextMessageId: 'wamid.HBgLNjU5MTIzNDU2NxUCABIYFDNBMkQ3RjE1',
			Ttl: 86400,
		},
	},
	{
		name: 'SendChatappMessage interactive Content with nested JSON and newlines',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'message',
			MessageType: 'interactive',
			Content: JSON.stringify({
				type: 'button',
				body: { text: 'Line 1\nLine 2\n\tindented %20 literal' },
				action: { buttons: [{ type: 'reply', reply: { id: 'b1', title: 'Yes ✔' } }] },
			}),
		},
	},
	{
		name: 'SendChatappMessage image Content with a URL',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'message',
			MessageType: 'image',
			Content: JSON.stringify({
				link: 'https://cdn.example.com/a b/c.png?x=1&y=%2F#frag',
				caption: 'Photo (1/2)',
			}),
		},
	},
	{
		name: 'SendChatappMessage FlowAction model',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'template',
			TemplateCode: 'tpl_flow',
			Language: 'en',
			FlowAction: { FlowActionData: { screen: 'WELCOME', note: 'a&b=c' }, FlowToken: 'tok/+=' },
		},
	},
	{
		name: 'SendChatappMessage ProductAction model with sections',
		action: 'SendChatappMessage',
		params: {
			...whatsappSend,
			Type: 'template',
			TemplateCode: 'tpl_mpm',
			Language: 'en',
			ProductAction: {
				Sections: [
					{
						ProductItems: [{ ProductRetailerId: 'sku-1' }, { ProductRetailerId: 'sku 2/x' }],
						Title: 'Top picks ⭐',
					},
				],
				ThumbnailProductRetailerId: 'sku-1',
			},
		},
	},
	// --- SendChatappMassMessage -------------------------------------------------------------
	{
		name: 'SendChatappMassMessage SenderList of three recipients',
		action: 'SendChatappMassMessage',
		params: {
			...space,
			ChannelType: 'whatsapp',
			From: '6580000000',
			TemplateCode: 'tpl_promo',
			Language: 'en',
			SenderList: [
				{ TemplateParams: { '{{1}}': 'Alice' }, To: '6591234567' },
				{ TemplateParams: { '{{1}}': 'Bob & Co' }, To: '6591234568' },
				{ Payload: ['opt-out'], TemplateParams: { '{{1}}': 'Chloé 😀' }, To: '6591234569' },
			],
		},
	},
	{
		name: 'SendChatappMassMessage special characters inside SenderList',
		action: 'SendChatappMassMessage',
		params: {
			...space,
			ChannelType: 'whatsapp',
			From: '6580000000',
			TemplateName: 'promo name',
			Language: 'en_US',
			SenderList: [
				{ TemplateParams: { '{{1}}': SPECIAL }, To: '6591234567' },
				{ TemplateParams: { '{{1}}': PUNCTUATION, '{{2}}': UNICODE }, To: '6591234568' },
			],
			TaskId: 'mass #7',
			Ttl: 3600,
		},
	},
	{
		name: 'SendChatappMassMessage with fallback and product action per recipient',
		action: 'SendChatappMassMessage',
		params: {
			...space,
			ChannelType: 'whatsapp',
			From: '6580000000',
			TemplateCode: 'tpl_catalog',
			Language: 'en',
			FallBackId: 'sms-1',
			FallBackDuration: 60,
			FallBackRule: 'undelivered',
			Tag: 'Q4',
			Label: 'vip',
			SenderList: [
				{
					FlowAction: { FlowActionData: { k: 'v' }, FlowToken: 't1' },
					ProductAction: {
						Sections: [{ ProductItems: [{ ProductRetailerId: 'a' }], Title: 'S' }],
						ThumbnailProductRetailerId: 'a',
					},
					To: '6591234567',
				},
			],
		},
	},
	// --- Templates --------------------------------------------------------------------------
	{
		name: 'CreateChatappTemplate with header, body, footer and buttons',
		action: 'CreateChatappTemplate',
		params: {
			...space,
			TemplateType: 'WHATSAPP',
			Name: 'order_update',
			Language: 'en',
			Category: 'UTILITY',
			AllowCategoryChange: true,
			Components: [
				{ Format: 'TEXT', Text: 'Order {{1}}', Type: 'HEADER' },
				{ Text: 'Hi {{1}}, your order {{2}} ships today!\nQuestions? Reply *HELP*.', Type: 'BODY' },
				{ Text: 'Reply STOP to opt out', Type: 'FOOTER' },
				{
					Buttons: [
						{
							Text: 'Track',
							Type: 'URL',
							Url: 'https://shop.example.com/track/{{1}}',
							UrlType: 'dynamic',
						},
						{ PhoneNumber: '+6580000000', Text: 'Call us', Type: 'PHONE_NUMBER' },
						{ Text: "Don't ask (again)!", Type: 'QUICK_REPLY' },
					],
					Type: 'BUTTONS',
				},
			],
			Example: { '{{1}}': 'A-1001', '{{2}}': 'B 2002 & co' },
		},
	},
	{
		name: 'CreateChatappTemplate media header, unicode and TTL',
		action: 'CreateChatappTemplate',
		params: {
			...space,
			TemplateType: 'WHATSAPP',
			Name: 'promo_媒体',
			Language: 'zh_CN',
			Category: 'MARKETING',
			MessageSendTtlSeconds: 600,
			Components: [
				{ Format: 'IMAGE', Type: 'HEADER', Url: 'https://cdn.example.com/h.png?sig=a+b/c=' },
				{ Text: '你好 {{1}} 🎉 — 限时优惠 50%', Type: 'BODY' },
			],
			Example: { '{{1}}': '李雷' },
			IsvCode: 'isv-01',
		},
	},
	{
		name: 'CreateChatappTemplate authentication template',
		action: 'CreateChatappTemplate',
		params: {
			...space,
			CustWabaId: '1234567890',
			TemplateType: 'WHATSAPP',
			Name: 'otp_code',
			Language: 'en',
			Category: 'AUTHENTICATION',
			Components: [
				{ AddSecretRecommendation: true, Type: 'BODY' },
				{ CodeExpirationMinutes: 5, Type: 'FOOTER' },
				{
					Buttons: [
						{
							AutofillText: 'Autofill',
							PackageName: 'com.example.app',
							SignatureHash: 'K8a/AINcGX7',
							Text: 'Copy code',
							Type: 'ONE_TAP',
						},
					],
					Type: 'BUTTONS',
				},
			],
		},
	},
	{
		name: 'ModifyChatappTemplate',
		action: 'ModifyChatappTemplate',
		params: {
			...space,
			TemplateType: 'WHATSAPP',
			TemplateCode: '744c4b5c79c9432497a075bdfca3****',
			Language: 'en',
			Category: 'MARKETING',
			Components: [{ Text: 'Updated: {{1}} (50% off!)', Type: 'BODY' }],
			Example: { '{{1}}': "today's deal" },
		},
	},
	{
		name: 'ListChatappTemplate with Page and filters',
		action: 'ListChatappTemplate',
		params: {
			...space,
			TemplateType: 'WHATSAPP',
			AuditStatus: 'pass',
			Language: 'en',
			Name: 'order',
			Page: { Index: 1, Size: 20 },
		},
	},
	{
		name: 'ListChatappTemplate name with spaces, newline, %, # and punctuation',
		action: 'ListChatappTemplate',
		params: { ...space, Name: `a b\n100% #1 ${PUNCTUATION}`, Page: { Index: 3, Size: 50 } },
	},
	{
		name: 'GetChatappTemplateDetail',
		action: 'GetChatappTemplateDetail',
		params: {
			...space,
			TemplateType: 'WHATSAPP',
			TemplateCode: '744c4b5c79c9432497a075bdfca3****',
			Language: 'en',
		},
	},
	{
		name: 'DeleteChatappTemplate by name',
		action: 'DeleteChatappTemplate',
		params: {
			...space,
			CustWabaId: '1234567890',
			TemplateType: 'WHATSAPP',
			TemplateName: 'promo name (old)',
			Language: 'en_US',
			IsvCode: 'isv-01',
		},
	},
	{
		name: 'GetChatappTemplateMetric numbers in the query',
		action: 'GetChatappTemplateMetric',
		params: {
			...space,
			TemplateCode: 'tpl_x',
			Language: 'en',
			TemplateType: 'WHATSAPP',
			Granularity: 'DAILY',
			Start: 1732492800000,
			End: 1732579199000,
		},
	},
	// --- Phone numbers, webhooks, media -----------------------------------------------------
	{
		name: 'QueryChatappPhoneNumbers',
		action: 'QueryChatappPhoneNumbers',
		params: { ...space, Status: 'CONNECTED', IsvCode: 'isv-01' },
	},
	{
		name: 'UpdatePhoneWebhook with callback URLs',
		action: 'UpdatePhoneWebhook',
		params: {
			...space,
			PhoneNumber: '6580000000',
			StatusCallbackUrl: 'https://hooks.example.com/cams/status?token=a+b/c=&x=(1)!*',
			UpCallbackUrl: 'https://hooks.example.com/cams/inbound?t=~tilde%20',
			HttpFlag: 'Y',
			QueueFlag: 'N',
		},
	},
	{
		name: 'UpdateAccountWebhook',
		action: 'UpdateAccountWebhook',
		params: {
			...space,
			StatusCallbackUrl: 'http://127.0.0.1:5678/webhook/abc-123',
			HttpFlag: 'Y',
			QueueFlag: 'N',
		},
	},
	{
		name: 'GetChatappUploadAuthorization',
		action: 'GetChatappUploadAuthorization',
		params: { ...space },
	},
	{
		name: 'GetChatappPhoneNumberMetric',
		action: 'GetChatappPhoneNumberMetric',
		params: {
			...space,
			PhoneNumber: '6580000000',
			Granularity: 'HALF_HOUR',
			Start: 1732492800000,
			End: 1732579199000,
		},
	},
	{
		name: 'ModifyPhoneBusinessProfile, Websites array and emoji',
		action: 'ModifyPhoneBusinessProfile',
		params: {
			...space,
			PhoneNumber: '6580000000',
			About: 'We ❤️ tea & cake',
			Address: '1 Raffles Pl, #20-01, Singapore',
			Description: SPECIAL,
			Email: 'hello+cams@example.com',
			Vertical: 'RETAIL',
			Websites: ['https://a.example.com', 'https://b.example.com/x?y=1&z=2'],
		},
	},
	{
		name: 'QueryPhoneBusinessProfile',
		action: 'QueryPhoneBusinessProfile',
		params: { ...space, PhoneNumber: '6580000000' },
	},
	{
		name: 'CreatePhoneMessageQrdl prefilled message with specials (body)',
		action: 'CreatePhoneMessageQrdl',
		params: {
			...space,
			PhoneNumber: '6580000000',
			GenerateQrImage: 'PNG',
			PrefilledMessage: `Hi! I'd like ${PUNCTUATION} 50% #deal 你好`,
		},
	},
	{
		name: 'UpdatePhoneMessageQrdl',
		action: 'UpdatePhoneMessageQrdl',
		params: {
			...space,
			PhoneNumber: '6580000000',
			QrdlCode: 'QR/+=1',
			GenerateQrImage: 'SVG',
			PrefilledMessage: 'new text',
		},
	},
	{
		name: 'UpdateCommerceSetting booleans',
		action: 'UpdateCommerceSetting',
		params: { ...space, PhoneNumber: '6580000000', CartEnable: true, CatalogVisible: false },
	},
	// --- Flows and misc ---------------------------------------------------------------------
	{
		name: 'ListFlow with Page in the body',
		action: 'ListFlow',
		params: { ...space, FlowName: 'sign up (v2)', Page: { Index: 2, Size: 10 } },
	},
	{
		name: 'CreateFlow Categories array',
		action: 'CreateFlow',
		params: { ...space, FlowName: 'Lead form ✍️', Categories: ['LEAD_GENERATION', 'SIGN_UP'] },
	},
	{
		name: 'GetPermissionByCode Permissions array',
		action: 'GetPermissionByCode',
		params: {
			...space,
			Code: 'AQD/+=abc',
			Permissions: ['whatsapp_business_management', 'business_management'],
		},
	},
	{
		name: 'QueryWabaBusinessInfo',
		action: 'QueryWabaBusinessInfo',
		params: { ...space, WabaId: '1234567890' },
	},
];
