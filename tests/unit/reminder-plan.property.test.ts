import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  planAppointmentMessages,
  planCancellation,
  reachableChannels,
  replanAfterReschedule,
  type AppointmentForMessages,
  type MessagingSettings,
  type Recipient,
  type ReminderOffset,
} from '../../main/domain/reminder-plan.js';
import { planFollowUps } from '../../main/domain/follow-ups.js';
import { isInQuietHours } from '../../main/domain/quiet-hours.js';
import { isTransactional, type PlannedMessage } from '../../main/domain/message-kinds.js';
import { appointmentStatuses } from '../../main/domain/appointment-status.js';
import { addDaysToLocalDate, startOfLocalDay } from '../../main/domain/time.js';

const MIN = 60_000;

// Zones and dates chosen so that many generated periods contain a DST change (Lord Howe moves
// by 30 minutes, Santiago at midnight).
const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
];
const DATES = ['2026-10-25', '2026-03-29', '2026-11-01', '2026-03-08', '2026-04-05', '2026-09-06'];

const settingsArb: fc.Arbitrary<MessagingSettings> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  quietHours: fc.oneof(
    fc.constant({ startMinute: 21 * 60, endMinute: 8 * 60 }),
    fc.record({
      startMinute: fc.integer({ min: 0, max: 1439 }),
      endMinute: fc.integer({ min: 0, max: 1439 }),
    }),
  ),
  minimumLeadMinutes: fc.integer({ min: 0, max: 180 }),
});

const recipientArb: fc.Arbitrary<Recipient> = fc.record({
  phone: fc.option(fc.constant('+447700900123')),
  email: fc.option(fc.constant('ada@example.com')),
  smsConsent: fc.boolean(),
  emailConsent: fc.boolean(),
});

const scheduleArb: fc.Arbitrary<ReminderOffset[]> = fc.array(
  fc.record({
    channel: fc.constantFrom('sms' as const, 'email' as const),
    offsetMinutes: fc.oneof(
      fc.constantFrom(15, 60, 120, 180, 24 * 60, 48 * 60),
      fc.integer({ min: 1, max: 4 * 1440 }),
    ),
  }),
  { maxLength: 8 },
);

/** A booking around a DST change: start, when it was booked, and when we plan. */
const caseArb = fc
  .record({
    settings: settingsArb,
    recipient: recipientArb,
    schedule: scheduleArb,
    date: fc
      .tuple(fc.constantFrom(...DATES), fc.integer({ min: -1, max: 2 }))
      .map(([d, k]) => addDaysToLocalDate(d, k)),
    startMinute: fc.integer({ min: 0, max: 1439 }),
    durationMinutes: fc.integer({ min: 5, max: 240 }),
    bookedBeforeMinutes: fc.integer({ min: -60, max: 4 * 1440 }),
    nowAfterBookingMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600 })),
    status: fc.oneof(
      { weight: 5, arbitrary: fc.constant('confirmed' as const) },
      { weight: 1, arbitrary: fc.constantFrom(...appointmentStatuses) },
    ),
  })
  .map((c) => {
    const start = startOfLocalDay(c.date, c.settings.timeZone) + c.startMinute * MIN;
    const appointment: AppointmentForMessages = {
      id: 'apt_1',
      start,
      end: start + c.durationMinutes * MIN,
      status: c.status,
    };
    const bookedAt = start - c.bookedBeforeMinutes * MIN;
    return { ...c, appointment, bookedAt, now: bookedAt + c.nowAfterBookingMinutes * MIN };
  });

const cases = caseArb;

function quiet(m: PlannedMessage, s: MessagingSettings): boolean {
  return isInQuietHours(m.dueAt, s.quietHours, s.timeZone);
}

function expectUniqueKeys(messages: PlannedMessage[]) {
  expect(new Set(messages.map((m) => m.dedupeKey)).size).toBe(messages.length);
}

/** Quiet-hours rule shared by every booking message: the one exception is news sent at once. */
function expectQuietHoursRespected(messages: PlannedMessage[], s: MessagingSettings, from: number) {
  for (const m of messages) {
    if (!quiet(m, s)) continue;
    expect(isTransactional(m.kind)).toBe(true);
    expect(m.dueAt).toBe(from);
  }
}

describe('booking plan properties', () => {
  it('confirms on every reachable channel, reminds only between now and the start, never in quiet hours', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const plan = planAppointmentMessages(c);
        const from = Math.max(c.bookedAt, c.now);
        const channels = reachableChannels(c.recipient);
        const live = c.appointment.status === 'confirmed' && c.appointment.start > from;

        expectUniqueKeys(plan);
        expectQuietHoursRespected(plan, c.settings, from);
        for (const channel of ['sms', 'email'] as const) {
          const confirmations = plan.filter(
            (m) => m.kind === 'confirmation' && m.channel === channel,
          );
          expect(confirmations.length).toBe(live && channels.includes(channel) ? 1 : 0);
        }
        for (const m of plan) {
          expect(channels).toContain(m.channel);
          expect(m.dueAt).toBeGreaterThanOrEqual(c.now);
          expect(m.dueAt).toBeGreaterThanOrEqual(c.bookedAt);
          expect(['confirmation', 'reminder']).toContain(m.kind);
          if (m.kind !== 'reminder') continue;
          expect(m.dueAt).toBeLessThan(c.appointment.start);
          expect(quiet(m, c.settings)).toBe(false);
          const confirmation = plan.find(
            (x) => x.kind === 'confirmation' && x.channel === m.channel,
          );
          expect(m.dueAt).toBeGreaterThan(confirmation!.dueAt);
          expect(c.schedule).toContainEqual({ channel: m.channel, offsetMinutes: m.offsetMinutes });
        }
      }),
      { numRuns: 400 },
    );
  });

  // Two reminders on one moment are one message (the closer offset names it), hence no offset.
  it('keeps every reminder that needs no moving at exactly its offset', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const plan = planAppointmentMessages(c);
        const from = Math.max(c.bookedAt, c.now);
        if (c.appointment.status !== 'confirmed' || c.appointment.start <= from) return;
        for (const entry of c.schedule) {
          const confirmation = plan.find(
            (x) => x.kind === 'confirmation' && x.channel === entry.channel,
          );
          if (!confirmation) continue;
          const wanted = c.appointment.start - entry.offsetMinutes * MIN;
          if (wanted < from || wanted <= confirmation.dueAt) continue;
          if (isInQuietHours(wanted, c.settings.quietHours, c.settings.timeZone)) continue;
          expect(plan).toContainEqual(
            expect.objectContaining({
              kind: 'reminder',
              channel: entry.channel,
              dueAt: wanted,
            }),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the schedule', () => {
    fc.assert(
      fc.property(cases, fc.integer(), (c, seed) => {
        const shuffled = [...c.schedule].sort(
          (a, b) => ((a.offsetMinutes * 31 + seed) % 7) - ((b.offsetMinutes * 31 + seed) % 7),
        );
        expect(planAppointmentMessages({ ...c, schedule: shuffled })).toEqual(
          planAppointmentMessages(c),
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('reschedule and cancel properties', () => {
  it('after a move: exactly one "rescheduled" per channel, no new confirmation, old rows cancelled', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 60, max: 5 * 1440 }), (c, moveByMinutes) => {
        const original = planAppointmentMessages(c);
        const moved = { ...c.appointment, start: c.appointment.start + moveByMinutes * MIN };
        const replan = replanAfterReschedule({
          ...c,
          appointment: moved,
          revision: 1,
          pending: original,
        });
        const from = Math.max(c.bookedAt, c.now);
        const live = moved.status === 'confirmed' && moved.start > from;
        for (const channel of ['sms', 'email'] as const) {
          const count = replan.plan.filter(
            (m) => m.kind === 'rescheduled' && m.channel === channel,
          );
          expect(count.length).toBe(
            live && reachableChannels(c.recipient).includes(channel) ? 1 : 0,
          );
        }
        expect(replan.plan.some((m) => m.kind === 'confirmation')).toBe(false);
        expect(replan.cancel.sort()).toEqual(original.map((m) => m.dedupeKey).sort());
        const oldKeys = new Set(original.map((m) => m.dedupeKey));
        expect(replan.plan.some((m) => oldKeys.has(m.dedupeKey))).toBe(false);
        expectUniqueKeys(replan.plan);
        expectQuietHoursRespected(replan.plan, c.settings, from);
        for (const m of replan.plan) {
          expect(m.dueAt).toBeGreaterThanOrEqual(c.now);
          if (m.kind === 'reminder') expect(m.dueAt).toBeLessThan(moved.start);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('after a cancel: everything pending cancelled, one cancellation per channel if it was confirmed', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const pending = planAppointmentMessages(c);
        const result = planCancellation({
          ...c,
          appointment: { ...c.appointment, status: 'cancelled' },
          previousStatus: c.appointment.status,
          pending,
        });
        expect(result.cancel.sort()).toEqual(pending.map((m) => m.dedupeKey).sort());
        const tell = c.appointment.status === 'confirmed' && c.appointment.start > c.now;
        expect(result.plan.map((m) => m.channel)).toEqual(
          tell ? reachableChannels(c.recipient) : [],
        );
        expectQuietHoursRespected(result.plan, c.settings, c.now);
        for (const m of result.plan) {
          expect(m.kind).toBe('cancellation');
          expect(m.dueAt).toBeGreaterThanOrEqual(c.now);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('follow-up properties', () => {
  it('one channel, never in quiet hours, never before now, no nudge when already rebooked', () => {
    fc.assert(
      fc.property(
        cases,
        fc.option(fc.integer({ min: 1, max: 120 })),
        fc.boolean(),
        fc.integer({ min: -600, max: 3000 }),
        (c, rebookingIntervalDays, hasFutureBooking, nowAfterEnd) => {
          const now = c.appointment.end + nowAfterEnd * MIN;
          const plan = planFollowUps({ ...c, rebookingIntervalDays, hasFutureBooking, now });
          expectUniqueKeys(plan);
          expect(new Set(plan.map((m) => m.channel)).size).toBeLessThanOrEqual(1);
          for (const m of plan) {
            expect(reachableChannels(c.recipient)).toContain(m.channel);
            expect(m.dueAt).toBeGreaterThanOrEqual(now);
            expect(quiet(m, c.settings)).toBe(false);
          }
          const kinds = plan.map((m) => m.kind).sort();
          const reachable = reachableChannels(c.recipient).length > 0;
          if (!reachable) expect(kinds).toEqual([]);
          else if (c.appointment.status === 'completed') {
            const nudge = rebookingIntervalDays !== null && !hasFutureBooking;
            expect(kinds).toEqual(nudge ? ['rebook', 'thank_you'] : ['thank_you']);
          } else if (c.appointment.status === 'no_show') expect(kinds).toEqual(['no_show']);
          else expect(kinds).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
