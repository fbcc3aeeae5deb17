interface Entry<T> {
	pending: Promise<T>;
	/** Set once the load resolved. */
	value?: T;
}

/**
 * A cache that lives as long as one node execution (keyed by its context object): concurrent
 * items asking for the same key share one request, a failed load is forgotten so the next item
 * tries again, and `isFresh` can retire a value (e.g. temporary keys about to expire).
 */
export function executionCache<T>(isFresh: (value: T) => boolean = () => true) {
	const byContext = new WeakMap<object, Map<string, Entry<T>>>();
	return async (context: object, key: string, load: () => Promise<T>): Promise<T> => {
		let entries = byContext.get(context);
		if (!entries) byContext.set(context, (entries = new Map()));
		const cached = entries.get(key);
		if (cached && (cached.value === undefined || isFresh(cached.value)))
			return await cached.pending;
		const entry: Entry<T> = { pending: load() };
		entries.set(key, entry);
		entry.pending.then(
			(value) => (entry.value = value),
			() => entries.get(key) === entry && entries.delete(key),
		);
		return await entry.pending;
	};
}
