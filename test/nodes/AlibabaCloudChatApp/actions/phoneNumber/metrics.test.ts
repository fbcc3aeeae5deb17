import { toEpochMs } from '../../../../../nodes/AlibabaCloudChatApp/helpers/dates';

describe('toEpochMs', () => {
	it('reads ISO dates, epoch milliseconds as number or text, and nothing else', () => {
		expect(toEpochMs('2025-03-01T00:00:00Z')).toBe(Date.UTC(2025, 2, 1));
		expect(toEpochMs('2025-03-01T08:00:00+08:00')).toBe(Date.UTC(2025, 2, 1));
		expect(toEpochMs(1740787200000)).toBe(1740787200000);
		expect(toEpochMs('1740787200000')).toBe(1740787200000);
		expect(toEpochMs('')).toBeUndefined();
		expect(toEpochMs(undefined)).toBeUndefined();
		expect(toEpochMs('soon')).toBeUndefined();
		expect(toEpochMs(Number.NaN)).toBeUndefined();
	});

	it('reads Unix timestamps in seconds as seconds, not as a date in January 1970', () => {
		expect(toEpochMs(1740787200)).toBe(1740787200000);
		expect(toEpochMs('1740787200')).toBe(1740787200000);
		expect(toEpochMs(1740787200000)).toBe(1740787200000);
	});
});
