// How many billable SMS segments a text takes (3GPP TS 23.038 / 23.040), because a reminder that
// quietly becomes four messages quadruples the business's bill.
//   - GSM-7 when every character is in the GSM 03.38 default alphabet or its extension table:
//     160 septets in one segment, 153 per segment when split (the rest carries the UDH);
//     extension characters (€ [ ] { } ^ ~ | \ form feed) take two septets (escape + char).
//   - UCS-2 otherwise: 70 UTF-16 units in one segment, 67 when split; characters beyond the BMP
//     (emoji) take two units.
//   - A split never cuts an escape sequence or a surrogate pair, so such a character at a
//     boundary moves whole to the next segment (which is why we pack greedily, not divide).

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

export const SMS_LIMITS = {
  'GSM-7': { single: 160, perSegment: 153 },
  'UCS-2': { single: 70, perSegment: 67 },
} as const;

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) {
    if (!basic.has(char) && !extension.has(char)) return 'UCS-2';
  }
  return 'GSM-7';
}

/** Units each character takes, in order; a character never splits across segments. */
function unitsPerCharacter(text: string, encoding: SmsEncoding): number[] {
  const units: number[] = [];
  for (const char of text) {
    if (encoding === 'GSM-7') units.push(extension.has(char) ? 2 : 1);
    else units.push(char.length); // 2 for a surrogate pair
  }
  return units;
}

export function measureSms(text: string): SmsSize {
  const encoding = smsEncoding(text);
  const perCharacter = unitsPerCharacter(text, encoding);
  const units = perCharacter.reduce((sum, u) => sum + u, 0);
  const limits = SMS_LIMITS[encoding];
  if (units <= limits.single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const u of perCharacter) {
    if (used + u > limits.perSegment) {
      segments++;
      used = 0;
    }
    used += u;
  }
  return { encoding, units, segments };
}
