// Phone numbers are stored E.164 so one customer typed two ways is still one customer.
import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

export function normalisePhone(raw: string, defaultCountry: string): PhoneResult {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry as CountryCode);
  if (!parsed) return { ok: false, reason: `"${raw}" is not a phone number` };
  if (!parsed.isValid()) {
    return {
      ok: false,
      reason: `"${raw}" is not a valid phone number for ${parsed.country ?? defaultCountry}`,
    };
  }
  return { ok: true, e164: parsed.number };
}

/** Fewer digits than this match too many numbers to be worth a phone search. */
const MIN_SEARCH_DIGITS = 3;

/**
 * The E.164 beginning of what a receptionist typed as people say a number ("07816 41",
 * "+44 7816", "0044 7816…"), so stored numbers can be matched by prefix: the national trunk
 * prefix or international dialling prefix is dropped and the country code put in front, which
 * a plain digits-substring search cannot do. null when the text is not (the start of) a number.
 */
export function phoneSearchPrefix(text: string, defaultCountry: string): string | null {
  const term = text.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(term)) return null;
  if (term.replace(/\D/g, '').length < MIN_SEARCH_DIGITS) return null;
  const typed = new AsYouType(defaultCountry as CountryCode);
  typed.input(term);
  return typed.getNumberValue() ?? null;
}
