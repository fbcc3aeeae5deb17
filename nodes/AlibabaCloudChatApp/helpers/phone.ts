/**
 * Removes the separators people type between phone digits: spaces, dashes, dots and brackets.
 * A leading `+` stays, for fields shown to customers as typed (a template's call button).
 */
export function withoutPhoneSeparators(input: string): string {
	return String(input)
		.trim()
		.replace(/[\s\-().]/g, '');
}

/** Numbers come as "+8613…" and "8613…"; CAMS itself wants them without the plus. */
export function withoutLeadingPlus(input: string): string {
	return String(input).trim().replace(/^\+/, '');
}

/** Removes what people type around phone digits: the separators and a leading `+`. */
export function withoutPhoneFormatting(input: string): string {
	return withoutLeadingPlus(withoutPhoneSeparators(input));
}

/** Only the digits, to compare two spellings of one number (`+86 138…` and `86138…`). */
export function phoneDigits(value: unknown): string {
	return String(value ?? '').replace(/\D/g, '');
}

/**
 * Normalises a phone number the way CAMS wants it: digits only, country code first, no `+`.
 * Spaces, dashes, dots, brackets and a leading `+` or `00` are stripped.
 * Returns undefined when what remains is not 8 to 15 digits (E.164 without the plus).
 */
export function normalisePhoneNumber(input: string): string | undefined {
	const digits = withoutPhoneFormatting(input).replace(/^00/, '');
	if (!/^\d{8,15}$/.test(digits)) return undefined;
	return digits;
}

/** WhatsApp and Viber address recipients by phone number; Messenger and Instagram by user ID. */
export function recipientIsPhoneNumber(channelType: string): boolean {
	return channelType === 'whatsapp' || channelType === 'viber';
}

/** Only WhatsApp sends from a phone number; Viber uses a service ID, Meta pages an account ID. */
export function senderIsPhoneNumber(channelType: string): boolean {
	return channelType === 'whatsapp';
}
