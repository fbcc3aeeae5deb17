import { inputDateToEpochMs } from '../../../../../nodes/AlibabaCloudChatApp/helpers/dates';

describe('inputDateToEpochMs', () => {
	it('reads ISO dates, epoch milliseconds as number or text, and nothing else', () => {
		expect(inputDateToEpochMs('2025-03-01T00:00:00Z')).toBe(Date.UTC(2025, 2, 1));
		expect(inputDateToEpochMs('2025-03-01T08:00:00+08:00')).toBe(Date.UTC(2025, 2, 1));
		expect(inputDateToEpochMs(1740787200000)).toBe(1740787200000);
		expect(inputDateToEpochMs('1740787200000')).toBe(1740787200000);
		expect(inputDateToEpochMs('')).toBeUndefined();
		expect(inputDateToEpochMs(undefined)).toBeUndefined();
		expect(inputDateToEpochMs('soon')).toBeUndefined();
		expect(inputDateToEpochMs(Number.NaN)).toBeUndefined();
	});

	it('reads Unix timestamps in seconds as seconds, not as a date in January 1970', () => {
		expect(inputDateToEpochMs(1740787200)).toBe(1740787200000);
		expect(inputDateToEpochMs('1740787200')).toBe(1740787200000);
		expect(inputDateToEpochMs(1740787200000)).toBe(1740787200000);
	});
});
