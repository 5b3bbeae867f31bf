// Phone numbers are stored E.164 so one customer typed two ways is still one customer.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

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
