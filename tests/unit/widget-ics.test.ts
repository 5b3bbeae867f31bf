// The widget's "Add to calendar" file: what calendar apps need to import it once and update it
// (not duplicate it) after a reschedule.
import { describe, expect, it } from 'vitest';
import { icsFor, icsHref } from '../../renderer/widget/ics.js';

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
    const ics = icsFor(event);
    expect(ics).toContain('SUMMARY:Cut\\, colour\\; finish\r\n');
    expect(ics).toContain('\\nSee you!\r\n');
  });

  it('is a data: URI a link can download', () => {
    const href = icsHref(event);
    expect(href.startsWith('data:text/calendar;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.split(',').slice(1).join(','))).toBe(icsFor(event));
  });
});
