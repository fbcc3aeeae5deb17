import type { INodeProperties } from 'n8n-workflow';

import { AlibabaCloudChatApp } from '../../../../nodes/AlibabaCloudChatApp/AlibabaCloudChatApp.node';
import { resources } from '../../../../nodes/AlibabaCloudChatApp/actions/resources';

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

	it.each(Object.keys(resources))(
		'maps every operation option of %s to an operation module, and back',
		(resource) => {
			const selector = properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource),
			)!;
			const offered = optionValues(selector);
			expect([...offered].sort()).toEqual(Object.keys(resources[resource]).sort());
			expect(offered).toContain(selector.default);
			for (const operation of offered) {
				const module = resources[resource][operation];
				expect(Boolean(module.execute) !== Boolean(module.executeBatch)).toBe(true);
			}
		},
	);

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
