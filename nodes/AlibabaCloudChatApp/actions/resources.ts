import type { OperationModule } from './operation';
import * as message from './message/Message.resource';

/** Every resource's operations, by resource value and operation value. */
export const resources: Record<string, Record<string, OperationModule>> = {
	message: message.operations,
};
