import type { IHookFunctions } from 'n8n-workflow';

import { readPhoneCallbacks, updateAccountCallback, updatePhoneCallbacks } from '../transport';
import { accountRestoration, phoneRestoration, type RegistrationRecord } from './registration';
import type { RestoreFailure } from './registrationErrors';

/** Puts back the number's callbacks that a registration replaced, if they still point here. */
export async function restorePhoneCallbacks(
	this: IHookFunctions,
	record: RegistrationRecord,
): Promise<void> {
	const phone = await readPhoneCallbacks.call(this, record.channelId, record.phoneNumber);
	const restore = phoneRestoration(record, phone);
	if (restore) await updatePhoneCallbacks.call(this, record.channelId, record.phoneNumber, restore);
}

/**
 * Undoes a registration: the number's callbacks, then the channel's. Every restore is attempted
 * even when an earlier one fails; the failures are returned, with the callbacks they leave behind.
 */
export async function restoreCallbacks(
	this: IHookFunctions,
	record: RegistrationRecord,
): Promise<RestoreFailure[]> {
	const failures: RestoreFailure[] = [];
	const attempt = async (kinds: RegistrationRecord['kinds'], restore: () => Promise<void>) => {
		if (kinds.length === 0) return;
		try {
			await restore();
		} catch (error) {
			failures.push({ kinds, reason: (error as Error).message });
		}
	};
	const phoneKinds = record.kinds.filter((kind) => kind !== 'account');
	await attempt(phoneKinds, async () => await restorePhoneCallbacks.call(this, record));
	const account = accountRestoration(record);
	if (account) {
		await attempt(['account'], async () => {
			await updateAccountCallback.call(this, record.channelId, account);
		});
	}
	return failures;
}

/** What is left to restore after `failures`: the record narrowed to them, or undefined when done. */
export function remainingRecord(
	record: RegistrationRecord,
	failures: RestoreFailure[],
): RegistrationRecord | undefined {
	const left = failures.flatMap(({ kinds }) => kinds);
	if (left.length === 0) return undefined;
	return { ...record, kinds: record.kinds.filter((kind) => left.includes(kind)) };
}
