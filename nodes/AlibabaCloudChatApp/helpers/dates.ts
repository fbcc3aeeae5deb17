/** A date, ISO string or epoch-milliseconds value as epoch milliseconds; undefined when unreadable. */
export function toEpochMs(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	const text = String(value).trim();
	if (/^\d{10,}$/.test(text)) return Number(text);
	const ms = new Date(text).getTime();
	return Number.isNaN(ms) ? undefined : ms;
}
