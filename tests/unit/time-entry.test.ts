// Times and dates as the receptionist types them into the desk: read the desk's way (24-hour,
// day first) whatever the browser's locale, and shown back the way they are read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateEntry,
  readClock,
  readDate,
} from '../../renderer/src/time/entry.js';

describe('readClock', () => {
  it('reads the ways a time gets typed', () => {
    const cases: [string, number][] = [
      ['09:30', 570],
      ['9:30', 570],
      ['930', 570],
      ['9.30', 570],
      ['9h30', 570],
      ['9', 540],
      ['17:00', 1020],
      ['0:00', 0],
      ['24:00', 1440],
      ['9:30 pm', 1290],
      ['9:30PM', 1290],
      ['12am', 0],
      ['12 pm', 720],
      ['7a', 420],
    ];
    for (const [text, minute] of cases) expect(readClock(text), text).toBe(minute);
  });

  it('refuses what is not a time, and leaves empty as not given', () => {
    for (const text of ['25:00', '24:30', '9:60', '13pm', '0am', 'noon', '9:3', '12:345', '-1']) {
      expect(readClock(text), text).toBeNull();
    }
    expect(readClock('  ')).toBeUndefined();
  });

  it('reads back every minute of the day as formatted, 24-hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (minute) => {
        const shown = formatClock(minute);
        expect(shown).toMatch(/^([01]\d|2[0-4]):[0-5]\d$/);
        expect(readClock(shown)).toBe(minute);
      }),
    );
  });
});

describe('readDate', () => {
  it('reads day-first dates, named months and ISO', () => {
    const cases: [string, string][] = [
      ['4/8/2027', '2027-08-04'],
      ['04/08/2027', '2027-08-04'],
      ['04.08.27', '2027-08-04'],
      ['4-8-2027', '2027-08-04'],
      ['2027-08-04', '2027-08-04'],
      ['4 Aug 2027', '2027-08-04'],
      ['4 August 2027', '2027-08-04'],
      ['Wed 4 Aug 2027', '2027-08-04'],
      ['Wednesday, 4 August 2027', '2027-08-04'],
      ['29/02/2028', '2028-02-29'],
    ];
    for (const [text, date] of cases) expect(readDate(text), text).toBe(date);
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const text of [
      '31/02/2027',
      '29/02/2027',
      '13/13/2027',
      '4 Smarch 2027',
      'tomorrow',
      '4/8',
    ]) {
      expect(readDate(text), text).toBeNull();
    }
    expect(readDate('')).toBeUndefined();
  });

  it('reads back every date as shown (weekday and all)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const date = new Date(ms).toISOString().slice(0, 10);
        const shown = formatDateEntry(date);
        expect(shown).toMatch(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
        expect(readDate(shown)).toBe(date);
      }),
    );
  });
});
