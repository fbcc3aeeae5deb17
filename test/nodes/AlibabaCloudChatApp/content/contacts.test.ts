import {
	buildContact,
	checkContacts,
} from '../../../../nodes/AlibabaCloudChatApp/content/contacts';

describe('contacts', () => {
	it('builds a full contact card with WhatsApp keys', () => {
		expect(
			buildContact({
				formattedName: 'Dr. Alice Lee',
				firstName: 'Alice',
				lastName: 'Lee',
				prefix: 'Dr.',
				birthday: '1990-01-31T00:00:00.000Z',
				company: 'Shop',
				title: 'Manager',
				phones: [{ phone: '+65 9123 4567', type: 'CELL', waId: '6591234567' }, { phone: '' }],
				emails: [{ email: 'alice@example.com', type: 'WORK' }],
				urls: [{ url: 'https://example.com' }],
			}),
		).toStrictEqual({
			name: {
				formatted_name: 'Dr. Alice Lee',
				first_name: 'Alice',
				last_name: 'Lee',
				prefix: 'Dr.',
			},
			birthday: '1990-01-31',
			org: { company: 'Shop', title: 'Manager' },
			phones: [{ phone: '+65 9123 4567', type: 'CELL', wa_id: '6591234567' }],
			emails: [{ email: 'alice@example.com', type: 'WORK' }],
			urls: [{ url: 'https://example.com' }],
		});
	});

	it('uses the full name as first name when no name part is given, and joins parts otherwise', () => {
		expect(buildContact({ formattedName: 'Bob' })).toStrictEqual({
			name: { formatted_name: 'Bob', first_name: 'Bob' },
		});
		expect(buildContact({ firstName: 'Bob', lastName: 'Tan' }).name).toStrictEqual({
			formatted_name: 'Bob Tan',
			first_name: 'Bob',
			last_name: 'Tan',
		});
	});

	it('rejects a contact without a name and a bad birthday', () => {
		expect(() => buildContact({ phones: [{ phone: '123' }] })).toThrow(/The contact has no name/);
		expect(() => buildContact({ formattedName: 'A', birthday: '31/01/1990' })).toThrow(
			/Birthday "31\/01\/1990" is not a date/,
		);
	});

	it('accepts an array or a single object from JSON, and names the contact that lacks a name', () => {
		const alice = { name: { formatted_name: 'Alice', first_name: 'Alice' } };
		expect(checkContacts(alice)).toStrictEqual([alice]);
		expect(checkContacts([alice, alice])).toHaveLength(2);
		expect(() => checkContacts([alice, { phones: [] }])).toThrow(
			/Contact 2 has no name.formatted_name/,
		);
		expect(() => checkContacts('Alice')).toThrow(/must be a JSON array/);
	});
});
