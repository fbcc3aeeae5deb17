/** links(): the links of accepted sends, in process and over GET /__control/links. */
import { call, rawRequest } from './helpers';
import {
	SEED_CHANNELS,
	SEED_NUMBERS,
	SEED_TEMPLATES,
	startEmulator,
	type CamsEmulator,
} from './index';

const WA = SEED_CHANNELS.whatsapp.custSpaceId;
const FROM = SEED_NUMBERS.connected;
const TO = '6581230001';
const APPROVE = 'https://n8n.example.com/webhook-waiting/7/node?approved=true&signature=ab';
const DECLINE = 'https://n8n.example.com/webhook-waiting/7/node?approved=false&signature=cd';

let emu: CamsEmulator;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
	emu.reset();
	emu.inbound({ from: TO, to: FROM });
});

const send = (MessageType: string, content: unknown, to = TO) =>
	call(emu, 'SendChatappMessage', {
		ChannelType: 'whatsapp',
		CustSpaceId: WA,
		Type: 'message',
		MessageType,
		From: FROM,
		To: to,
		Content: JSON.stringify(content),
	});

const pairs = () => emu.links({ to: TO }).map(({ label, url }) => ({ label, url }));

describe('links of accepted sends', () => {
	it('a text: each link with the "Label:" in front of it, WhatsApp bold and italics removed', async () => {
		await send('text', { text: `Refund?\n\n*Approve:*\n_${APPROVE}_\n\nDecline: ${DECLINE}.` });
		expect(pairs()).toStrictEqual([
			{ label: 'Approve', url: APPROVE },
			{ label: 'Decline', url: DECLINE },
		]);
	});

	it('a CTA URL button: its display text and URL', async () => {
		await send('interactive', {
			type: 'cta_url',
			body: { text: 'Refund?' },
			action: { name: 'cta_url', parameters: { display_text: 'Approve', url: APPROVE } },
		});
		expect(pairs()).toStrictEqual([{ label: 'Approve', url: APPROVE }]);
	});

	it('a template: URL buttons with the variable filled from TemplateParams', async () => {
		const template = SEED_TEMPLATES.orderShipped;
		await call(emu, 'SendChatappMessage', {
			ChannelType: 'whatsapp',
			CustSpaceId: WA,
			Type: 'template',
			From: FROM,
			To: TO,
			TemplateCode: template.code,
			Language: 'en_US',
			TemplateParams: JSON.stringify({
				orderId: 'A1',
				name: 'Bo',
				date: '2 May',
				trackingId: 'TRK9',
			}),
		});
		const links = emu.links({ to: TO });
		expect(links.length).toBeGreaterThan(0);
		expect(links.every((link) => link.type === 'template')).toBe(true);
		expect(links.some((link) => link.url.endsWith('TRK9'))).toBe(true);
	});

	it('rejected sends have no links, and the HTTP control API filters by recipient', async () => {
		await send('text', { text: `Approve: ${APPROVE}` }, '6581230002'); // no session: rejected
		await send('text', { text: `Approve: ${APPROVE}` });
		const response = await rawRequest(`${emu.url}/__control/links?to=${TO}`, { method: 'GET' });
		expect(response.status).toBe(200);
		expect(response.json).toStrictEqual([expect.objectContaining({ to: TO, url: APPROVE })]);
		expect(emu.links({ to: '6581230002' })).toStrictEqual([]);
	});
});
