import type { OperationModule } from './operation';
import * as channel from './channel/Channel.resource';
import * as message from './message/Message.resource';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';
import * as template from './template/Template.resource';

/** Every resource's operations, by resource value and operation value. */
export const resources: Record<string, Record<string, OperationModule>> = {
	message: message.operations,
	template: template.operations,
	channel: channel.operations,
	phoneNumber: phoneNumber.operations,
};
