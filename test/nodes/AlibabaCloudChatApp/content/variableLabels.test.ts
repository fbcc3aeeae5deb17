import {
	variableLabel,
	variablePlaces,
} from '../../../../nodes/AlibabaCloudChatApp/content/variableLabels';

describe('variable labels', () => {
	it('names the header, body, button and card each variable is used in', () => {
		const places = variablePlaces({
			Components: [
				{ Type: 'HEADER', Format: 'TEXT', Text: 'Order $(orderId)' },
				{ Type: 'BODY', Text: 'Hi $(name), order $(orderId) ships $(date)' },
				{
					Type: 'BUTTONS',
					Buttons: [
						{ Type: 'QUICK_REPLY', Text: 'Thanks' },
						{ Type: 'URL', Text: 'Track', Url: 'https://x.example/$(trackingId)' },
					],
				},
				{ Type: 'CAROUSEL', Cards: [{ Components: [{ Type: 'BODY', Text: '$(card1)' }] }] },
			],
		});
		expect(
			['orderId', 'name', 'date', 'trackingId', 'card1', 'unused'].map((name) =>
				variableLabel(name, places),
			),
		).toEqual([
			'orderId (header, body)',
			'name (body)',
			'date (body)',
			'trackingId (button 2 "Track")',
			'card1 (card 1)',
			'unused',
		]);
	});

	it('calls the variable of an image header its media link, with Components as a JSON string', () => {
		const places = variablePlaces({
			Components: JSON.stringify([
				{ Type: 'HEADER', Format: 'IMAGE', Url: 'https://cdn.example/$(headerImage)' },
				{ Type: 'BODY', Text: '$(name)' },
			]),
		});
		expect(variableLabel('headerImage', places)).toBe('headerImage (header media link)');
		expect(variableLabel('name', places)).toBe('name (body)');
	});
});
