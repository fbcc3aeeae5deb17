/**
 * De-duplication of webhook() as n8n runs it: each request gets its own copy of the stored static
 * data and saves the whole object afterwards (last save wins), requests overlap, test webhooks get
 * fresh static data, and a restart empties the process memory.
 */
import type { IDataObject } from 'n8n-workflow';

import { forgetSeenEvents } from '../../../nodes/AlibabaCloudChatApp/notifications/dedupeGuard';
import { decodeSeenStore } from '../../../nodes/AlibabaCloudChatApp/notifications/seenStore';
import { DEDUPE_TTL_MS } from '../../../nodes/AlibabaCloudChatApp/notifications/dedupe';
import { fixtureBytes, generatedPush } from './notifications/fixtures';
import { post } from './notifications/webhookHarness';

const NODE_DATA = 'node:Alibaba Cloud Chat App Trigger';
const inbound = (id: string) =>
	Buffer.from(
		JSON.stringify([
			{
				MessageId: id,
				CustSpaceId: 'cams-8c8a1b2c',
				From: '+6580000001',
				To: '6591234567',
				Type: 'TEXT',
				Message: `hello ${id}`,
				Timestamp: 1_700_000_000_000,
			},
		]),
	);
const itemsOf = (results: Array<{ items: unknown[] }>) =>
	results.reduce((sum, result) => sum + result.items.length, 0);
const rememberedKeys = (staticData: IDataObject) =>
	decodeSeenStore((staticData[NODE_DATA] as IDataObject)?.seenEvents, Date.now(), DEDUPE_TTL_MS)
		.size;

beforeEach(() => forgetSeenEvents());

describe('webhook(): de-duplication under concurrent requests', () => {
	it('gives 1 item for the same push POSTed 20 times at once', async () => {
		const staticData: IDataObject = {};
		const results = await Promise.all(
			Array.from({ length: 20 }, async () => await post({ rawBody: inbound('w-1'), staticData })),
		);
		expect(results.every((result) => result.status === 200)).toBe(true);
		expect(itemsOf(results)).toBe(1);
	});

	it('remembers all of 50 pushes handled 10 at a time, in memory and in the saved static data', async () => {
		const staticData: IDataObject = {};
		const ids = Array.from({ length: 50 }, (_, index) => `w-${index}`);
		let first = 0;
		for (let start = 0; start < ids.length; start += 10) {
			const batch = ids.slice(start, start + 10);
			const results = await Promise.all(
				batch.map(async (id) => await post({ rawBody: inbound(id), staticData })),
			);
			first += itemsOf(results);
		}
		expect(first).toBe(50);
		expect(rememberedKeys(staticData)).toBe(50);
		let again = 0;
		for (const id of ids) again += (await post({ rawBody: inbound(id), staticData })).items.length;
		expect(again).toBe(0);
		forgetSeenEvents();
		let afterRestart = 0;
		for (const id of ids)
			afterRestart += (await post({ rawBody: inbound(id), staticData })).items.length;
		expect(afterRestart).toBe(0);
	});

	it('writes static data only when the key set changes, in the compact form', async () => {
		const staticData: IDataObject = {};
		const push = Buffer.from(JSON.stringify(generatedPush(1000)));
		const parameters = { events: ['inboundMessage', 'messageStatus', 'templateReview'] };
		const first = await post({ rawBody: push, parameters, staticData });
		expect(first.items).toHaveLength(1000);
		// ~15 bytes per key (1,000 keys) instead of ~40 in the plain form.
		expect(first.savedBytes).toBeGreaterThan(1000 * 15);
		expect(first.savedBytes).toBeLessThan(1000 * 20);
		const second = await post({ rawBody: push, parameters, staticData });
		expect([second.items.length, second.savedBytes]).toEqual([0, 0]);
	});

	it('keeps test pushes and production pushes apart, as n8n gives test webhooks fresh static data', async () => {
		const staticData: IDataObject = {};
		const production = await post({ rawBody: fixtureBytes('inbound-text'), staticData });
		expect(production.items).toHaveLength(1);
		const before = JSON.stringify(staticData);
		const test = await post({ rawBody: fixtureBytes('inbound-text'), staticData, mode: 'manual' });
		const testAgain = await post({
			rawBody: fixtureBytes('inbound-text'),
			staticData,
			mode: 'manual',
		});
		expect([test.items.length, testAgain.items.length]).toEqual([1, 1]);
		expect(JSON.stringify(staticData)).toBe(before);
		expect((await post({ rawBody: fixtureBytes('inbound-text'), staticData })).items).toEqual([]);
	});
});
