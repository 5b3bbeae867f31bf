// The zone code is reached by every instant the app is handed. Whatever number arrives (NaN, an
// infinity, one beyond the ±8.64e15 ms a Date holds), each function must answer or throw a
// RangeError: an offset search that never ends holds the one thread that answers everybody.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ZoneTimeline,
  formatInstantInZone,
  localBoundaryToUtc,
  localTimeToUtc,
  offsetMinutesAt,
  utcToLocalDate,
  utcToLocalMinute,
  utcToWallClockMs,
} from '../../main/domain/time.js';

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const LAST_DATE_MS = 8.64e15;
const WEEK_MS = 7 * 24 * 3600_000;

/** Any number at all, weighted towards the edges where Date and the week chunks end. */
const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: LAST_DATE_MS - 3 * WEEK_MS, max: LAST_DATE_MS + 3 * WEEK_MS }),
  fc.integer({ min: -LAST_DATE_MS - 3 * WEEK_MS, max: -LAST_DATE_MS + 3 * WEEK_MS }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    LAST_DATE_MS,
    LAST_DATE_MS + 1,
    -LAST_DATE_MS,
    1e300,
  ),
);

const zone = fc.constantFrom(...ZONES);

/** Runs `f`; a RangeError is a fine answer to nonsense, anything else is a failure. */
function answersOrRefuses(f: () => unknown): void {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
  }
}

describe('the zone code on any number', () => {
  it('answers or refuses every instant, and never hangs', () => {
    fc.assert(
      fc.property(zone, anyNumber, (timeZone, ms) => {
        answersOrRefuses(() => offsetMinutesAt(ms, timeZone));
        answersOrRefuses(() => utcToWallClockMs(ms, timeZone));
        answersOrRefuses(() => utcToLocalDate(ms, timeZone));
        answersOrRefuses(() => utcToLocalMinute(ms, timeZone));
        answersOrRefuses(() => formatInstantInZone(ms, timeZone));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers or refuses a timeline between any two numbers, and never hangs', () => {
    fc.assert(
      fc.property(zone, anyNumber, anyNumber, (timeZone, a, b) => {
        answersOrRefuses(() => new ZoneTimeline(timeZone, Math.min(a, b), Math.max(a, b)));
        answersOrRefuses(() => new ZoneTimeline(timeZone, a, a + 2 * WEEK_MS).transitions);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers or refuses any minute of a day, and never hangs', () => {
    fc.assert(
      fc.property(zone, anyNumber, (timeZone, minute) => {
        answersOrRefuses(() => localTimeToUtc('2026-03-29', minute, timeZone));
        answersOrRefuses(() => localBoundaryToUtc('9999-12-31', minute, timeZone));
      }),
      { numRuns: 2000 },
    );
  });

  it('still gives real offsets for every instant the contract lets in', () => {
    fc.assert(
      fc.property(
        zone,
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2201, 0, 1) - 1 }),
        (timeZone, ms) => {
          expect(Number.isInteger(offsetMinutesAt(ms, timeZone))).toBe(true);
          expect(formatInstantInZone(ms, timeZone)).toMatch(
            /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/,
          );
        },
      ),
    );
  });
});
