// Phone numbers as the receptionist says them: the business's own country's numbers in national
// form ("07816 413902"), any other in international form ("+1 212 555 0100"). The core stores
// E.164 and stays the authority on what a valid number is; this only changes how one reads.
// Done here rather than as a formatted field from the core because numbers reach the screens in
// many shapes (customers, the outbox's recipients, the inbox's senders, CSV previews), and one
// function at render time covers them all without widening every answer in the contract. The
// "min" metadata is the same set the core parses with (libphonenumber-js's default).
import {
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/min';
import { useCallback } from 'react';
import { useChannel } from '../client/queries.js';

function callingCode(country: string): string | null {
  try {
    return getCountryCallingCode(country as CountryCode);
  } catch {
    // A region the metadata does not know: every number then reads as foreign.
    return null;
  }
}

/**
 * National form when the number shares the business's calling code (a Jersey mobile in a
 * London salon, a Canadian number in a US one are dialled nationally), international otherwise.
 * Text that is not an E.164 number (an email address in the outbox) comes back unchanged.
 */
export function formatPhone(phone: string, country: string): string {
  if (!phone.startsWith('+')) return phone;
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed) return phone;
  return parsed.countryCallingCode === callingCode(country)
    ? parsed.formatNational()
    : parsed.formatInternational();
}

/** formatPhone in the business's country; the raw number until the settings have loaded. */
export function usePhoneFormat(): (phone: string | null | undefined) => string {
  const country = useChannel('settings.get', {}).data?.country;
  return useCallback(
    (phone) => {
      if (!phone) return '';
      return country ? formatPhone(phone, country) : phone;
    },
    [country],
  );
}

/** "07816 413902 · hannah@example.com", or `none` when the customer has neither. */
export function useContactLine(): (
  c: { phone: string | null; email: string | null },
  none: string,
) => string {
  const format = usePhoneFormat();
  return useCallback(
    (c, none) => [format(c.phone), c.email].filter(Boolean).join(' · ') || none,
    [format],
  );
}
