import { ContentError } from '../../../../nodes/AlibabaCloudChatApp/content/contentError';
import {
	buildInteractive,
	checkInteractive,
	type InteractiveInput,
} from '../../../../nodes/AlibabaCloudChatApp/content/interactive';

function failure(input: InteractiveInput): ContentError {
	try {
		buildInteractive(input);
	} catch (error) {
		expect(error).toBeInstanceOf(ContentError);
		return error as ContentError;
	}
	throw new Error('expected a ContentError');
}

describe('interactive builder', () => {
	it('builds reply buttons with header and footer; an empty ID takes the title', () => {
		expect(
			buildInteractive({
				kind: 'button',
				header: 'Order 42',
				body: 'Did it arrive?',
				footer: 'Shop',
				buttons: [{ title: 'Yes', id: 'yes_42' }, { title: 'No' }, { title: '', id: '' }],
			}),
		).toStrictEqual({
			type: 'button',
			header: { type: 'text', text: 'Order 42' },
			body: { text: 'Did it arrive?' },
			footer: { text: 'Shop' },
			action: {
				buttons: [
					{ type: 'reply', reply: { id: 'yes_42', title: 'Yes' } },
					{ type: 'reply', reply: { id: 'No', title: 'No' } },
				],
			},
		});
	});

	it('groups list rows into sections in order of appearance', () => {
		expect(
			buildInteractive({
				kind: 'list',
				body: 'Choose a slot',
				listButton: 'Slots',
				rows: [
					{ section: 'Morning', title: '9:00', id: 'm9' },
					{ section: 'Evening', title: '18:00', description: 'After work' },
					{ section: 'Morning', title: '10:00' },
				],
			}),
		).toStrictEqual({
			type: 'list',
			body: { text: 'Choose a slot' },
			action: {
				button: 'Slots',
				sections: [
					{
						title: 'Morning',
						rows: [
							{ id: 'm9', title: '9:00' },
							{ id: '10:00', title: '10:00' },
						],
					},
					{ title: 'Evening', rows: [{ id: '18:00', title: '18:00', description: 'After work' }] },
				],
			},
		});
	});

	it('makes a single untitled section when no row has a section title', () => {
		const list = buildInteractive({
			kind: 'list',
			body: 'B',
			listButton: 'Open',
			rows: [{ title: 'One' }],
		});
		expect(list.action).toStrictEqual({
			button: 'Open',
			sections: [{ rows: [{ id: 'One', title: 'One' }] }],
		});
	});

	it('builds a CTA URL button', () => {
		expect(
			buildInteractive({
				kind: 'cta_url',
				body: 'Track it',
				ctaText: 'Track',
				ctaUrl: 'https://t.example/1',
			}),
		).toStrictEqual({
			type: 'cta_url',
			body: { text: 'Track it' },
			action: {
				name: 'cta_url',
				parameters: { display_text: 'Track', url: 'https://t.example/1' },
			},
		});
	});

	it.each<[string, InteractiveInput, RegExp]>([
		['no body', { kind: 'button', buttons: [{ title: 'A' }] }, /Body Text is empty/],
		[
			'four buttons',
			{ kind: 'button', body: 'B', buttons: ['A', 'B', 'C', 'D'].map((title) => ({ title })) },
			/1 to 3 buttons, not 4/,
		],
		['no buttons', { kind: 'button', body: 'B', buttons: [] }, /1 to 3 buttons, not 0/],
		[
			'a long title',
			{ kind: 'button', body: 'B', buttons: [{ title: 'x'.repeat(21) }] },
			/Button 1 Title is too long/,
		],
		[
			'an ID without title',
			{ kind: 'button', body: 'B', buttons: [{ id: 'a' }] },
			/Button 1 Title is empty/,
		],
		[
			'duplicate IDs',
			{
				kind: 'button',
				body: 'B',
				buttons: [
					{ title: 'A', id: 'x' },
					{ title: 'B', id: 'x' },
				],
			},
			/same button ID "x"/,
		],
		[
			'a long header',
			{ kind: 'button', header: 'h'.repeat(61), body: 'B', buttons: [{ title: 'A' }] },
			/Header Text is too long/,
		],
		[
			'no list button',
			{ kind: 'list', body: 'B', rows: [{ title: 'A' }] },
			/List Button Text is empty/,
		],
		[
			'eleven rows',
			{
				kind: 'list',
				body: 'B',
				listButton: 'L',
				rows: Array.from({ length: 11 }, (_, i) => ({ title: `R${i}` })),
			},
			/1 to 10 rows, not 11/,
		],
		[
			'mixed section titles',
			{
				kind: 'list',
				body: 'B',
				listButton: 'L',
				rows: [{ title: 'A', section: 'S' }, { title: 'B' }],
			},
			/Every row needs a section title/,
		],
		[
			'a long row description',
			{
				kind: 'list',
				body: 'B',
				listButton: 'L',
				rows: [{ title: 'A', description: 'd'.repeat(73) }],
			},
			/Row 1 Description is too long/,
		],
		['a CTA without link', { kind: 'cta_url', body: 'B', ctaText: 'Go' }, /Button Link is empty/],
		[
			'a CTA with a bad link',
			{ kind: 'cta_url', body: 'B', ctaText: 'Go', ctaUrl: 'example.com' },
			/not an http\(s\) link/,
		],
	])('rejects %s', (_, input, message) => {
		expect(failure(input).message).toMatch(message);
	});

	it('checks JSON interactive objects per channel', () => {
		expect(checkInteractive({ type: 'flow', action: { name: 'flow' } }, 'whatsapp')).toStrictEqual({
			type: 'flow',
			action: { name: 'flow' },
		});
		expect(() => checkInteractive({ type: 'button' }, 'whatsapp')).toThrow(
			/"type" and an "action"/,
		);
		expect(() => checkInteractive('{"type":"button"}', 'whatsapp')).toThrow(
			/must be a JSON object/,
		);
		expect(checkInteractive({ quick_replies: [] }, 'messenger')).toStrictEqual({
			quick_replies: [],
		});
	});
});
