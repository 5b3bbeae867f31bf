import { describe, it, expect } from 'vitest';
import {
  computeAvailability,
  findConflict,
  type AvailabilityQuery,
  type BusyAppointment,
  type DayAvailability,
  type StaffAvailabilityInput,
  type WorkingInterval,
} from '../../main/domain/availability.js';
import { formatInstantInZone, localTimeToUtc } from '../../main/domain/time.js';

const HOUR = 3_600_000;
const MIN = 60_000;

function everyDay(startMinute: number, endMinute: number): WorkingInterval[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute, endMinute }));
}

function staff(
  staffId: string,
  hours: WorkingInterval[],
  extra: Partial<StaffAvailabilityInput> = {},
): StaffAvailabilityInput {
  return { staffId, hours, timeOff: [], appointments: [], ...extra };
}

function query(overrides: Partial<AvailabilityQuery>): AvailabilityQuery {
  return {
    timeZone: 'Europe/London',
    now: Date.UTC(2020, 0, 1),
    fromDate: '2026-12-01',
    days: 1,
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    stepMinutes: 15,
    minimumNoticeMinutes: 0,
    horizonDays: 3650,
    staff: [staff('ann', everyDay(9 * 60, 17 * 60))],
    ...overrides,
  };
}

/** Slot starts of one day as ISO strings in the zone. */
function starts(day: DayAvailability | undefined, timeZone: string): string[] {
  if (!day) throw new Error('missing day');
  return day.slots.map((s) => formatInstantInZone(s.start, timeZone));
}

/** Local clock times ("HH:MM") of a day's slot starts. */
function clock(day: DayAvailability | undefined, timeZone: string): string[] {
  return starts(day, timeZone).map((s) => s.slice(11, 16));
}

/** An appointment given by its local date and wall-clock start, in the zone. */
function appt(
  timeZone: string,
  date: string,
  hh: number,
  mm: number,
  minutes: number,
  bufferBeforeMinutes = 0,
  bufferAfterMinutes = 0,
): BusyAppointment {
  const start = localTimeToUtc(date, hh * 60 + mm, timeZone);
  if (start === null) throw new Error('time does not exist');
  return { start, end: start + minutes * MIN, bufferBeforeMinutes, bufferAfterMinutes };
}

describe('09:00–17:00 stays 09:00–17:00 local on DST days', () => {
  const cases: [string, string, string, string][] = [
    // zone, transition date, first slot, last slot
    ['America/New_York', '2026-03-08', '2026-03-08T09:00:00-04:00', '2026-03-08T16:00:00-04:00'],
    ['America/New_York', '2026-11-01', '2026-11-01T09:00:00-05:00', '2026-11-01T16:00:00-05:00'],
    ['Europe/London', '2026-03-29', '2026-03-29T09:00:00+01:00', '2026-03-29T16:00:00+01:00'],
    ['Europe/London', '2026-10-25', '2026-10-25T09:00:00+00:00', '2026-10-25T16:00:00+00:00'],
    ['Australia/Sydney', '2026-04-05', '2026-04-05T09:00:00+10:00', '2026-04-05T16:00:00+10:00'],
    ['Australia/Sydney', '2026-10-04', '2026-10-04T09:00:00+11:00', '2026-10-04T16:00:00+11:00'],
    ['Australia/Lord_Howe', '2026-04-05', '2026-04-05T09:00:00+10:30', '2026-04-05T16:00:00+10:30'],
    ['Australia/Lord_Howe', '2026-10-04', '2026-10-04T09:00:00+11:00', '2026-10-04T16:00:00+11:00'],
    ['Asia/Kolkata', '2026-07-01', '2026-07-01T09:00:00+05:30', '2026-07-01T16:00:00+05:30'],
  ];

  for (const [timeZone, date, first, last] of cases) {
    it(`${timeZone} on ${date}`, () => {
      const days = computeAvailability(query({ timeZone, fromDate: date, days: 1 }));
      expect(days.map((d) => d.date)).toEqual([date]);
      const list = starts(days[0], timeZone);
      expect(list).toHaveLength(29); // 09:00 … 16:00 every 15 minutes
      expect(list[0]).toBe(first);
      expect(list.at(-1)).toBe(last);
      const lastSlot = days[0]?.slots.at(-1);
      expect(lastSlot && formatInstantInZone(lastSlot.end, timeZone)).toBe(
        last.replace('T16:00', 'T17:00'),
      );
    });
  }

  it('keeps the same local hours the day before and after the change', () => {
    const days = computeAvailability(
      query({ timeZone: 'America/New_York', fromDate: '2026-03-07', days: 3 }),
    );
    expect(days.map((d) => d.date)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(days.map((d) => starts(d, 'America/New_York')[0])).toEqual([
      '2026-03-07T09:00:00-05:00',
      '2026-03-08T09:00:00-04:00',
      '2026-03-09T09:00:00-04:00',
    ]);
  });
});

describe('night shifts across the change (staff working 00:00–06:00)', () => {
  const night = (timeZone: string, date: string) =>
    computeAvailability(
      query({ timeZone, fromDate: date, staff: [staff('nia', everyDay(0, 6 * 60))] }),
    )[0];

  it('New York fall back: 01:30 offered once, at its first occurrence', () => {
    const tz = 'America/New_York';
    const list = starts(night(tz, '2026-11-01'), tz);
    expect(list.filter((s) => s.includes('T01:30'))).toEqual(['2026-11-01T01:30:00-04:00']);
    expect(list.filter((s) => s.startsWith('2026-11-01T01:') && s.endsWith('-05:00'))).toEqual([]);
    expect(list[0]).toBe('2026-11-01T00:00:00-04:00');
    expect(list.at(-1)).toBe('2026-11-01T05:00:00-05:00');
    expect(list).toHaveLength(21); // one per wall-clock quarter hour 00:00 … 05:00
  });

  it('New York fall back: notice ending exactly at the first 01:30 keeps that slot', () => {
    const tz = 'America/New_York';
    const days = computeAvailability(
      query({
        timeZone: tz,
        fromDate: '2026-11-01',
        now: Date.UTC(2026, 10, 1, 4, 30),
        minimumNoticeMinutes: 60,
        staff: [staff('nia', everyDay(0, 6 * 60))],
      }),
    );
    expect(starts(days[0], tz).slice(0, 2)).toEqual([
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:45:00-04:00',
    ]);
  });

  it('New York spring forward: 02:xx never offered, and a slot may span the jump', () => {
    const tz = 'America/New_York';
    const day = night(tz, '2026-03-08');
    // prettier-ignore
    expect(clock(day, tz)).toEqual([
      '00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45',
      '03:00', '03:15', '03:30', '03:45', '04:00', '04:15', '04:30', '04:45', '05:00',
    ]);
    const spanning = day?.slots.find((s) => formatInstantInZone(s.start, tz).includes('T01:45'));
    expect(spanning && formatInstantInZone(spanning.end, tz)).toBe('2026-03-08T03:45:00-04:00');
  });

  it('London: 01:30 skipped in spring, offered once in autumn', () => {
    const tz = 'Europe/London';
    expect(clock(night(tz, '2026-03-29'), tz)).not.toContain('01:30');
    expect(clock(night(tz, '2026-03-29'), tz)).toHaveLength(17);
    const autumn = starts(night(tz, '2026-10-25'), tz);
    expect(autumn.filter((s) => s.includes('T01:30'))).toEqual(['2026-10-25T01:30:00+01:00']);
    expect(autumn).toHaveLength(21);
  });

  it('Sydney: 02:30 once on 2026-04-05, never on 2026-10-04', () => {
    const tz = 'Australia/Sydney';
    const autumn = starts(night(tz, '2026-04-05'), tz);
    expect(autumn.filter((s) => s.includes('T02:30'))).toEqual(['2026-04-05T02:30:00+11:00']);
    expect(autumn).toHaveLength(21);
    const spring = clock(night(tz, '2026-10-04'), tz);
    expect(spring.filter((s) => s.startsWith('02:'))).toEqual([]);
    expect(spring).toHaveLength(17);
  });

  it('Lord Howe: the 30-minute shift repeats or skips half an hour', () => {
    const tz = 'Australia/Lord_Howe';
    const autumn = starts(night(tz, '2026-04-05'), tz);
    expect(autumn.filter((s) => s.includes('T01:30') || s.includes('T01:45'))).toEqual([
      '2026-04-05T01:30:00+11:00',
      '2026-04-05T01:45:00+11:00',
    ]);
    expect(autumn).toHaveLength(21);
    const spring = clock(night(tz, '2026-10-04'), tz);
    expect(spring).not.toContain('02:00');
    expect(spring).not.toContain('02:15');
    expect(spring).toContain('02:30');
    expect(spring).toHaveLength(19);
  });

  it('Santiago: the day that starts at 01:00 and the hour repeated before midnight', () => {
    const tz = 'America/Santiago';
    // Sunday 2026-09-06 has no 00:00–00:59.
    const sunday = computeAvailability(
      query({
        timeZone: tz,
        fromDate: '2026-09-06',
        durationMinutes: 30,
        stepMinutes: 30,
        staff: [staff('sam', [{ weekday: 7, startMinute: 0, endMinute: 180 }])],
      }),
    )[0];
    expect(starts(sunday, tz)).toEqual([
      '2026-09-06T01:00:00-03:00',
      '2026-09-06T01:30:00-03:00',
      '2026-09-06T02:00:00-03:00',
      '2026-09-06T02:30:00-03:00',
    ]);
    // Saturday 2026-04-04: 23:00–23:59 happens twice; offered once each.
    const saturday = computeAvailability(
      query({
        timeZone: tz,
        fromDate: '2026-04-04',
        durationMinutes: 30,
        stepMinutes: 30,
        staff: [staff('sam', [{ weekday: 6, startMinute: 22 * 60, endMinute: 1440 }])],
      }),
    )[0];
    expect(starts(saturday, tz)).toEqual([
      '2026-04-04T22:00:00-03:00',
      '2026-04-04T22:30:00-03:00',
      '2026-04-04T23:00:00-03:00',
      '2026-04-04T23:30:00-03:00',
    ]);
  });
});

describe('working intervals, buffers and time off', () => {
  const tz = 'Europe/London';

  it('respects a lunch break: a slot fits wholly inside one interval', () => {
    const hours = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, startMinute: 9 * 60, endMinute: 12 * 60 },
      { weekday, startMinute: 13 * 60, endMinute: 17 * 60 },
    ]);
    const days = computeAvailability(
      query({ fromDate: '2026-12-04', days: 4, stepMinutes: 30, staff: [staff('ann', hours)] }),
    );
    expect(days.map((d) => d.date)).toEqual([
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
    // prettier-ignore
    expect(clock(days[0], tz)).toEqual([
      '09:00', '09:30', '10:00', '10:30', '11:00',
      '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00',
    ]);
    expect(days[1]?.slots).toEqual([]); // Saturday
    expect(days[2]?.slots).toEqual([]); // Sunday
    expect(clock(days[3], tz)).toHaveLength(12);
  });

  it('keeps occupied spans (buffers included) apart, allowing preparation before opening', () => {
    const date = '2026-12-01';
    const days = computeAvailability(
      query({
        fromDate: date,
        bufferBeforeMinutes: 5,
        bufferAfterMinutes: 10,
        staff: [
          staff('ann', everyDay(9 * 60, 17 * 60), {
            // occupies 10:50–12:15
            appointments: [appt(tz, date, 11, 0, 60, 10, 15)],
            timeOff: [
              {
                start: Date.UTC(2026, 11, 1, 14),
                end: Date.UTC(2026, 11, 1, 15),
              },
            ],
          }),
        ],
      }),
    );
    // New occupied span is [start − 5, start + 70): touching 10:50 and 12:15 is fine.
    // prettier-ignore
    expect(clock(days[0], tz)).toEqual([
      '09:00', '09:15', '09:30',
      '12:30', '12:45',
      '15:15', '15:30', '15:45', '16:00',
    ]);
  });

  it('offers a start once when overlapping intervals of one weekday both produce it', () => {
    const hours: WorkingInterval[] = [
      { weekday: 2, startMinute: 9 * 60, endMinute: 11 * 60 },
      { weekday: 2, startMinute: 10 * 60, endMinute: 12 * 60 },
    ];
    const day = computeAvailability(query({ stepMinutes: 30, staff: [staff('ann', hours)] }))[0];
    expect(clock(day, tz)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
  });

  it('ignores empty time off and does not assume sorted input', () => {
    const date = '2026-12-01';
    const appointments = [
      appt(tz, date, 15, 0, 60),
      appt(tz, date, 9, 0, 60),
      appt(tz, date, 12, 0, 60),
    ];
    const day = computeAvailability(
      query({
        stepMinutes: 60,
        staff: [
          staff('ann', everyDay(9 * 60, 17 * 60), {
            appointments,
            timeOff: [{ start: Date.UTC(2026, 11, 1, 13), end: Date.UTC(2026, 11, 1, 13) }],
          }),
        ],
      }),
    )[0];
    expect(clock(day, tz)).toEqual(['10:00', '11:00', '13:00', '14:00', '16:00']);
  });
});

describe('notice and horizon', () => {
  it('offers nothing before now + notice nor after now + horizon, keeping the grid', () => {
    const tz = 'Europe/London';
    const days = computeAvailability(
      query({
        now: Date.UTC(2026, 11, 1, 10, 7),
        minimumNoticeMinutes: 120,
        horizonDays: 1,
        days: 3,
      }),
    );
    expect(days.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(starts(days[0], tz)[0]).toBe('2026-12-01T12:15:00+00:00');
    expect(clock(days[0], tz)).toHaveLength(16); // 12:15 … 16:00
    expect(clock(days[1], tz)).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00']);
    expect(days[2]?.slots).toEqual([]);
  });

  it('allows a start exactly at now + notice', () => {
    const days = computeAvailability(
      query({ now: Date.UTC(2026, 11, 1, 8), minimumNoticeMinutes: 60 }),
    );
    expect(days[0]?.slots[0]?.start).toBe(Date.UTC(2026, 11, 1, 9));
  });
});

describe('any staff', () => {
  const tz = 'Europe/London';
  const date = '2026-12-01';

  it('gives each start to the free staff member with the fewest appointments that day', () => {
    const hours = everyDay(9 * 60, 17 * 60);
    const ann = staff('ann', hours, {
      appointments: [appt(tz, date, 9, 0, 60), appt(tz, date, 10, 0, 60)],
    });
    const bob = staff('bob', hours, { appointments: [appt(tz, date, 16, 0, 60)] });
    const cat = staff('cat', hours, {
      appointments: [appt(tz, date, 13, 0, 60), appt(tz, '2026-12-02', 9, 0, 60)],
    });
    const days = computeAvailability(
      query({ fromDate: date, days: 2, stepMinutes: 60, staff: [ann, bob, cat] }),
    );
    // 1 Dec: bob (1) < cat (1, later in the list) < ann (2).
    expect(days[0]?.slots.map((s) => [clock({ date, slots: [s] }, tz)[0], s.staffId])).toEqual([
      ['09:00', 'bob'],
      ['10:00', 'bob'],
      ['11:00', 'bob'],
      ['12:00', 'bob'],
      ['13:00', 'bob'],
      ['14:00', 'bob'],
      ['15:00', 'bob'],
      ['16:00', 'cat'], // bob is busy; cat ranks before ann
    ]);
    // 2 Dec: ann and bob have none, cat has one: ann wins ties by list order.
    expect(days[1]?.slots.map((s) => s.staffId)).toEqual(Array(8).fill('ann'));
  });

  it('offers each start once even when everyone is free', () => {
    const hours = everyDay(9 * 60, 10 * 60);
    const day = computeAvailability(
      query({ staff: [staff('ann', hours), staff('bob', everyDay(9 * 60 + 30, 11 * 60))] }),
    )[0];
    expect(day?.slots.map((s) => `${clock({ date, slots: [s] }, tz)[0]} ${s.staffId}`)).toEqual([
      '09:00 ann',
      '09:30 bob',
      '09:45 bob',
      '10:00 bob',
    ]);
  });
});

describe('findConflict', () => {
  const tz = 'Europe/London';
  const date = '2026-12-01';
  const ann = staff('ann', everyDay(9 * 60, 17 * 60), {
    appointments: [appt(tz, date, 11, 0, 60, 10, 15)],
    timeOff: [{ start: Date.UTC(2026, 11, 1, 14), end: Date.UTC(2026, 11, 1, 15) }],
  });
  const at = (hh: number, mm: number, minutes = 60, before = 5, after = 10) => {
    const start = Date.UTC(2026, 11, 1, hh, mm);
    return {
      start,
      end: start + minutes * MIN,
      bufferBeforeMinutes: before,
      bufferAfterMinutes: after,
    };
  };

  it('accepts a free time, touching buffers included', () => {
    expect(findConflict(at(9, 0), ann, tz)).toBeNull();
    expect(findConflict(at(9, 40), ann, tz)).toBeNull(); // ends 10:40 + 10 = 10:50
    expect(findConflict(at(16, 0), ann, tz)).toBeNull(); // clean-up may run past 17:00
  });

  it('explains each refusal', () => {
    expect(findConflict(at(8, 30), ann, tz)).toEqual({
      reason: 'outside_working_hours',
      message: "2026-12-01T08:30:00+00:00–2026-12-01T09:30:00+00:00 is outside ann's working hours",
    });
    expect(findConflict(at(16, 30), ann, tz)?.reason).toBe('outside_working_hours');
    expect(findConflict(at(13, 0), ann, tz)).toEqual({
      reason: 'time_off',
      message:
        "2026-12-01T13:00:00+00:00–2026-12-01T14:00:00+00:00 (with preparation and clean-up time) falls in ann's time off 2026-12-01T14:00:00+00:00–2026-12-01T15:00:00+00:00",
    });
    expect(findConflict(at(12, 15, 30), ann, tz)).toEqual({
      reason: 'overlaps_appointment',
      message:
        "2026-12-01T12:15:00+00:00–2026-12-01T12:45:00+00:00 (with preparation and clean-up time) overlaps ann's appointment 2026-12-01T11:00:00+00:00–2026-12-01T12:00:00+00:00",
    });
    expect(findConflict(at(12, 20, 30), ann, tz)).toBeNull();
  });

  it('accepts the second 01:30 of a fall-back night for a 00:00–06:00 shift', () => {
    const nia = staff('nia', everyDay(0, 6 * 60));
    const second = Date.UTC(2026, 10, 1, 6, 30); // 01:30 EST
    const booking = {
      start: second,
      end: second + HOUR,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    };
    expect(findConflict(booking, nia, 'America/New_York')).toBeNull();
    const late = Date.UTC(2026, 10, 1, 10, 30); // 05:30 EST, ends 06:30
    expect(
      findConflict({ ...booking, start: late, end: late + HOUR }, nia, 'America/New_York')?.reason,
    ).toBe('outside_working_hours');
  });

  it('rejects nonsense input', () => {
    expect(() => findConflict(at(9, 0, 0), ann, tz)).toThrow(RangeError);
    expect(() => findConflict(at(9, 0), ann, 'Not/AZone')).toThrow(RangeError);
    expect(() => computeAvailability(query({ fromDate: '2026-02-30' }))).toThrow(RangeError);
    expect(() => computeAvailability(query({ stepMinutes: 0 }))).toThrow(RangeError);
    expect(() =>
      computeAvailability(
        query({ staff: [staff('ann', [{ weekday: 1, startMinute: 600, endMinute: 600 }])] }),
      ),
    ).toThrow(RangeError);
  });
});
