// The calendar's geometry without a browser: side-by-side lanes for overlapping appointments,
// where things sit on 23- and 25-hour days, and where a dragged appointment lands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_END_MINUTE,
  DAY_START_MINUTE,
  assignLanes,
  hourMarks,
  minuteToY,
  placeSpan,
  slotStartsOn,
  spanOnDate,
  weekStart,
  type Span,
} from '../../renderer/src/screens/calendar/layout.js';
import { draggedSpan, nudged, snap } from '../../renderer/src/screens/calendar/drag.js';
import { zonedToUtc } from '../../renderer/src/time/zone.js';

const span = (from: string, to: string, name = `${from}-${to}`) => {
  const minute = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { name, startMinute: minute(from), endMinute: minute(to) };
};

function lanesByName(items: ReturnType<typeof span>[]) {
  return Object.fromEntries(
    assignLanes(items).map(({ item, lane, lanes }) => [item.name, `${lane}/${lanes}`]),
  );
}

describe('lanes for overlapping appointments', () => {
  it('gives items that do not overlap the full width, back to back included', () => {
    expect(
      lanesByName([
        span('09:00', '10:00', 'a'),
        span('10:00', '11:00', 'b'),
        span('13:00', '14:00', 'c'),
      ]),
    ).toEqual({ a: '0/1', b: '0/1', c: '0/1' });
  });

  it('puts a no-show and the booking that took its slot side by side', () => {
    expect(lanesByName([span('09:00', '10:00', 'no-show'), span('09:00', '09:45', 'new')])).toEqual(
      {
        'no-show': '0/2',
        new: '1/2',
      },
    );
  });

  it('shares one lane count across a chain of overlaps and reuses a freed lane', () => {
    // a overlaps b, b overlaps c, c starts after a ends so it reuses lane 0; d is on its own.
    expect(
      lanesByName([
        span('09:00', '10:00', 'a'),
        span('09:30', '11:00', 'b'),
        span('10:00', '10:30', 'c'),
        span('12:00', '12:30', 'd'),
      ]),
    ).toEqual({ a: '0/2', b: '1/2', c: '0/2', d: '0/1' });
  });

  it('opens a third lane only when three overlap at once, whatever the input order', () => {
    const items = [
      span('09:30', '10:00', 'c'),
      span('09:00', '11:00', 'a'),
      span('09:15', '09:45', 'b'),
    ];
    expect(lanesByName(items)).toEqual({ a: '0/3', b: '1/3', c: '2/3' });
  });

  it('never puts two overlapping items in one lane, and every lane fits its cluster', () => {
    const item = fc
      .tuple(fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 5, max: 240 }))
      .map(([start, length]) => ({ startMinute: start, endMinute: start + length }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), (items: Span[]) => {
        const laned = assignLanes(items);
        expect(laned).toHaveLength(items.length);
        for (const x of laned) {
          expect(x.lane).toBeGreaterThanOrEqual(0);
          expect(x.lane).toBeLessThan(x.lanes);
          for (const y of laned) {
            if (x === y) continue;
            const overlap =
              x.item.startMinute < y.item.endMinute && y.item.startMinute < x.item.endMinute;
            if (overlap) {
              expect(x.lane).not.toBe(y.lane);
              // Overlapping items are one cluster, so their widths line up.
              expect(x.lanes).toBe(y.lanes);
            }
          }
        }
      }),
    );
  });
});

describe('placing spans in the visible day', () => {
  it('clips to 07:00–20:00 and drops what is wholly outside', () => {
    expect(placeSpan(span('06:00', '08:00'))).toEqual({ top: 0, height: 60 });
    expect(placeSpan(span('19:30', '21:00'))).toEqual({ top: minuteToY(19 * 60 + 30), height: 30 });
    expect(placeSpan(span('05:00', '06:30'))).toBeNull();
  });
});

describe('days of 23 and 25 hours in the business zone', () => {
  const zone = 'Europe/London';
  // 2026-03-29: clocks go 01:00 → 02:00 (23 hours); 2026-10-25: 02:00 → 01:00 (25 hours).
  const short = '2026-03-29';
  const long = '2026-10-25';
  const hourLabels = hourMarks().map((m) => [m.label, m.y]);

  it('draws the same wall-clock hour lines on every day', () => {
    expect(hourLabels[0]).toEqual(['07:00', 0]);
    expect(hourLabels.at(-1)).toEqual(['20:00', minuteToY(DAY_END_MINUTE)]);
    expect(hourLabels).toHaveLength((DAY_END_MINUTE - DAY_START_MINUTE) / 60 + 1);
  });

  it.each([short, '2026-03-30', long, '2026-10-26'])(
    'puts a 09:00–10:30 appointment on %s at 09:00, not an hour off',
    (date) => {
      const start = zonedToUtc(date, 9 * 60, zone);
      const end = start + 90 * 60_000;
      const place = spanOnDate(start, end, date, zone);
      expect(place).toEqual({ startMinute: 540, endMinute: 630 });
      expect(placeSpan(place!)).toEqual({ top: minuteToY(540), height: 90 });
    },
  );

  it('knows the instants differ by the day length while the wall clock does not', () => {
    expect(zonedToUtc('2026-03-30', 0, zone) - zonedToUtc(short, 0, zone)).toBe(23 * 3_600_000);
    expect(zonedToUtc('2026-10-26', 0, zone) - zonedToUtc(long, 0, zone)).toBe(25 * 3_600_000);
  });

  it('offers no slot in the skipped hour and one slot per wall time in the repeated hour', () => {
    const spring = slotStartsOn(short, zone, 30, 0, 4 * 60).map((s) => s.minute);
    expect(spring).toEqual([0, 30, 120, 150, 180, 210]);
    const autumn = slotStartsOn(long, zone, 30, 0, 4 * 60);
    expect(autumn.map((s) => s.minute)).toEqual([0, 30, 60, 90, 120, 150, 180, 210]);
    // 01:00 is the first (BST) occurrence; 02:00 comes two real hours later.
    const at = (m: number) => autumn.find((s) => s.minute === m)!.start;
    expect(at(120) - at(60)).toBe(2 * 3_600_000);
  });

  it('clips time off that spans the whole short day to exactly that day', () => {
    const place = spanOnDate(
      zonedToUtc(short, 0, zone),
      zonedToUtc('2026-03-30', 0, zone),
      short,
      zone,
    );
    expect(place).toEqual({ startMinute: 0, endMinute: 24 * 60 });
    // The day before and after see none of it.
    expect(
      spanOnDate(zonedToUtc(short, 0, zone), zonedToUtc('2026-03-30', 0, zone), '2026-03-28', zone),
    ).toBeNull();
  });

  it('clips an appointment crossing midnight on each side', () => {
    const start = zonedToUtc(long, 23 * 60, zone);
    const end = start + 2 * 3_600_000;
    expect(spanOnDate(start, end, long, zone)).toEqual({ startMinute: 1380, endMinute: 1440 });
    expect(spanOnDate(start, end, '2026-10-26', zone)).toEqual({ startMinute: 0, endMinute: 60 });
  });
});

describe('dragging an appointment', () => {
  const origin = { staffId: 's1', date: '2026-12-01', startMinute: 600, endMinute: 660 };

  it('snaps a move to the slot step and keeps the length', () => {
    expect(draggedSpan(origin, 'move', 22, 15)).toEqual({ startMinute: 615, endMinute: 675 });
    expect(draggedSpan(origin, 'move', -7, 15)).toEqual({ startMinute: 600, endMinute: 660 });
    expect(draggedSpan(origin, 'move', 37, 30)).toEqual({ startMinute: 630, endMinute: 690 });
  });

  it('snaps an odd start onto the step grid', () => {
    expect(draggedSpan({ startMinute: 605, endMinute: 650 }, 'move', 14, 15)).toEqual({
      startMinute: 615,
      endMinute: 660,
    });
  });

  it('keeps a move inside the visible day', () => {
    expect(draggedSpan(origin, 'move', -1000, 15)).toEqual({ startMinute: 420, endMinute: 480 });
    expect(draggedSpan(origin, 'move', 1000, 15)).toEqual({ startMinute: 1140, endMinute: 1200 });
  });

  it('resizes the end by steps and never below one step', () => {
    expect(draggedSpan(origin, 'resize', 31, 15)).toEqual({ startMinute: 600, endMinute: 690 });
    expect(draggedSpan(origin, 'resize', -200, 15)).toEqual({ startMinute: 600, endMinute: 615 });
    expect(draggedSpan(origin, 'resize', 5000, 15)).toEqual({ startMinute: 600, endMinute: 1200 });
  });

  it('rounds to the nearest step', () => {
    expect([snap(7, 15), snap(8, 15), snap(-8, 15)]).toEqual([0, 15, -15]);
  });

  it('nudges by keyboard: a step in time, a step of length, the next staff column', () => {
    const staff = ['s0', 's1', 's2'];
    expect(nudged(origin, 'later', 15, staff)).toMatchObject({ startMinute: 615, endMinute: 675 });
    expect(nudged(origin, 'earlier', 15, staff)).toMatchObject({ startMinute: 585 });
    expect(nudged(origin, 'longer', 15, staff)).toMatchObject({ startMinute: 600, endMinute: 675 });
    expect(nudged(origin, 'shorter', 15, staff)).toMatchObject({ endMinute: 645 });
    expect(nudged(origin, 'right', 15, staff)).toMatchObject({ staffId: 's2', startMinute: 600 });
    expect(nudged(origin, 'left', 15, staff)).toMatchObject({ staffId: 's0' });
    expect(nudged({ ...origin, staffId: 's2' }, 'right', 15, staff).staffId).toBe('s2');
  });
});

describe('weeks', () => {
  it('start on Monday', () => {
    expect(weekStart('2026-11-25')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });
});
