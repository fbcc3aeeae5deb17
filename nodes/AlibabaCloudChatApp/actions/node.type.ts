import type { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

/**
 * Every resource of the action node and its operation values, typed as n8n's Airtable v2 node
 * does. The operation maps and `showFor` are checked against it, so an operation without a module,
 * a module for an unknown operation or a field shown for one does not compile. The operation
 * selectors stay plain literals so the n8n lint rules see them; a test ties them to the maps.
 */
export type ChatAppNodeMap = {
	message:
		| 'getAll'
		| 'send'
		| typeof SEND_AND_WAIT_OPERATION
		| 'sendBulkTemplate'
		| 'sendTemplate'
		| 'uploadMedia';
	template: 'create' | 'delete' | 'get' | 'getAll' | 'getMetrics' | 'update' | 'updateProperties';
	channel:
		| 'bindDmAccount'
		| 'bindWaba'
		| 'create'
		| 'delete'
		| 'get'
		| 'getAll'
		| 'getAllDmAccounts'
		| 'getBoundDmAccount'
		| 'getBusinessInfo'
		| 'getHealth'
		| 'getWaba'
		| 'unbindDmAccount'
		| 'update'
		| 'updateWebhook';
	phoneNumber:
		| 'add'
		| 'deregister'
		| 'getAll'
		| 'getBusinessProfile'
		| 'getMetrics'
		| 'getVerificationStatus'
		| 'register'
		| 'requestVerificationCode'
		| 'sync'
		| 'updateBusinessProfile'
		| 'updateWebhooks'
		| 'verifyAndRegister';
};

export type ChatAppResource = keyof ChatAppNodeMap;

/** The operation values of one resource. */
export type OperationOf<R extends ChatAppResource> = ChatAppNodeMap[R];

/**
 * The operations the router runs item by item. Send and Wait handles the first item and parks
 * the execution, so the node class runs it before the router.
 */
export type RoutedOperationOf<R extends ChatAppResource> = Exclude<
	OperationOf<R>,
	typeof SEND_AND_WAIT_OPERATION
>;
