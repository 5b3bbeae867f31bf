import { describe, it, expect } from 'vitest';
import {
  DEFAULT_QUIET_HOURS,
  DEFAULT_REMINDER_SCHEDULE,
  planAppointmentMessages,
  planCancellation,
  replanAfterReschedule,
  validateReminderSchedule,
  type MessagingSettings,
  type Recipient,
} from '../../main/domain/reminder-plan.js';
import { isStillUseful, planFollowUps } from '../../main/domain/follow-ups.js';
import type { PlannedMessage } from '../../main/domain/message-kinds.js';
import { localTimeToUtc } from '../../main/domain/time.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const LONDON: MessagingSettings = { timeZone: 'Europe/London', quietHours: DEFAULT_QUIET_HOURS };
const BOTH: Recipient = {
  phone: '+447700900123',
  email: 'ada@example.com',
  smsConsent: true,
  emailConsent: true,
};

/** An instant from a London wall-clock reading, e.g. at('2026-10-25', '08:00'). */
function at(date: string, time: string): number {
  const [h, m] = time.split(':').map(Number);
  const ms = localTimeToUtc(date, h! * 60 + m!, 'Europe/London');
  if (ms === null) throw new Error(`${date} ${time} does not exist in London`);
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** "kind channel due" lines, easy to read in a failing diff. */
function summary(plan: PlannedMessage[]): string[] {
  return plan.map(
    (m) =>
      `${m.kind}${m.offsetMinutes === null ? '' : `(${m.offsetMinutes / 60}h)`} ${m.channel} ${iso(m.dueAt)}`,
  );
}

function plan(start: number, bookedAt: number, recipient = BOTH) {
  return planAppointmentMessages({
    appointment: { id: 'apt_1', start, end: start + HOUR, status: 'confirmed' },
    recipient,
    settings: LONDON,
    schedule: DEFAULT_REMINDER_SCHEDULE,
    bookedAt,
    now: bookedAt,
  });
}

describe('planning a booking', () => {
  it('confirms at once and reminds 24 h and 2 h before on both channels', () => {
    const start = at('2026-12-01', '14:00');
    expect(summary(plan(start, at('2026-11-20', '12:00')))).toEqual([
      'confirmation email 2026-11-20T12:00:00.000Z',
      'confirmation sms 2026-11-20T12:00:00.000Z',
      'reminder(24h) email 2026-11-30T14:00:00.000Z',
      'reminder(24h) sms 2026-11-30T14:00:00.000Z',
      'reminder(2h) email 2026-12-01T12:00:00.000Z',
      'reminder(2h) sms 2026-12-01T12:00:00.000Z',
    ]);
  });

  it('booked 90 minutes ahead: a confirmation, but no 2-hour reminder', () => {
    const start = at('2026-12-01', '14:00');
    expect(summary(plan(start, start - 90 * MIN))).toEqual([
      'confirmation email 2026-12-01T12:30:00.000Z',
      'confirmation sms 2026-12-01T12:30:00.000Z',
    ]);
  });

  it('plans only on channels the customer consented to', () => {
    const start = at('2026-12-01', '14:00');
    const noSms = plan(start, at('2026-11-20', '12:00'), { ...BOTH, smsConsent: false });
    expect(new Set(noSms.map((m) => m.channel))).toEqual(new Set(['email']));
    const nothing = plan(start, at('2026-11-20', '12:00'), {
      ...BOTH,
      smsConsent: false,
      emailConsent: false,
    });
    expect(nothing).toEqual([]);
  });

  it('plans nothing for a deposit hold, a past appointment, or a bad schedule', () => {
    const start = at('2026-12-01', '14:00');
    const base = {
      appointment: { id: 'apt_1', start, end: start + HOUR, status: 'pending_payment' as const },
      recipient: BOTH,
      settings: LONDON,
      schedule: DEFAULT_REMINDER_SCHEDULE,
      bookedAt: at('2026-11-20', '12:00'),
      now: at('2026-11-20', '12:00'),
    };
    expect(planAppointmentMessages(base)).toEqual([]);
    const confirmed = { ...base.appointment, status: 'confirmed' as const };
    expect(planAppointmentMessages({ ...base, appointment: confirmed, now: start + MIN })).toEqual(
      [],
    );
    expect(validateReminderSchedule([{ channel: 'sms', offsetMinutes: 0 }])).toHaveLength(1);
    expect(() =>
      planAppointmentMessages({
        ...base,
        appointment: confirmed,
        schedule: [{ channel: 'sms', offsetMinutes: -5 }],
      }),
    ).toThrow(RangeError);
  });
});

describe('quiet hours across the London clock change (Sun 25 Oct 2026, 02:00 BST → 01:00 GMT)', () => {
  it('counts "24 h before" in elapsed hours: 11:00 BST on Saturday for 10:00 GMT on Sunday', () => {
    const start = at('2026-10-25', '10:00');
    expect(iso(start)).toBe('2026-10-25T10:00:00.000Z');
    const reminders = plan(start, at('2026-10-20', '12:00')).filter((m) => m.kind === 'reminder');
    expect(summary(reminders.filter((m) => m.channel === 'sms'))).toEqual([
      'reminder(24h) sms 2026-10-24T10:00:00.000Z', // 11:00 BST
      'reminder(2h) sms 2026-10-25T08:00:00.000Z', // 08:00 GMT: the edge is allowed
    ]);
  });

  it('moves a 2-hour reminder due at 07:00 to the end of quiet hours, 08:00 GMT', () => {
    const start = at('2026-10-25', '09:00');
    const twoHour = plan(start, at('2026-10-20', '12:00')).filter((m) => m.offsetMinutes === 120);
    expect(twoHour.map((m) => iso(m.dueAt))).toEqual([
      '2026-10-25T08:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ]);
  });

  it('holds a confirmation booked at 22:00 BST until 08:00 GMT: a quiet night of 11 real hours', () => {
    const bookedAt = at('2026-10-24', '22:00');
    const confirmations = plan(at('2026-10-26', '10:00'), bookedAt).filter(
      (m) => m.kind === 'confirmation',
    );
    expect(confirmations.map((m) => iso(m.dueAt))).toEqual([
      '2026-10-25T08:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ]);
    expect(confirmations[0]!.dueAt - bookedAt).toBe(11 * HOUR);
  });

  it('sends the reminder the evening before (20:59 BST) when 08:00 would be too close to the start', () => {
    const start = at('2026-10-25', '08:15');
    expect(
      summary(plan(start, at('2026-10-20', '12:00')).filter((m) => m.channel === 'sms')),
    ).toEqual([
      'confirmation sms 2026-10-20T11:00:00.000Z',
      'reminder(24h) sms 2026-10-24T08:15:00.000Z', // 09:15 BST
      'reminder(2h) sms 2026-10-24T19:59:00.000Z', // 20:59 BST
    ]);
  });

  it('booked inside quiet hours for early next morning: confirms at once, drops the reminder', () => {
    const bookedAt = at('2026-10-24', '21:30');
    expect(summary(plan(at('2026-10-25', '08:15'), bookedAt))).toEqual([
      'confirmation email 2026-10-24T20:30:00.000Z',
      'confirmation sms 2026-10-24T20:30:00.000Z',
    ]);
  });

  it('in spring (Sun 29 Mar 2026, 01:00 GMT → 02:00 BST) the 07:00 BST reminder moves to 08:00 BST', () => {
    const start = at('2026-03-29', '09:00');
    expect(iso(start)).toBe('2026-03-29T08:00:00.000Z');
    const sms = plan(start, at('2026-03-20', '12:00')).filter((m) => m.channel === 'sms');
    expect(summary(sms).slice(1)).toEqual([
      'reminder(24h) sms 2026-03-28T08:00:00.000Z', // 08:00 GMT
      'reminder(2h) sms 2026-03-29T07:00:00.000Z', // 08:00 BST
    ]);
  });

  it('handles a quiet window that does not wrap midnight (13:00–14:00)', () => {
    const start = at('2026-12-01', '15:30');
    const result = planAppointmentMessages({
      appointment: { id: 'apt_1', start, end: start + HOUR, status: 'confirmed' },
      recipient: { ...BOTH, email: null },
      settings: { ...LONDON, quietHours: { startMinute: 13 * 60, endMinute: 14 * 60 } },
      schedule: [{ channel: 'sms', offsetMinutes: 120 }],
      bookedAt: at('2026-11-30', '09:00'),
      now: at('2026-11-30', '09:00'),
    });
    expect(summary(result)[1]).toBe('reminder(2h) sms 2026-12-01T14:00:00.000Z');
  });
});

describe('reschedule and cancel', () => {
  const start = at('2026-12-01', '14:00');
  const bookedAt = at('2026-11-20', '12:00');
  const original = plan(start, bookedAt);

  it('tells the customer the new time once per channel and re-plans the reminders', () => {
    const now = at('2026-11-25', '10:00');
    const newStart = at('2026-12-03', '11:00');
    const result = replanAfterReschedule({
      appointment: { id: 'apt_1', start: newStart, end: newStart + HOUR, status: 'confirmed' },
      recipient: BOTH,
      settings: LONDON,
      schedule: DEFAULT_REMINDER_SCHEDULE,
      bookedAt: now,
      now,
      revision: 1,
      pending: original.filter((m) => m.kind === 'reminder'),
    });
    expect(result.cancel).toHaveLength(4);
    expect(summary(result.plan)).toEqual([
      'rescheduled email 2026-11-25T10:00:00.000Z',
      'rescheduled sms 2026-11-25T10:00:00.000Z',
      'reminder(24h) email 2026-12-02T11:00:00.000Z',
      'reminder(24h) sms 2026-12-02T11:00:00.000Z',
      'reminder(2h) email 2026-12-03T09:00:00.000Z',
      'reminder(2h) sms 2026-12-03T09:00:00.000Z',
    ]);
    expect(result.plan[2]!.dedupeKey).toBe('apt_1:reminder:email:1440m:r1');
  });

  it('cancels everything pending and sends one cancellation per channel', () => {
    const now = at('2026-11-25', '10:00');
    const result = planCancellation({
      appointment: { id: 'apt_1', start, end: start + HOUR, status: 'cancelled' },
      previousStatus: 'confirmed',
      recipient: BOTH,
      settings: LONDON,
      pending: [...original, { appointmentId: 'apt_other', kind: 'reminder', dedupeKey: 'x' }],
      now,
    });
    expect(result.cancel.sort()).toEqual(original.map((m) => m.dedupeKey).sort());
    expect(summary(result.plan)).toEqual([
      'cancellation sms 2026-11-25T10:00:00.000Z',
      'cancellation email 2026-11-25T10:00:00.000Z',
    ]);
    const lapsedHold = planCancellation({
      appointment: { id: 'apt_1', start, end: start + HOUR, status: 'cancelled' },
      previousStatus: 'pending_payment',
      recipient: BOTH,
      settings: LONDON,
      pending: [],
      now,
    });
    expect(lapsedHold.plan).toEqual([]);
  });
});

describe('follow-ups', () => {
  const start = at('2026-10-20', '18:00');
  const appointment = { id: 'apt_1', start, end: start + 2 * HOUR, status: 'completed' as const };
  const base = {
    appointment,
    recipient: BOTH,
    settings: LONDON,
    rebookingIntervalDays: 42,
    hasFutureBooking: false,
    now: appointment.end,
  };

  it('thanks the next morning after a late visit and nudges at 10:00 after the interval, by email', () => {
    expect(summary(planFollowUps(base))).toEqual([
      'thank_you email 2026-10-21T07:00:00.000Z', // 22:00 is quiet → 08:00 BST
      'rebook email 2026-12-01T10:00:00.000Z', // 42 days on, 10:00 GMT
    ]);
  });

  it('no nudge when the customer already booked again; SMS when there is no email', () => {
    const result = planFollowUps({
      ...base,
      hasFutureBooking: true,
      recipient: { ...BOTH, email: null },
    });
    expect(summary(result)).toEqual(['thank_you sms 2026-10-21T07:00:00.000Z']);
  });

  it('a gentle note after a no-show', () => {
    const noShow = { ...appointment, end: at('2026-10-20', '11:00'), status: 'no_show' as const };
    const result = planFollowUps({ ...base, appointment: noShow, now: at('2026-10-20', '12:00') });
    expect(summary(result)).toEqual(['no_show email 2026-10-20T11:00:00.000Z']);
  });

  it('decides what is still worth sending late', () => {
    const live = { start, end: start + HOUR, status: 'confirmed' as const };
    const ctx = { appointment: live, hasFutureBooking: false };
    expect(isStillUseful('reminder', { ...ctx, now: start - MIN })).toBe(true);
    expect(isStillUseful('reminder', { ...ctx, now: start })).toBe(false);
    expect(isStillUseful('cancellation', { ...ctx, now: start - MIN })).toBe(false);
    const done = { ...live, status: 'completed' as const };
    expect(isStillUseful('thank_you', { ...ctx, appointment: done, now: start + 24 * HOUR })).toBe(
      true,
    );
    expect(
      isStillUseful('thank_you', { ...ctx, appointment: done, now: start + 8 * 24 * HOUR }),
    ).toBe(false);
    expect(isStillUseful('rebook', { ...ctx, hasFutureBooking: true, now: start })).toBe(false);
  });
});
