import { executionCache } from '../../../../nodes/AlibabaCloudChatApp/helpers/executionCache';

describe('executionCache', () => {
	it('shares one load per key and context, also between concurrent callers', async () => {
		const cache = executionCache<number>();
		const context = {};
		let loads = 0;
		const load = async () => ++loads;
		expect(await Promise.all([cache(context, 'a', load), cache(context, 'a', load)])).toEqual([
			1, 1,
		]);
		expect(await cache(context, 'b', load)).toBe(2);
		expect(await cache({}, 'a', load)).toBe(3);
		expect(loads).toBe(3);
	});

	it('forgets a failed load so the next caller tries again', async () => {
		const cache = executionCache<string>();
		const context = {};
		await expect(
			cache(context, 'k', async () => Promise.reject(new Error('down'))),
		).rejects.toThrow('down');
		expect(await cache(context, 'k', async () => 'up')).toBe('up');
	});

	it('reloads a value that is no longer fresh', async () => {
		const cache = executionCache<{ expiresAt: number }>((value) => value.expiresAt > 100);
		const context = {};
		await cache(context, 'k', async () => ({ expiresAt: 50 }));
		expect(await cache(context, 'k', async () => ({ expiresAt: 500 }))).toEqual({ expiresAt: 500 });
		expect(await cache(context, 'k', async () => ({ expiresAt: 900 }))).toEqual({ expiresAt: 500 });
	});
});
