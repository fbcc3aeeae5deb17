import type { INodeProperties } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import type { OperationModule } from '../../../../nodes/AlibabaCloudChatApp/actions/operation';
import { resources } from '../../../../nodes/AlibabaCloudChatApp/actions/resources';

// The router looks operations up by the string values n8n stores; so does this test.
const byResource: Record<string, Record<string, OperationModule>> = resources;

const { properties } = new AlibabaCloudChatApp().description;

function optionValues(property: INodeProperties): string[] {
	return (property.options ?? []).map((option) => (option as { value: string }).value);
}

describe('node structure', () => {
	const resourceSelector = properties.find((property) => property.name === 'resource')!;
	const resourceValues = optionValues(resourceSelector);

	it('offers exactly the resources the router knows', () => {
		expect([...resourceValues].sort()).toEqual(Object.keys(resources).sort());
	});

	it.each(Object.keys(byResource))(
		'maps every operation option of %s to an operation module, and back',
		(resource) => {
			const selector = properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource),
			)!;
			// Send and Wait handles the first item and parks the execution; the node class runs it.
			const offered = optionValues(selector).filter((value) => value !== SEND_AND_WAIT_OPERATION);
			expect([...offered].sort()).toEqual(Object.keys(byResource[resource]).sort());
			expect(offered).toContain(selector.default);
			for (const operation of offered) {
				const module = byResource[resource][operation];
				expect(Boolean(module.execute) !== Boolean(module.executeBatch)).toBe(true);
			}
		},
	);

	it('has Send and Wait for Response on Message only, with the waiting webhooks n8n needs', () => {
		const withSendAndWait = properties.filter(
			(property) =>
				property.name === 'operation' && optionValues(property).includes(SEND_AND_WAIT_OPERATION),
		);
		expect(withSendAndWait.map((property) => property.displayOptions?.show?.resource)).toEqual([
			['message'],
		]);
		expect(withSendAndWait[0].default).not.toBe(SEND_AND_WAIT_OPERATION);
		const { webhooks } = new AlibabaCloudChatApp().description;
		expect(
			webhooks?.map(({ httpMethod, restartWebhook, responseData }) => [
				httpMethod,
				restartWebhook,
				responseData,
			]),
		).toEqual([
			['GET', true, ''],
			['POST', true, ''],
		]);
	});

	it('gives every operation option a name, description and sentence-case action', () => {
		for (const selector of properties.filter((property) => property.name === 'operation')) {
			for (const option of selector.options as Array<{
				name: string;
				description: string;
				action: string;
			}>) {
				expect(option.description).toBeTruthy();
				expect(option.action).toMatch(/^[A-Z][a-z]/);
				expect(option.action).not.toMatch(/\s[A-Z][a-z]+\s[A-Z]/);
			}
		}
	});

	it('scopes every field to one resource and its operations', () => {
		for (const property of properties.filter((p) => !['resource', 'operation'].includes(p.name))) {
			expect(property.displayOptions?.show?.resource).toHaveLength(1);
			expect(property.displayOptions?.show?.operation?.length).toBeGreaterThan(0);
		}
	});
});
