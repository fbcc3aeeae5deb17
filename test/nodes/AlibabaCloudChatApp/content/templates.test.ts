import {
	mediaHeaderVariable,
	templateVariables,
	variablesIn,
} from '../../../../nodes/AlibabaCloudChatApp/content/templates';

const detail = {
	TemplateCode: 'abc',
	Components: [
		{ Type: 'HEADER', Format: 'IMAGE', Url: 'https://cdn.example.com/$(headerImage)' },
		{ Type: 'BODY', Text: 'Hi $(name), order $(orderId) ships $(date). Thanks $(name)!' },
		{ Type: 'FOOTER', Text: 'Reply STOP to opt out' },
		{
			Type: 'BUTTONS',
			Buttons: [
				{
					Type: 'URL',
					Text: 'Track',
					Url: 'https://shop.example.com/track/$(trackingId)',
					UrlType: 'dynamic',
				},
				{ Type: 'QUICK_REPLY', Text: 'Stop' },
			],
		},
	],
};

describe('template variables', () => {
	it('finds every variable once, in order, across header, body and buttons', () => {
		expect(templateVariables(detail)).toEqual([
			'headerImage',
			'name',
			'orderId',
			'date',
			'trackingId',
		]);
	});

	it('reads Components given as a JSON string with lower-case keys', () => {
		const asString = { components: JSON.stringify([{ type: 'BODY', text: 'Code $(code)' }]) };
		expect(templateVariables(asString)).toEqual(['code']);
	});

	it('names the variable of a media header', () => {
		expect(mediaHeaderVariable(detail)).toBe('headerImage');
		expect(
			mediaHeaderVariable({ Components: [{ Type: 'HEADER', Format: 'TEXT', Text: '$(x)' }] }),
		).toBeUndefined();
	});

	it('ignores text that only looks like a variable', () => {
		expect(variablesIn('$name, $(), {{1}}, $(ok_1)')).toEqual(['ok_1']);
	});
});
