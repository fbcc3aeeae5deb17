import {
	normalisePhoneNumber,
	phoneDigits,
	withoutLeadingPlus,
	withoutPhoneFormatting,
	withoutPhoneSeparators,
} from '../../../../nodes/AlibabaCloudChatApp/helpers/phone';

describe('normalisePhoneNumber', () => {
	it.each([
		['+65 9123 4567', '6591234567'],
		['65-9123-4567', '6591234567'],
		['0086 138 0000 0000', '8613800000000'],
		['(65) 9123.4567', '6591234567'],
		['6591234567', '6591234567'],
	])('normalises %s to %s', (input, expected) => {
		expect(normalisePhoneNumber(input)).toBe(expected);
	});

	it.each(['', 'abc', '+65 9123 45x7', '1234567', '1234567890123456', '++6591234567'])(
		'rejects %p',
		(input) => {
			expect(normalisePhoneNumber(input)).toBeUndefined();
		},
	);
});

describe('the phone formatting strippers', () => {
	it('keeps the leading plus only when asked for separators alone', () => {
		expect(withoutPhoneSeparators(' +1 (555) 010-0.199 ')).toBe('+15550100199');
		expect(withoutPhoneFormatting(' +1 (555) 010-0.199 ')).toBe('15550100199');
	});

	it('leaves a 00 prefix and letters to the validating normaliser', () => {
		expect(withoutPhoneFormatting('0065 9123 4567')).toBe('006591234567');
		expect(withoutPhoneFormatting('65 9123 45x7')).toBe('65912345x7');
	});

	it('compares spellings of one number by their digits', () => {
		expect(phoneDigits('+86 138-0000-0000')).toBe(phoneDigits('8613800000000'));
		expect(phoneDigits(undefined)).toBe('');
		expect(phoneDigits(8613800000000)).toBe('8613800000000');
	});
});

describe('withoutLeadingPlus', () => {
	it.each([
		['+8613800000000', '8613800000000'],
		[' 8613800000000 ', '8613800000000'],
		['+65 9123 4567', '65 9123 4567'],
		['++65', '+65'],
	])('turns %p into %p', (input, expected) => {
		expect(withoutLeadingPlus(input)).toBe(expected);
	});
});
