import { WAIT_INDEFINITELY } from 'n8n-workflow';

import {
	ATTRIBUTION,
	buildApprovalMessage,
	normaliseMessage,
} from '../../../../nodes/AlibabaCloudChatApp/content/approvalMessage';
import { isLinkPreview } from '../../../../nodes/AlibabaCloudChatApp/helpers/linkPreview';
import {
	dynamicUrlButtons,
	resumeLinkVariables,
} from '../../../../nodes/AlibabaCloudChatApp/content/resumeTemplate';
import { waitTillDate } from '../../../../nodes/AlibabaCloudChatApp/actions/message/sendAndWait.waitTill';

const BASE = 'https://n8n.example.com/webhook-waiting/';
const APPROVE = { label: 'Approve', url: `${BASE}812/node-1?approved=true&signature=aa11` };
const DECLINE = { label: 'Decline', url: `${BASE}812/node-1?approved=false&signature=bb22` };

describe('buildApprovalMessage: the message that carries the response links', () => {
	it('WhatsApp, one link: an interactive CTA URL button', () => {
		const built = buildApprovalMessage({
			channelType: 'whatsapp',
			message: 'Approve refund #123?',
			links: [APPROVE],
		});
		expect(built).toStrictEqual({
			messageType: 'interactive',
			content: {
				type: 'cta_url',
				body: { text: 'Approve refund #123?' },
				action: { name: 'cta_url', parameters: { display_text: 'Approve', url: APPROVE.url } },
			},
		});
	});

	it('WhatsApp, two links (more than a CTA URL message holds): text with bold labels', () => {
		const built = buildApprovalMessage({
			channelType: 'whatsapp',
			message: 'Approve refund #123?',
			links: [APPROVE, DECLINE],
			attribution: true,
		});
		expect(built).toStrictEqual({
			messageType: 'text',
			content: {
				text: `Approve refund #123?\n\n*Approve:*\n${APPROVE.url}\n\n*Decline:*\n${DECLINE.url}\n\n${ATTRIBUTION}`,
			},
		});
	});

	it('WhatsApp, one link whose label is longer than a CTA button allows: text', () => {
		const label = 'Approve the refund of order 123';
		const built = buildApprovalMessage({
			channelType: 'whatsapp',
			message: 'Refund?',
			links: [{ ...APPROVE, label }],
		});
		expect(built.messageType).toBe('text');
		expect(built.content).toStrictEqual({ text: `Refund?\n\n*${label}:*\n${APPROVE.url}` });
	});

	it('WhatsApp CTA with attribution puts it in the footer', () => {
		const built = buildApprovalMessage({
			channelType: 'whatsapp',
			message: 'Refund?',
			links: [APPROVE],
			attribution: true,
		});
		expect((built.content as { footer: unknown }).footer).toStrictEqual({ text: ATTRIBUTION });
	});

	it('Viber, one link: text with a button; two links: text with links', () => {
		expect(
			buildApprovalMessage({ channelType: 'viber', message: 'Refund?', links: [APPROVE] }),
		).toStrictEqual({
			messageType: 'text_button',
			content: { text: 'Refund?', caption: 'Approve', action: APPROVE.url },
		});
		expect(
			buildApprovalMessage({ channelType: 'viber', message: 'Refund?', links: [APPROVE, DECLINE] }),
		).toStrictEqual({
			messageType: 'text',
			content: { text: `Refund?\n\nApprove: ${APPROVE.url}\n\nDecline: ${DECLINE.url}` },
		});
	});

	it.each(['messenger', 'instagram'])('%s: text with plain "Label: link" lines', (channelType) => {
		expect(
			buildApprovalMessage({ channelType, message: 'Refund?', links: [APPROVE] }),
		).toStrictEqual({
			messageType: 'text',
			content: { text: `Refund?\n\nApprove: ${APPROVE.url}` },
		});
	});

	it('an empty message is refused before anything is sent', () => {
		expect(() =>
			buildApprovalMessage({ channelType: 'whatsapp', message: '', links: [APPROVE] }),
		).toThrow('Body Text is empty');
	});

	it('reads the message as n8n does: trimmed, a typed \\n or <br> becomes a line break', () => {
		expect(normaliseMessage('  Line 1\\nLine 2<br>Line 3 ')).toBe('Line 1\nLine 2\nLine 3');
	});
});

describe('resumeLinkVariables: the template URL buttons carry the links', () => {
	const detail = {
		Components: [
			{ Type: 'BODY', Text: 'Refund $(order)?' },
			{
				Type: 'BUTTONS',
				Buttons: [
					{ Type: 'URL', Text: 'Approve', Url: `${BASE}$(approve)`, UrlType: 'dynamic' },
					{ Type: 'URL', Text: 'Decline', Url: `${BASE}$(decline)`, UrlType: 'dynamic' },
				],
			},
		],
	};

	it('fills each button variable with the rest of its resume link, in button order', () => {
		expect(dynamicUrlButtons(detail).map((button) => button.variable)).toStrictEqual([
			'approve',
			'decline',
		]);
		expect(resumeLinkVariables(detail, [APPROVE, DECLINE], 'refund_approval')).toStrictEqual({
			approve: '812/node-1?approved=true&signature=aa11',
			decline: '812/node-1?approved=false&signature=bb22',
		});
	});

	it('a button prefix of another host is refused, naming the link to use', () => {
		const other = JSON.parse(JSON.stringify(detail).split(BASE).join('https://old.example.com/w/'));
		expect(() => resumeLinkVariables(other, [APPROVE], 'refund_approval')).toThrow(
			/starts with https:\/\/old\.example\.com\/w\/, but this n8n's resume links start with https:\/\/n8n\.example\.com\/webhook-waiting\//,
		);
	});

	it('too few dynamic URL buttons is refused with how to make the template', () => {
		const oneButton = {
			Components: [
				{ Type: 'BUTTONS', Buttons: [{ Type: 'URL', Text: 'Approve', Url: `${BASE}$(approve)` }] },
			],
		};
		let thrown: { message: string; description: string } | undefined;
		try {
			resumeLinkVariables(oneButton, [APPROVE, DECLINE], 'refund_approval');
		} catch (error) {
			thrown = error as { message: string; description: string };
		}
		expect(thrown?.message).toMatch(/has 1 URL button ending in a variable; 2 are needed/);
		expect(thrown?.description).toContain(`whose link is ${BASE}$(resumePath)`);
	});

	it('static URL buttons and variables in the middle of a link do not count', () => {
		expect(
			dynamicUrlButtons({
				Components: [
					{
						Type: 'BUTTONS',
						Buttons: [
							{ Type: 'URL', Text: 'Site', Url: 'https://example.com/' },
							{ Type: 'URL', Text: 'Mid', Url: 'https://example.com/$(x)/end' },
							{ Type: 'QUICK_REPLY', Text: 'Thanks' },
						],
					},
				],
			}),
		).toStrictEqual([]);
	});
});

describe('waitTillDate: Limit Wait Time as n8n computes it', () => {
	const now = Date.UTC(2026, 0, 1, 12, 0, 0);
	it('no limit: wait indefinitely', () => {
		expect(waitTillDate(undefined, now)).toBe(WAIT_INDEFINITELY);
		expect(waitTillDate({}, now)).toBe(WAIT_INDEFINITELY);
	});
	it('after an interval in minutes, hours or days', () => {
		expect(
			waitTillDate(
				{ limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' },
				now,
			),
		).toStrictEqual(new Date(now + 45 * 60_000));
		expect(waitTillDate({ resumeAmount: 2, resumeUnit: 'days' }, now)).toStrictEqual(
			new Date(now + 2 * 86_400_000),
		);
	});
	it('at a date, and an invalid date is refused', () => {
		expect(
			waitTillDate({ limitType: 'atSpecifiedTime', maxDateAndTime: '2026-01-02T00:00:00Z' }, now),
		).toStrictEqual(new Date('2026-01-02T00:00:00Z'));
		expect(() =>
			waitTillDate({ limitType: 'atSpecifiedTime', maxDateAndTime: 'next week' }, now),
		).toThrow('Could not configure Limit Wait Time');
	});
});

describe('isLinkPreview', () => {
	it.each([
		'WhatsApp/2.23.20.0 A',
		'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
		'TelegramBot (like TwitterBot)',
		'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
		'Viber/21.0',
		'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
	])('flags the previewer %s', (agent) => expect(isLinkPreview(agent)).toBe(true));

	it.each([
		'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Instagram 330.0.0',
		'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 [FBAN/MessengerForiOS;FBAV/460.0]',
		'node',
		undefined,
	])('lets a person through: %s', (agent) => expect(isLinkPreview(agent)).toBe(false));
});
