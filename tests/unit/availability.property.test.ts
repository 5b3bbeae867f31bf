import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  computeAvailability,
  findConflict,
  isOffGrid,
  type AvailabilityQuery,
  type BusyAppointment,
  type StaffAvailabilityInput,
  type WorkingInterval,
} from '../../main/domain/availability.js';
import {
  addDaysToLocalDate,
  isoWeekdayOfLocalDate,
  localBoundaryToUtc,
  localTimeToUtc,
  startOfLocalDay,
  utcToLocalDate,
  utcToLocalMinute,
} from '../../main/domain/time.js';

const MIN = 60_000;
const DAY = 86_400_000;

// Zones and dates chosen so that many generated periods contain a DST change.
const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Santiago',
];
const INTERESTING_DATES = [
  '2026-03-08',
  '2026-11-01',
  '2026-03-29',
  '2026-10-25',
  '2026-04-05',
  '2026-10-04',
  '2026-09-06',
  '2026-04-04',
];

const fromDateArb = fc.oneof(
  fc
    .tuple(fc.constantFrom(...INTERESTING_DATES), fc.integer({ min: -2, max: 1 }))
    .map(([d, k]) => addDaysToLocalDate(d, k)),
  fc.integer({ min: 0, max: 500 }).map((k) => addDaysToLocalDate('2026-01-01', k)),
);

const intervalArb: fc.Arbitrary<WorkingInterval> = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    startMinute: fc.integer({ min: 0, max: 1430 }),
    length: fc.integer({ min: 10, max: 720 }),
  })
  .map(({ weekday, startMinute, length }) => ({
    weekday,
    startMinute,
    endMinute: Math.min(1440, startMinute + length),
  }));

/** Busy items placed relative to the period's first local midnight (approximately). */
const appointmentArb = fc.record({
  offsetMinutes: fc.integer({ min: -600, max: 5 * 1440 }),
  minutes: fc.integer({ min: 5, max: 240 }),
  bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
  bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
});
// At least a minute long: the contract and the time_off table's check refuse an empty period,
// so none ever reaches the engine (which would rightly let it block nothing).
const timeOffArb = fc.record({
  offsetMinutes: fc.integer({ min: -600, max: 5 * 1440 }),
  minutes: fc.integer({ min: 1, max: 1440 }),
});
const staffArb = fc.record({
  hours: fc.array(intervalArb, { minLength: 1, maxLength: 10 }),
  appointments: fc.array(appointmentArb, { maxLength: 12 }),
  timeOff: fc.array(timeOffArb, { maxLength: 3 }),
});

const queryArb: fc.Arbitrary<AvailabilityQuery> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    fromDate: fromDateArb,
    days: fc.integer({ min: 1, max: 4 }),
    durationMinutes: fc.integer({ min: 5, max: 180 }),
    bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
    bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
    stepMinutes: fc.constantFrom(5, 10, 15, 20, 30, 45, 60),
    minimumNoticeMinutes: fc.integer({ min: 0, max: 600 }),
    horizonDays: fc.integer({ min: 0, max: 8 }),
    nowOffsetMinutes: fc.integer({ min: -3 * 1440, max: 1440 }),
    staff: fc.array(staffArb, { minLength: 1, maxLength: 3 }),
  })
  .map(({ nowOffsetMinutes, staff, ...rest }) => {
    const base = startOfLocalDay(rest.fromDate, rest.timeZone);
    return {
      ...rest,
      now: base + nowOffsetMinutes * MIN,
      staff: staff.map((s, i): StaffAvailabilityInput => ({
        staffId: `staff-${i}`,
        hours: s.hours,
        appointments: s.appointments.map((a): BusyAppointment => ({
          start: base + a.offsetMinutes * MIN,
          end: base + (a.offsetMinutes + a.minutes) * MIN,
          bufferBeforeMinutes: a.bufferBeforeMinutes,
          bufferAfterMinutes: a.bufferAfterMinutes,
        })),
        timeOff: s.timeOff.map((p) => ({
          start: base + p.offsetMinutes * MIN,
          end: base + (p.offsetMinutes + p.minutes) * MIN,
        })),
      })),
    };
  });

/** Indexing that fails the test loudly instead of hiding behind a non-null assertion. */
function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`no element ${index}`);
  return value;
}

const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

/**
 * The rules written the slow, obvious way, one candidate at a time with the single-shot
 * time helpers: the engine's sweeps, jumps and constant-offset shortcuts must agree.
 */
function naiveStarts(q: AvailabilityQuery, s: StaffAvailabilityInput, date: string): number[] {
  const out = new Set<number>();
  for (const iv of s.hours) {
    if (iv.weekday !== isoWeekdayOfLocalDate(date)) continue;
    const end = localBoundaryToUtc(date, iv.endMinute, q.timeZone);
    for (let m = iv.startMinute; m < iv.endMinute; m += q.stepMinutes) {
      const t = localTimeToUtc(date, m, q.timeZone);
      if (t === null || t + q.durationMinutes * MIN > end) continue;
      if (t < q.now + q.minimumNoticeMinutes * MIN || t > q.now + q.horizonDays * DAY) continue;
      const o0 = t - q.bufferBeforeMinutes * MIN;
      const o1 = t + (q.durationMinutes + q.bufferAfterMinutes) * MIN;
      const busy =
        s.appointments.some((a) =>
          overlaps(
            o0,
            o1,
            a.start - a.bufferBeforeMinutes * MIN,
            a.end + a.bufferAfterMinutes * MIN,
          ),
        ) || s.timeOff.some((p) => overlaps(o0, o1, p.start, p.end));
      if (!busy) out.add(t);
    }
  }
  return [...out].sort((a, b) => a - b);
}

describe('availability properties', () => {
  it('never offers a slot that breaks a rule, and every slot passes findConflict', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const days = computeAvailability(q);
        expect(days.map((d) => d.date)).toEqual(
          Array.from({ length: q.days }, (_, i) => addDaysToLocalDate(q.fromDate, i)),
        );
        for (const day of days) {
          for (let i = 1; i < day.slots.length; i++) {
            expect(at(day.slots, i).start).toBeGreaterThan(at(day.slots, i - 1).start);
          }
          for (const slot of day.slots) {
            const s = at(
              q.staff.filter((x) => x.staffId === slot.staffId),
              0,
            );
            expect(slot.end - slot.start).toBe(q.durationMinutes * MIN);
            expect(slot.start).toBeGreaterThanOrEqual(q.now + q.minimumNoticeMinutes * MIN);
            expect(slot.start).toBeLessThanOrEqual(q.now + q.horizonDays * DAY);

            const o0 = slot.start - q.bufferBeforeMinutes * MIN;
            const o1 = slot.end + q.bufferAfterMinutes * MIN;
            for (const a of s.appointments) {
              const a0 = a.start - a.bufferBeforeMinutes * MIN;
              const a1 = a.end + a.bufferAfterMinutes * MIN;
              expect(overlaps(o0, o1, a0, a1)).toBe(false);
            }
            for (const p of s.timeOff) expect(overlaps(o0, o1, p.start, p.end)).toBe(false);

            // Wholly inside one working interval of that weekday, on the step grid.
            expect(utcToLocalDate(slot.start, q.timeZone)).toBe(day.date);
            const startMinute = utcToLocalMinute(slot.start, q.timeZone);
            const nextDate = addDaysToLocalDate(day.date, 1);
            let endMinute: number;
            if (utcToLocalDate(slot.end, q.timeZone) === day.date) {
              endMinute = utcToLocalMinute(slot.end, q.timeZone);
            } else {
              expect(slot.end).toBeLessThanOrEqual(startOfLocalDay(nextDate, q.timeZone));
              endMinute = 1440;
            }
            const weekday = isoWeekdayOfLocalDate(day.date);
            const fits = s.hours.some(
              (iv) =>
                iv.weekday === weekday &&
                iv.startMinute <= startMinute &&
                endMinute <= iv.endMinute &&
                (startMinute - iv.startMinute) % q.stepMinutes === 0,
            );
            expect(fits).toBe(true);

            const candidate = {
              start: slot.start,
              end: slot.end,
              bufferBeforeMinutes: q.bufferBeforeMinutes,
              bufferAfterMinutes: q.bufferAfterMinutes,
            };
            expect(findConflict(candidate, s, q.timeZone)).toBeNull();
            expect(isOffGrid(slot.start, s.hours, q.timeZone, q.stepMinutes)).toBe(false);
          }
        }
      }),
      { numRuns: 250 },
    );
  });

  it('calls a start off-grid exactly when working hours hold it but their grid does not', () => {
    const instantArb = fc.oneof(
      fc.integer({ min: -1440, max: 6 * 1440 }).map((m) => m * MIN),
      fc.integer({ min: -DAY, max: 6 * DAY }),
    );
    fc.assert(
      fc.property(queryArb, instantArb, (q, offset) => {
        const s = at(q.staff, 0);
        const t = startOfLocalDay(q.fromDate, q.timeZone) + offset;
        const date = utcToLocalDate(t, q.timeZone);
        const minute = utcToLocalMinute(t, q.timeZone);
        const weekday = isoWeekdayOfLocalDate(date);
        const holding = s.hours.filter(
          (iv) => iv.weekday === weekday && iv.startMinute <= minute && minute < iv.endMinute,
        );
        // Every start the engine could offer that day, before notice, length and clashes.
        const grid = new Set<number | null>();
        for (const iv of holding) {
          for (let m = iv.startMinute; m < iv.endMinute; m += q.stepMinutes) {
            grid.add(localTimeToUtc(date, m, q.timeZone));
          }
        }
        const expected = t % MIN !== 0 || (holding.length > 0 && !grid.has(t));
        expect(isOffGrid(t, s.hours, q.timeZone, q.stepMinutes)).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('offers exactly the starts the rules allow (checked against a slow oracle)', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const only = at(q.staff, 0);
        const days = computeAvailability({ ...q, staff: [only] });
        for (const day of days) {
          expect(day.slots.map((s) => s.start)).toEqual(naiveStarts(q, only, day.date));
          expect(day.slots.every((s) => s.staffId === only.staffId)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with any staff, offers the union of starts, each with the least-booked free member', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const combined = computeAvailability(q);
        const single = q.staff.map((s) => computeAvailability({ ...q, staff: [s] }));
        combined.forEach((day, d) => {
          const dayStart = startOfLocalDay(day.date, q.timeZone);
          const dayEnd = startOfLocalDay(addDaysToLocalDate(day.date, 1), q.timeZone);
          const load = q.staff.map(
            (s) => s.appointments.filter((a) => a.start >= dayStart && a.start < dayEnd).length,
          );
          const freeAt = (t: number) =>
            q.staff
              .map((_, k) => k)
              .filter((k) => at(at(single, k), d).slots.some((slot) => slot.start === t));
          const union = new Set(single.flatMap((days) => at(days, d).slots.map((s) => s.start)));
          expect(day.slots.map((s) => s.start)).toEqual([...union].sort((a, b) => a - b));
          for (const slot of day.slots) {
            const free = freeAt(slot.start);
            const best = free.reduce((x, y) => (at(load, y) < at(load, x) ? y : x));
            expect(slot.staffId).toBe(at(q.staff, best).staffId);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
