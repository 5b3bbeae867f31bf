import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import {
  ZoneTimeline,
  addDaysToLocalDate,
  assertTimeZone,
  formatInstantInZone,
  isLocalDate,
  isValidTimeZone,
  isoWeekdayOfLocalDate,
  localBoundaryToUtc,
  localDaysBetween,
  localTimeToUtc,
  offsetMinutesAt,
  parseLocalDate,
  startOfLocalDay,
  utcToLocalDate,
  utcToLocalMinute,
} from '../../main/domain/time.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('local dates', () => {
  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseLocalDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-2-03')).toBe(false);
    expect(isLocalDate('2026-02-03T00:00')).toBe(false);
    expect(() => parseLocalDate('tomorrow')).toThrow(RangeError);
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addDaysToLocalDate('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDaysToLocalDate('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDaysToLocalDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToLocalDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToLocalDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDaysToLocalDate('2026-01-31', 30)).toBe('2026-03-02');
    expect(localDaysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  it('gives ISO weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(isoWeekdayOfLocalDate('2026-03-08')).toBe(7);
    expect(isoWeekdayOfLocalDate('2026-03-09')).toBe(1);
    expect(isoWeekdayOfLocalDate('2026-12-01')).toBe(2);
    expect(isoWeekdayOfLocalDate('2026-10-25')).toBe(7);
    expect(isoWeekdayOfLocalDate('2027-01-02')).toBe(6);
  });
});

describe('time zones', () => {
  it('rejects unknown zones instead of falling back to UTC', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => assertTimeZone('Europe/Londn')).toThrow(RangeError);
    expect(() => localTimeToUtc('2026-01-01', 0, 'Nowhere/Town')).toThrow(RangeError);
  });

  it('finds the exact transitions of a year', () => {
    const ny = new ZoneTimeline('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(ny.transitions).toEqual([
      { at: Date.UTC(2026, 2, 8, 7), offsetBeforeMinutes: -300, offsetAfterMinutes: -240 },
      { at: Date.UTC(2026, 10, 1, 6), offsetBeforeMinutes: -240, offsetAfterMinutes: -300 },
    ]);
    const lh = new ZoneTimeline('Australia/Lord_Howe', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(lh.transitions).toEqual([
      { at: Date.UTC(2026, 3, 4, 15, 0), offsetBeforeMinutes: 660, offsetAfterMinutes: 630 },
      { at: Date.UTC(2026, 9, 3, 15, 30), offsetBeforeMinutes: 630, offsetAfterMinutes: 660 },
    ]);
    const kolkata = new ZoneTimeline('Asia/Kolkata', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(kolkata.transitions).toEqual([]);
    expect(kolkata.offsetMinutesAt(Date.UTC(2026, 5, 1))).toBe(330);
  });
});

describe('localTimeToUtc', () => {
  it('maps ordinary wall-clock times', () => {
    expect(iso(localTimeToUtc('2026-12-01', 9 * 60, 'Europe/London'))).toBe(
      '2026-12-01T09:00:00.000Z',
    );
    expect(iso(localTimeToUtc('2026-07-01', 9 * 60, 'Europe/London'))).toBe(
      '2026-07-01T08:00:00.000Z',
    );
    expect(iso(localTimeToUtc('2026-07-01', 9 * 60, 'Asia/Kolkata'))).toBe(
      '2026-07-01T03:30:00.000Z',
    );
    expect(iso(localTimeToUtc('2026-07-01', 1440, 'Asia/Kolkata'))).toBe(
      '2026-07-01T18:30:00.000Z',
    );
  });

  it('returns null inside a spring-forward gap', () => {
    expect(localTimeToUtc('2026-03-08', 150, 'America/New_York')).toBeNull();
    expect(iso(localTimeToUtc('2026-03-08', 119, 'America/New_York'))).toBe(
      '2026-03-08T06:59:00.000Z',
    );
    expect(iso(localTimeToUtc('2026-03-08', 180, 'America/New_York'))).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(localTimeToUtc('2026-03-29', 90, 'Europe/London')).toBeNull();
    expect(localTimeToUtc('2026-10-04', 150, 'Australia/Sydney')).toBeNull();
    expect(localTimeToUtc('2026-10-04', 135, 'Australia/Lord_Howe')).toBeNull();
    expect(iso(localTimeToUtc('2026-10-04', 150, 'Australia/Lord_Howe'))).toBe(
      '2026-10-03T15:30:00.000Z',
    );
  });

  it('takes the first occurrence of a time shown twice', () => {
    expect(iso(localTimeToUtc('2026-11-01', 90, 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(iso(localTimeToUtc('2026-10-25', 90, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localTimeToUtc('2026-04-05', 150, 'Australia/Sydney'))).toBe(
      '2026-04-04T15:30:00.000Z',
    );
    expect(iso(localTimeToUtc('2026-04-05', 105, 'Australia/Lord_Howe'))).toBe(
      '2026-04-04T14:45:00.000Z',
    );
  });

  it('agrees with TZDate for random existing wall-clock times', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, dayOffset, minute) => {
          const date = addDaysToLocalDate('2026-01-01', dayOffset);
          const t = localTimeToUtc(date, minute, zone);
          if (t === null) return;
          const seen = new TZDate(t, zone);
          expect(seen.getHours() * 60 + seen.getMinutes()).toBe(minute);
          expect(utcToLocalDate(t, zone)).toBe(date);
          expect(utcToLocalMinute(t, zone)).toBe(minute);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('boundaries and day starts', () => {
  it('maps a time inside a gap to the moment of the jump', () => {
    expect(iso(localBoundaryToUtc('2026-03-08', 150, 'America/New_York'))).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(iso(localBoundaryToUtc('2026-11-01', 90, 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('starts a day at local midnight, or at the jump where midnight is skipped', () => {
    expect(iso(startOfLocalDay('2026-03-08', 'America/New_York'))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-09', 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
    // Chile springs forward at midnight: 2026-09-06 begins at 01:00.
    expect(
      formatInstantInZone(startOfLocalDay('2026-09-06', 'America/Santiago'), 'America/Santiago'),
    ).toBe('2026-09-06T01:00:00-03:00');
    // …and falls back across midnight: 2026-04-04 has 25 hours and ends at 00:00 -04:00.
    expect(
      formatInstantInZone(startOfLocalDay('2026-04-05', 'America/Santiago'), 'America/Santiago'),
    ).toBe('2026-04-05T00:00:00-04:00');
  });
});

describe('instants seen in a zone', () => {
  it('formats ISO 8601 with a numeric offset, never Z', () => {
    expect(formatInstantInZone(Date.UTC(2026, 11, 1, 9), 'Europe/London')).toBe(
      '2026-12-01T09:00:00+00:00',
    );
    expect(formatInstantInZone(Date.UTC(2026, 6, 1, 3, 30), 'Asia/Kolkata')).toBe(
      '2026-07-01T09:00:00+05:30',
    );
    expect(formatInstantInZone(Date.UTC(2026, 6, 1, 13), 'America/New_York')).toBe(
      '2026-07-01T09:00:00-04:00',
    );
    expect(formatInstantInZone(Date.UTC(2026, 6, 1, 11, 30), 'America/St_Johns')).toBe(
      '2026-07-01T09:00:00-02:30',
    );
    expect(formatInstantInZone(Date.UTC(2026, 6, 1, 12, 30, 45, 999), 'Australia/Lord_Howe')).toBe(
      '2026-07-01T23:00:45+10:30',
    );
    expect(formatInstantInZone(Date.UTC(2026, 0, 1, 0), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });

  it('shows the offset the zone has at that very second, on either side of a DST change', () => {
    const zones = ['Europe/London', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(
          ...zones.flatMap((z) =>
            new ZoneTimeline(z, Date.UTC(2026, 0), Date.UTC(2027, 0)).transitions.map((t) => t.at),
          ),
        ),
        fc.integer({ min: -3 * 3600, max: 3 * 3600 }),
        (zone, transition, secondsAway) => {
          const ms = transition + secondsAway * 1000;
          const offset = Math.round(new TZDate(ms, zone).getTimezoneOffset() * -1);
          const sign = offset < 0 ? '-' : '+';
          const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
          expect(formatInstantInZone(ms, zone).slice(-6)).toBe(`${sign}${hhmm}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('formats strings that parse back to the same instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }),
        (zone, seconds) => {
          const ms = seconds * 1000;
          expect(Date.parse(formatInstantInZone(ms, zone))).toBe(ms);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads local dates, minutes and offsets', () => {
    const t = Date.UTC(2026, 10, 1, 5, 30); // 01:30 EDT, the first of two
    expect(utcToLocalDate(t, 'America/New_York')).toBe('2026-11-01');
    expect(utcToLocalMinute(t, 'America/New_York')).toBe(90);
    expect(offsetMinutesAt(t, 'America/New_York')).toBe(-240);
    expect(utcToLocalMinute(t + 60 * 60_000, 'America/New_York')).toBe(90);
    expect(offsetMinutesAt(t + 60 * 60_000, 'America/New_York')).toBe(-300);
    expect(utcToLocalDate(Date.UTC(2026, 6, 1, 18, 30), 'Asia/Kolkata')).toBe('2026-07-02');
    expect(utcToLocalMinute(Date.UTC(2026, 6, 1, 18, 29), 'Asia/Kolkata')).toBe(1439);
  });
});
