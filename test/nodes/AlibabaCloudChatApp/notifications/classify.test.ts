import { classifyEvent } from '../../../../nodes/AlibabaCloudChatApp/notifications/classify';
import { fixture } from './fixtures';

const kinds = (name: string) => fixture(name).map((event) => classifyEvent(event));

describe('classifyEvent', () => {
	it.each([
		['status-template-frame', 4],
		['status-message-frame', 4],
		['status-viber', 2],
		['status-doc-example', 2],
	])('classifies every element of %s as ChatAppStatus', (name, count) => {
		expect(kinds(name)).toEqual(
			Array(count).fill({ receipt: 'ChatAppStatus', kind: 'messageStatus' }),
		);
	});

	it.each([
		'inbound-text',
		'inbound-image',
		'inbound-video',
		'inbound-audio',
		'inbound-document',
		'inbound-location',
		'inbound-contacts',
		'inbound-reply',
		'inbound-system',
		'inbound-unknown-type',
		'inbound-message-object',
		'inbound-timestamp-space',
		'inbound-malformed-message',
		'inbound-doc-example',
	])('classifies %s as ChatAppInbound', (name) => {
		for (const classification of kinds(name)) {
			expect(classification).toEqual({ receipt: 'ChatAppInbound', kind: 'inboundMessage' });
		}
	});

	it('classifies audit V1 (every AuditStatus) as template review', () => {
		expect(kinds('audit-v1')).toEqual([{ receipt: 'ChatAppAudit', kind: 'templateReview' }]);
		expect(new Set(kinds('audit-v1-statuses').map((c) => c.kind))).toEqual(
			new Set(['templateReview']),
		);
	});

	it('classifies each audit V2 type by its Type, although V2 events carry a Status', () => {
		expect(kinds('audit-v2').map((c) => c.kind)).toEqual([
			'templateReview',
			'phoneNameUpdate',
			'phoneQualityUpdate',
			'wabaReviewUpdate',
			'wabaAccountUpdate',
			'templateCategoryUpdate',
			'templateQualityUpdate',
		]);
		expect(new Set(kinds('audit-v2').map((c) => c.receipt))).toEqual(new Set(['ChatAppAudit']));
	});

	it('keeps an audit with an undocumented V2 Type as "other", still marked ChatAppAudit', () => {
		expect(kinds('audit-v2-unknown-type')).toEqual([{ receipt: 'ChatAppAudit', kind: 'other' }]);
	});

	it('does not take a template status report without its MessageId for an audit', () => {
		const [failed] = fixture('status-doc-example');
		const { MessageId: _dropped, ...withoutId } = failed;
		expect(withoutId).toMatchObject({ MsgFrameType: 'template', TemplateCode: expect.any(String) });
		expect(classifyEvent(withoutId)).toEqual({ receipt: 'ChatAppStatus', kind: 'messageStatus' });
	});

	it('does not take a template status report for an audit (TemplateCode and Type "TEMPLATE")', () => {
		const [failed] = fixture('status-doc-example');
		expect(classifyEvent(failed)).toEqual({ receipt: 'ChatAppStatus', kind: 'messageStatus' });
	});

	it('matches V2 types case-insensitively and tolerates padding', () => {
		expect(
			classifyEvent({ WabaId: '1', Type: ' PhoneQualityUpdate ', PhoneNumber: '1', Status: 'RED' })
				.kind,
		).toBe('phoneQualityUpdate');
	});

	it.each([
		['an empty object', {}],
		['an unrelated object', { hello: 'world' }],
		['a status without message ID or frame', { Status: 'Read' }],
		['only a message ID', { MessageId: 'x' }],
	])('classifies %s as other', (_label, event) => {
		expect(classifyEvent(event)).toEqual({ receipt: null, kind: 'other' });
	});

	it('treats an inbound element with an empty Message, or only NoticeType inbound, as inbound', () => {
		expect(classifyEvent({ MessageId: 'm', Message: '' }).kind).toBe('inboundMessage');
		expect(classifyEvent({ MessageId: 'm', NoticeType: 'INBOUND' }).kind).toBe('inboundMessage');
	});
});
