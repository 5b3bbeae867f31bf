import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  deferForQuietHours,
  isInQuietHours,
  quietWindowAt,
  type QuietHours,
} from '../../main/domain/quiet-hours.js';
import { startOfLocalDay } from '../../main/domain/time.js';

const MIN = 60_000;
const ZONES = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago'];
const DATES = ['2026-10-25', '2026-03-29', '2026-11-01', '2026-03-08', '2026-04-05', '2026-09-06'];

const settingsArb: fc.Arbitrary<{ timeZone: string; quietHours: QuietHours }> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  quietHours: fc.record({
    startMinute: fc.integer({ min: 0, max: 1439 }),
    endMinute: fc.integer({ min: 0, max: 1439 }),
  }),
});

describe('quiet hours', () => {
  const instantArb = fc
    .tuple(settingsArb, fc.constantFrom(...DATES), fc.integer({ min: -1440, max: 3 * 1440 }))
    .map(([s, d, m]) => ({ s, t: startOfLocalDay(d, s.timeZone) + m * MIN }));

  it('a window contains its instant, ends outside quiet hours, and the minute before it is free', () => {
    fc.assert(
      fc.property(instantArb, ({ s, t }) => {
        const window = quietWindowAt(t, s.quietHours, s.timeZone);
        expect(window !== null).toBe(isInQuietHours(t, s.quietHours, s.timeZone));
        if (!window) return;
        expect(window.start).toBeLessThanOrEqual(t);
        expect(window.end).toBeGreaterThan(t);
        expect(isInQuietHours(window.end, s.quietHours, s.timeZone)).toBe(false);
        expect(isInQuietHours(window.start - MIN, s.quietHours, s.timeZone)).toBe(false);
        // One night at most — or two, when a spring-forward jump swallows the free minute between
        // them (quiet 00:01–00:00 and a jump at midnight in Santiago).
        expect(window.end - window.start).toBeLessThanOrEqual(48 * 60 * MIN);
      }),
      { numRuns: 500 },
    );
  });

  it('deferring never lands in quiet hours, before `earliest`, or after `latest`', () => {
    fc.assert(
      fc.property(
        instantArb,
        fc.option(fc.integer({ min: 0, max: 2 * 1440 })),
        ({ s, t }, slack) => {
          const latest = slack === null ? null : t + slack * MIN;
          const due = deferForQuietHours(t, { ...s, earliest: t - 1440 * MIN, latest });
          if (latest === null) expect(due).not.toBeNull();
          if (due === null) return;
          expect(isInQuietHours(due, s.quietHours, s.timeZone)).toBe(false);
          expect(due).toBeGreaterThanOrEqual(t - 1440 * MIN);
          if (latest !== null) expect(due).toBeLessThanOrEqual(Math.max(latest, t));
        },
      ),
      { numRuns: 500 },
    );
  });
});
