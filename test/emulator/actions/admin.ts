/** Management actions of issue 6 (channels, WABA, e-mail bindings, number onboarding, template properties and metrics). */
import { channelAdminActions } from './channelAdmin';
import type { ActionTable } from './context';
import { dmAdminActions } from './dmAdmin';
import { numberAdminActions } from './numberAdmin';
import { templateAdminActions } from './templateAdmin';

export { DM_ACCOUNTS } from './dmAdmin';
export { VERIFY_CODE } from './numberAdmin';
export { templateProperties } from './templateAdmin';

export const adminActions: ActionTable = {
	...channelAdminActions,
	...dmAdminActions,
	...numberAdminActions,
	...templateAdminActions,
};
