import type { ChatAppResource, RoutedOperationOf } from './node.type';
import type { OperationModule } from './operation';
import * as channel from './channel/Channel.resource';
import * as message from './message/Message.resource';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';
import * as template from './template/Template.resource';

/** The operation modules the router runs, by resource and operation value. */
export type ResourceOperations = {
	[R in ChatAppResource]: Record<RoutedOperationOf<R>, OperationModule>;
};

/** Every resource's operations, by resource value and operation value. */
export const resources: ResourceOperations = {
	message: message.operations,
	template: template.operations,
	channel: channel.operations,
	phoneNumber: phoneNumber.operations,
};
