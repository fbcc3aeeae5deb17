/**
 * Below this, a number is taken as epoch seconds: as milliseconds it would be a date in early
 * 1973, which no CAMS record has, while Unix timestamps (e.g. `$now.toSeconds()`) are this size.
 */
const SECONDS_LIMIT = 1e11;

/** A number as epoch milliseconds, reading small values as epoch seconds. */
function epochMs(value: number): number {
	return Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
}

/**
 * A date the user entered (a date, ISO string or epoch milliseconds or seconds) as epoch
 * milliseconds; undefined when unreadable. Any readable date is taken, however far off.
 */
export function inputDateToEpochMs(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return Number.isFinite(value) ? epochMs(value) : undefined;
	const text = String(value).trim();
	if (/^\d{10,}$/.test(text)) return epochMs(Number(text));
	const ms = new Date(text).getTime();
	return Number.isNaN(ms) ? undefined : ms;
}
