// What a customer's SMS reply asks for. Whole-message keywords only, case and surrounding
// punctuation ignored ("yes!", " Cancel."), so "no idea what time it is" is left for a human
// rather than cancelling a booking.
//
// Two words overlap with Twilio's own keyword handling, and the meaning wins here:
//   - CANCEL is on Twilio's default opt-out list. With Advanced Opt-Out left at its defaults the
//     customer is unsubscribed by Twilio as well; remove CANCEL from the opt-out keywords in the
//     Twilio console so that CANCEL only cancels the booking.
//   - YES is on Twilio's default opt-in list; as a reply to a reminder it confirms the booking.

export type SmsIntent = 'confirm' | 'cancel' | 'opt_out' | 'opt_in' | 'other';

const KEYWORDS: Record<string, Exclude<SmsIntent, 'other'>> = {
  C: 'confirm',
  Y: 'confirm',
  YES: 'confirm',
  CONFIRM: 'confirm',
  CANCEL: 'cancel',
  NO: 'cancel',
  STOP: 'opt_out',
  STOPALL: 'opt_out',
  UNSUBSCRIBE: 'opt_out',
  END: 'opt_out',
  QUIT: 'opt_out',
  START: 'opt_in',
  UNSTOP: 'opt_in',
};

export function smsIntent(body: string): SmsIntent {
  const word = body
    .trim()
    .replace(/^[\s"'.,!?()[\]-]+|[\s"'.,!?()[\]-]+$/g, '')
    .toUpperCase();
  return KEYWORDS[word] ?? 'other';
}
