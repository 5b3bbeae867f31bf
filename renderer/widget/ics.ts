// "Add to calendar": an RFC 5545 event built in the browser from the booking the API answered.
// The UID is the booking id, so importing it again after a reschedule updates the same event.
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
  return lines.join('\r\n') + '\r\n';
}

/** The event the confirmation step offers for one booking, as the API answered it. */
export function bookingIcsEvent(b: Booking, description: string): IcsEvent {
  return {
    uid: b.id,
    start: b.start,
    end: b.end,
    title: `${b.service_name} with ${b.staff_name}`,
    description,
  };
}

export function icsHref(e: IcsEvent): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(icsFor(e))}`;
}
