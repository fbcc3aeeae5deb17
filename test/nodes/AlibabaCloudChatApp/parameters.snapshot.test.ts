import type { INodeProperties } from 'n8n-workflow';

import { AlibabaCloudChatAppApi } from '../../../credentials/AlibabaCloudChatAppApi.credentials';
import { AlibabaCloudChatApp } from '../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { AlibabaCloudChatAppQueueTrigger } from '../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatAppQueueTrigger.node';
import { AlibabaCloudChatAppTrigger } from '../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatAppTrigger.node';

/**
 * Every parameter the editor shows, as committed snapshots: a change to a field, an option, a
 * default or a display condition shows up in review as a diff of
 * `__snapshots__/parameters.snapshot.test.ts.snap`. After an intended UI change, update it with
 * `npx jest test/nodes/AlibabaCloudChatApp/parameters.snapshot.test.ts -u` and commit the diff.
 */
const parameterLists: Array<[string, INodeProperties[]]> = [
	['Alibaba Cloud Chat App (action node)', new AlibabaCloudChatApp().description.properties],
	['Alibaba Cloud Chat App Trigger', new AlibabaCloudChatAppTrigger().description.properties],
	[
		'Alibaba Cloud Chat App Queue Trigger',
		new AlibabaCloudChatAppQueueTrigger().description.properties,
	],
	['Alibaba Cloud Chat App API (credential)', new AlibabaCloudChatAppApi().properties],
];

describe('parameter lists', () => {
	it.each(parameterLists)('%s matches its snapshot', (_name, properties) => {
		expect(properties.length).toBeGreaterThan(0);
		expect(properties).toMatchSnapshot();
	});
});
