// "Add to calendar": an RFC 5545 event built in the browser from the booking the API answered.
// The UID is the one the API names (calendar_uid), the same as the booking emails' .ics, so the
// file and an email invitation are one event in the customer's calendar and the cancellation
// email removes it; importing the file again after a reschedule updates that event too.
import type { Booking } from './api.js';

function utcStamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** UTF-8 length of one code point, without a TextEncoder per character. */
function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Content lines longer than 75 octets are folded with CRLF and a space (RFC 5545 §3.1); a
 * description with the manage link is longer. Split between code points, never inside a UTF-8
 * sequence, or a client would decode half a character on each side of the fold.
 */
export function fold(line: string): string {
  let out = '';
  let used = 0;
  for (const char of line) {
    const size = octets(char.codePointAt(0) ?? 0);
    if (used + size > 75) {
      out += '\r\n ';
      used = 1;
    }
    out += char;
    used += size;
  }
  return out;
}

export interface IcsEvent {
  uid: string;
  start: string;
  end: string;
  title: string;
  description: string;
}

export function icsFor(e: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//BookingSync//Widget//EN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(new Date().toISOString())}`,
    `DTSTART:${utcStamp(e.start)}`,
    `DTEND:${utcStamp(e.end)}`,
    `SUMMARY:${text(e.title)}`,
    `DESCRIPTION:${text(e.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** The event the confirmation step offers for one booking, as the API answered it. */
export function bookingIcsEvent(b: Booking, description: string): IcsEvent {
  return {
    uid: b.calendar_uid,
    start: b.start,
    end: b.end,
    title: `${b.service_name} with ${b.staff_name}`,
    description,
  };
}

export function icsHref(e: IcsEvent): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(icsFor(e))}`;
}
