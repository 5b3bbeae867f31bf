// The widget's "Add to calendar" file: what calendar apps need to import it once and update it
// (not duplicate it) after a reschedule.
import { describe, expect, it } from 'vitest';
import type { Booking } from '../../renderer/widget/api.js';
import { bookingIcsEvent, icsFor, icsHref } from '../../renderer/widget/ics.js';

const event = {
  uid: 'apt_123',
  start: '2026-12-01T09:00:00+00:00',
  end: '2026-12-01T10:00:00+00:00',
  title: 'Cut, colour; finish',
  description: 'Change or cancel: https://salon.example/book/manage/abc\nSee you!',
};

describe('icsFor', () => {
  it('names the booking by its id, in UTC, with CRLF lines', () => {
    const ics = icsFor(event);
    expect(ics).toContain('\r\nUID:apt_123\r\n');
    expect(ics).toContain('\r\nDTSTART:20261201T090000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20261201T100000Z\r\n');
    expect(
      ics
        .split('\r\n')
        .filter(Boolean)
        .every((line) => !line.includes('\n')),
    ).toBe(true);
  });

  it('converts an instant with a summer offset to UTC', () => {
    const ics = icsFor({ ...event, start: '2026-07-01T09:00:00+01:00' });
    expect(ics).toContain('DTSTART:20260701T080000Z');
  });

  it('escapes TEXT values so a comma, semicolon or newline cannot break the event', () => {
    const ics = icsFor(event).replace(/\r\n /g, '');
    expect(ics).toContain('SUMMARY:Cut\\, colour\\; finish\r\n');
    expect(ics).toContain('\\nSee you!\r\n');
  });

  it('is a data: URI a link can download', () => {
    const href = icsHref(event);
    expect(href.startsWith('data:text/calendar;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.split(',').slice(1).join(','))).toBe(icsFor(event));
  });

  it('folds lines over 75 octets with CRLF and a space, never inside a UTF-8 sequence', () => {
    // Multi-byte characters on every side of where a fold falls: é (2), € (3), 💇 (4 octets).
    const description = `Änderung: https://salon.example/book/manage/${'x'.repeat(40)} ${'é€💇'.repeat(30)}`;
    const ics = icsFor({ ...event, title: 'Schnitt & Föhnen – 💇‍♀️ Café', description });
    const bytes = Buffer.from(ics, 'utf8');
    const lines: Buffer[] = [];
    for (let at = 0; at < bytes.length;) {
      const end = bytes.indexOf('\r\n', at);
      lines.push(bytes.subarray(at, end));
      at = end + 2;
    }
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      // Each physical line decodes on its own: no character was cut in two.
      expect(() => strict.decode(line)).not.toThrow();
    }
    expect(lines.filter((line) => line[0] === 0x20).length).toBeGreaterThan(3);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`\r\nDESCRIPTION:${description}\r\n`);
    expect(unfolded).toContain('\r\nSUMMARY:Schnitt & Föhnen – 💇‍♀️ Café\r\n');
  });
});

describe('bookingIcsEvent', () => {
  it('names the event by the calendar_uid the API gives, which the emails use too', () => {
    const booking = {
      id: 'apt_123',
      calendar_uid: 'apt_123@bookingsync',
      start: event.start,
      end: event.end,
      service_name: 'Cut',
      staff_name: 'Sam',
    } as Booking;
    const ics = icsFor(bookingIcsEvent(booking, 'Manage: https://salon.example/m'));
    expect(ics).toContain('\r\nUID:apt_123@bookingsync\r\n');
    expect(ics).toContain('\r\nSUMMARY:Cut with Sam\r\n');
  });
});
