/** Push fixtures (test/fixtures/notifications) and generated pushes for the trigger tests and the benchmark. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RawEvent } from '../../../../nodes/AlibabaCloudChatApp/notifications/types';

export const FIXTURE_DIR = join(__dirname, '../../../fixtures/notifications');

export function fixtureNames(): string[] {
	return readdirSync(FIXTURE_DIR)
		.filter((name) => name.endsWith('.json'))
		.map((name) => name.replace(/\.json$/, ''))
		.sort();
}

/** The exact bytes of a fixture, as CAMS would POST them. */
export function fixtureBytes(name: string): Buffer {
	return readFileSync(join(FIXTURE_DIR, `${name}.json`));
}

export function fixture(name: string): RawEvent[] {
	return JSON.parse(fixtureBytes(name).toString('utf8')) as RawEvent[];
}

const BASE_TIME = 1_700_000_000_000;

/**
 * A realistic mixed push of `count` events: 60 % status reports (Sent/Delivered/Read/Failed),
 * 30 % inbound messages (text, image, reply), 10 % template reviews; every event distinct.
 */
export function generatedPush(count = 1000, seed = 'p'): RawEvent[] {
	const statuses = ['Sent', 'Delivered', 'Read', 'Failed'];
	return Array.from({ length: count }, (_, index): RawEvent => {
		const slot = index % 10;
		const timestamp = BASE_TIME + index * 1000;
		if (slot < 6) {
			const status = statuses[index % 4];
			return {
				MessageId: `${seed}-msg-${Math.floor(index / 4)}`,
				From: '6591234567',
				To: `65812${String(index).padStart(5, '0')}`,
				Timestamp: timestamp,
				Status: status,
				StatusDescription: status.toLowerCase(),
				MsgFrameType: 'template',
				Type: 'TEMPLATE',
				TaskId: `task-${index}`,
				TemplateCode: '820561547132813184',
				TemplateName: 'order_shipped',
				Language: 'en',
				...(status === 'Failed'
					? {
							ErrorCode: '131026',
							ErrorDescription: '131026:Receiver is incapable of receiving this message',
						}
					: {}),
			};
		}
		if (slot < 9) {
			const type = ['TEXT', 'IMAGE', 'REPLY'][index % 3];
			const message =
				type === 'TEXT'
					? `hello ${index}`
					: JSON.stringify(
							type === 'IMAGE'
								? {
										id: `img-${index}`,
										mimeType: 'image/jpeg',
										url: `https://oss.example/${index}.jpg`,
									}
								: { text: 'Track', payload: `track_${index}` },
						);
			return {
				MessageId: `${seed}-wamid-${index}`,
				CustSpaceId: 'cams-8c8a1b2c',
				WabaId: '9527186300000',
				From: `+86138${String(index).padStart(8, '0')}`,
				To: '6591234567',
				DisplayName: 'Shop SG',
				Name: `User ${index}`,
				Type: type,
				Message: message,
				Timestamp: timestamp,
			};
		}
		return {
			WabaId: '9099999990001',
			TemplateCode: `${seed}-tpl-${index}`,
			Language: 'en_US',
			AuditStatus: 'pass',
			Reason: '',
		};
	});
}
