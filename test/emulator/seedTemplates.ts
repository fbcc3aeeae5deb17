/** The seeded templates: 28 WhatsApp templates (mixed status, language, category) and 2 Viber ones. */
import { SEED_CHANNELS } from './seed';
import {
	seedTemplateCode,
	type AuditStatus,
	type Component,
	type TemplateRecord,
} from './templateModel';

const SEED_EPOCH = Date.UTC(2025, 0, 1);

const body = (Text: string): Component => ({ Type: 'BODY', Text });
const footer = (Text: string): Component => ({ Type: 'FOOTER', Text });
const textHeader = (Text: string): Component => ({ Type: 'HEADER', Format: 'TEXT', Text });
const buttons = (...list: Array<Record<string, unknown>>): Component => ({
	Type: 'BUTTONS',
	Buttons: list,
});
const quickReply = (Text: string) => ({ Type: 'QUICK_REPLY', Text });
const urlButton = (Text: string, Url: string) => ({
	Type: 'URL',
	Text,
	Url,
	UrlType: Url.includes('$(') ? 'dynamic' : 'static',
});

interface Row {
	name: string;
	language: string;
	category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
	status: AuditStatus;
	components: Component[];
	example: Record<string, string>;
	reason?: string;
}

const row = (
	name: string,
	language: string,
	category: Row['category'],
	status: AuditStatus,
	components: Component[],
	example: Record<string, string> = {},
	reason = '',
): Row => ({ name, language, category, status, components, example, reason });

const ORDER_EXAMPLE = { orderId: 'A1001', name: 'Bob', date: '2 May', trackingId: 'TRK123' };
const AUTH_BODY = body(
	'$(code) is your verification code. For your security, do not share this code.',
);

/** Rows are listed oldest first; ListChatappTemplate returns newest first. */
const WHATSAPP_ROWS: Row[] = [
	row(
		'order_shipped',
		'en_US',
		'UTILITY',
		'pass',
		[
			textHeader('Order $(orderId) shipped'),
			body('Hi $(name), your order $(orderId) has shipped and should arrive on $(date).'),
			footer('Reply STOP to opt out'),
			buttons(
				urlButton('Track order', 'https://shop.example.com/track/$(trackingId)'),
				quickReply('Thanks'),
			),
		],
		ORDER_EXAMPLE,
	),
	row(
		'order_shipped',
		'es',
		'UTILITY',
		'pass',
		[
			textHeader('Pedido $(orderId) enviado'),
			body('Hola $(name), tu pedido $(orderId) fue enviado y llegará el $(date).'),
			buttons(urlButton('Seguir pedido', 'https://shop.example.com/track/$(trackingId)')),
		],
		ORDER_EXAMPLE,
	),
	row(
		'welcome_offer',
		'en_US',
		'MARKETING',
		'pass',
		[
			{ Type: 'HEADER', Format: 'IMAGE', Url: '$(headerImage)' },
			body('Welcome $(name)! Enjoy $(discount) off your next order.'),
			buttons(quickReply('Shop now'), quickReply('Stop promotions')),
		],
		{ headerImage: 'https://cdn.example.com/welcome.jpg', name: 'Bob', discount: '10%' },
	),
	row(
		'verification_code',
		'en_US',
		'AUTHENTICATION',
		'pass',
		[
			{ ...AUTH_BODY, AddSecretRecommendation: true },
			{ Type: 'FOOTER', CodeExpirationMinutes: 10 },
			buttons({ Type: 'COPY_CODE', Text: 'Copy code' }),
		],
		{ code: '482913' },
	),
	row(
		'appointment_reminder',
		'en_US',
		'UTILITY',
		'pass',
		[
			body('Hello $(name), this is a reminder of your appointment on $(date) at $(time).'),
			buttons({ Type: 'PHONE_NUMBER', Text: 'Call us', PhoneNumber: '+6560000000' }),
		],
		{ name: 'Bob', date: '2 May', time: '10:00' },
	),
	row(
		'invoice_ready',
		'en_US',
		'UTILITY',
		'pass',
		[
			{ Type: 'HEADER', Format: 'DOCUMENT', Url: '$(invoiceUrl)', FileName: 'invoice.pdf' },
			body('Your invoice $(invoiceNo) for $(amount) is attached.'),
		],
		{ invoiceUrl: 'https://cdn.example.com/i.pdf', invoiceNo: 'INV-1', amount: 'SGD 20' },
	),
	row(
		'product_video',
		'pt_BR',
		'MARKETING',
		'pass',
		[
			{ Type: 'HEADER', Format: 'VIDEO', Url: '$(videoUrl)' },
			body('Olá $(name), veja o nosso novo produto!'),
		],
		{ videoUrl: 'https://cdn.example.com/v.mp4', name: 'Ana' },
	),
	row(
		'payment_received',
		'en_US',
		'UTILITY',
		'pass',
		[body('We received your payment of $(amount). Thank you!')],
		{ amount: 'SGD 20' },
	),
	row(
		'payment_received',
		'id',
		'UTILITY',
		'pass',
		[body('Kami telah menerima pembayaran Anda sebesar $(amount).')],
		{ amount: 'IDR 1000' },
	),
	row(
		'payment_received',
		'zh_CN',
		'UTILITY',
		'pass',
		[body('我们已收到您的付款 $(amount)，谢谢！')],
		{ amount: '¥20' },
	),
	row(
		'summer_sale',
		'en_US',
		'MARKETING',
		'fail',
		[body('Huge summer sale, $(discount) off everything!')],
		{ discount: '50%' },
		'Your template was rejected because it violates the WhatsApp Business Commerce Policy.',
	),
	row(
		'flash_deal',
		'en_US',
		'MARKETING',
		'auditing',
		[body('Flash deal for $(name): $(deal) today only.')],
		{ name: 'Bob', deal: '2 for 1' },
	),
	row(
		'delivery_update',
		'en_GB',
		'UTILITY',
		'pass',
		[body('Your parcel $(parcelId) is out for delivery.')],
		{ parcelId: 'P-77' },
	),
	row(
		'feedback_request',
		'en_US',
		'MARKETING',
		'pass',
		[
			body('How was your experience with us, $(name)?'),
			buttons(quickReply('Great'), quickReply('Okay'), quickReply('Bad')),
		],
		{ name: 'Bob' },
	),
	row(
		'account_alert',
		'en_US',
		'UTILITY',
		'unaudit',
		[body('A new device signed in to your account $(account).')],
		{ account: 'bob@example.com' },
	),
	row(
		'password_reset',
		'en_US',
		'AUTHENTICATION',
		'pass',
		[AUTH_BODY, buttons({ Type: 'COPY_CODE', Text: 'Copy code' })],
		{ code: '120934' },
	),
	row(
		'store_location',
		'en_US',
		'UTILITY',
		'pass',
		[{ Type: 'HEADER', Format: 'LOCATION' }, body('Visit us at our new store, $(name)!')],
		{ name: 'Bob' },
	),
	row(
		'back_in_stock',
		'en_US',
		'MARKETING',
		'pass',
		[
			textHeader('$(product) is back!'),
			body('Good news $(name): $(product) is back in stock.'),
			footer('Emulator Shop'),
		],
		{ product: 'Blue mug', name: 'Bob' },
	),
	row(
		'event_invite',
		'fr',
		'MARKETING',
		'fail',
		[body('Bonjour $(name), vous êtes invité à notre événement.')],
		{ name: 'Luc' },
		'INVALID_FORMAT',
	),
	row(
		'booking_confirmed',
		'de',
		'UTILITY',
		'pass',
		[body('Hallo $(name), Ihre Buchung $(booking) ist bestätigt.')],
		{ name: 'Jan', booking: 'B-9' },
	),
	row(
		'loyalty_points',
		'ja',
		'MARKETING',
		'auditing',
		[body('$(name)様、$(points)ポイントが貯まりました。')],
		{ name: '太郎', points: '120' },
	),
	row(
		'subscription_renewal',
		'en_US',
		'UTILITY',
		'pass',
		[
			body('Your subscription renews on $(date).'),
			buttons(urlButton('Manage', 'https://shop.example.com/account')),
		],
		{ date: '1 June' },
	),
	row(
		'cart_reminder',
		'en_US',
		'MARKETING',
		'pass',
		[
			body('You left $(count) items in your cart, $(name).'),
			buttons(urlButton('View cart', 'https://shop.example.com/cart/$(cartId)')),
		],
		{ count: '3', name: 'Bob', cartId: 'C42' },
	),
	row(
		'shipping_delay',
		'en_US',
		'UTILITY',
		'fail',
		[body('Your order $(orderId) is delayed. Buy more now!')],
		{ orderId: 'A1' },
		'The template category does not match its content.',
	),
	row(
		'survey_invite',
		'es',
		'MARKETING',
		'pass',
		[
			body('Hola $(name), ¿nos ayudas con una encuesta?'),
			buttons(quickReply('Sí'), quickReply('No')),
		],
		{ name: 'Ana' },
	),
	row(
		'refund_processed',
		'en_US',
		'UTILITY',
		'pass',
		[body('Your refund of $(amount) for order $(orderId) has been processed.')],
		{ amount: 'SGD 5', orderId: 'A1' },
	),
	row(
		'welcome_offer',
		'es',
		'MARKETING',
		'pass',
		[
			{ Type: 'HEADER', Format: 'IMAGE', Url: '$(headerImage)' },
			body('¡Bienvenido $(name)! Disfruta $(discount) de descuento.'),
		],
		{ headerImage: 'https://cdn.example.com/welcome.jpg', name: 'Ana', discount: '10%' },
	),
	row('holiday_hours', 'en_US', 'UTILITY', 'pass', [
		body('Our stores are closed on public holidays.'),
	]),
];

const VIBER_ROWS: Row[] = [
	row(
		'viber_promo',
		'en',
		'MARKETING',
		'pass',
		[
			{ Type: 'HEADER', Format: 'IMAGE', Url: 'https://cdn.example.com/viber.jpg' },
			body('Hi $(name), new arrivals are here.'),
			buttons(urlButton('Shop', 'https://shop.example.com')),
		],
		{ name: 'Bob' },
	),
	row(
		'viber_notice',
		'en',
		'UTILITY',
		'pass',
		[body('Your order $(orderId) is ready for pickup.')],
		{ orderId: 'A1' },
	),
];

function build(
	rows: Row[],
	custSpaceId: string,
	templateType: 'WHATSAPP' | 'VIBER',
	offset: number,
): TemplateRecord[] {
	return rows.map((entry, index) => ({
		code: seedTemplateCode(`${custSpaceId}/${entry.name}`),
		name: entry.name,
		language: entry.language,
		category: entry.category,
		auditStatus: entry.status,
		reason: entry.reason ?? '',
		templateType,
		custSpaceId,
		components: entry.components,
		example: entry.example,
		qualityScore: entry.status === 'pass' ? 'GREEN' : 'UNKNOWN',
		lastUpdateTime: SEED_EPOCH + (offset + index) * 3_600_000,
	}));
}

/** A fresh copy of every seeded template. */
export function seedTemplates(): TemplateRecord[] {
	const all = [
		...build(WHATSAPP_ROWS, SEED_CHANNELS.whatsapp.custSpaceId, 'WHATSAPP', 0),
		...build(VIBER_ROWS, SEED_CHANNELS.viber.custSpaceId, 'VIBER', WHATSAPP_ROWS.length),
	];
	return structuredClone(all);
}

const code = (name: string) => seedTemplateCode(`${SEED_CHANNELS.whatsapp.custSpaceId}/${name}`);

/** Handles on well-known seeded templates (WhatsApp channel unless stated). */
export const SEED_TEMPLATES = {
	whatsappCount: WHATSAPP_ROWS.length,
	viberCount: VIBER_ROWS.length,
	/** pass; HEADER/BODY/URL-button variables: orderId, name, date, trackingId. Also in `es`. */
	orderShipped: {
		code: code('order_shipped'),
		name: 'order_shipped',
		language: 'en_US',
		variables: ['orderId', 'name', 'date', 'trackingId'],
	},
	/** pass; IMAGE header `$(headerImage)`, body name + discount. */
	welcomeOffer: {
		code: code('welcome_offer'),
		name: 'welcome_offer',
		language: 'en_US',
		variables: ['headerImage', 'name', 'discount'],
	},
	/** pass; AUTHENTICATION with `$(code)`. */
	verificationCode: {
		code: code('verification_code'),
		name: 'verification_code',
		language: 'en_US',
		variables: ['code'],
	},
	/** pass; no variables. */
	holidayHours: {
		code: code('holiday_hours'),
		name: 'holiday_hours',
		language: 'en_US',
		variables: [] as string[],
	},
	/** pass in en_US, id and zh_CN. */
	paymentReceived: {
		code: code('payment_received'),
		name: 'payment_received',
		language: 'en_US',
		variables: ['amount'],
	},
	/** fail (rejected). */
	summerSale: { code: code('summer_sale'), name: 'summer_sale', language: 'en_US' },
	/** auditing. */
	flashDeal: { code: code('flash_deal'), name: 'flash_deal', language: 'en_US' },
	/** unaudit. */
	accountAlert: { code: code('account_alert'), name: 'account_alert', language: 'en_US' },
	/** Viber channel, pass. */
	viberNotice: {
		code: seedTemplateCode(`${SEED_CHANNELS.viber.custSpaceId}/viber_notice`),
		name: 'viber_notice',
		language: 'en',
		variables: ['orderId'],
	},
} as const;
