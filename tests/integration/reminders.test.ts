// The reminder loop end to end: a booking plans its messages, moving the test clock sends each
// one exactly once through the real twilio client and nodemailer to the wire-level fakes, and
// reschedules, cancellations and provider failures change the outbox as the rules say.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SLEEP_MS } from '../../main/messaging/loop.js';
import { london } from '../support/app.js';
import {
  JANE,
  bookJane,
  outboxOf,
  smsSent,
  startMessagingWorld,
  type MessagingWorld,
} from '../support/messaging.js';

const MIN = 60_000;
let world: MessagingWorld;

beforeEach(async () => {
  world = await startMessagingWorld();
});
afterEach(() => world.dispose());

const WED_10 = london('2026-12-02', '10:00');

describe('a booking and its reminders', () => {
  it('plans a confirmation and the 24 h and 2 h reminders per channel, and sends each once', async () => {
    const appointment = bookJane(world, WED_10);
    const planned = outboxOf(world, appointment.id);
    expect(planned.map((m) => [m.kind, m.channel, m.dueAt, m.status])).toEqual([
      ['confirmation', 'email', london('2026-11-30', '08:00'), 'planned'],
      ['confirmation', 'sms', london('2026-11-30', '08:00'), 'planned'],
      ['reminder', 'email', london('2026-12-01', '10:00'), 'planned'],
      ['reminder', 'sms', london('2026-12-01', '10:00'), 'planned'],
      ['reminder', 'email', london('2026-12-02', '08:00'), 'planned'],
      ['reminder', 'sms', london('2026-12-02', '08:00'), 'planned'],
    ]);

    await world.app.reminderLoop.start();
    await world.app.reminderLoop.idle();
    expect(smsSent(world)).toHaveLength(1);
    expect(world.smtp.received).toHaveLength(1);
    // Asleep until the 24 h reminders, not polling.
    expect(world.timers.armedCount()).toBe(1);

    await world.advanceTo(london('2026-12-02', '09:59'));
    await world.advanceTo(london('2026-12-05', '12:00'));
    const sms = smsSent(world);
    expect(sms.map((m) => [m.to, m.dateCreated])).toEqual([
      [JANE.phone, london('2026-11-30', '08:00')],
      [JANE.phone, london('2026-12-01', '10:00')],
      [JANE.phone, london('2026-12-02', '08:00')],
    ]);
    expect(sms[0]!.body).toContain("you're booked at Test Salon: Cut with Alice, Wed 2 Dec, 10:00");
    expect(sms[1]!.body).toMatch(/^Reminder: Cut with Alice at Test Salon, Wed 2 Dec, 10:00\./);
    for (const m of sms) expect(m.body).not.toMatch(/[{}]|Manage:|cancel: $/);

    const mail = world.smtp.received.map((r) => r.parsed);
    expect(mail.map((m) => m.subject)).toEqual([
      'Booking confirmed: Cut, Wed 2 Dec, 10:00',
      'Reminder: Cut, Wed 2 Dec, 10:00',
      'Reminder: Cut, Wed 2 Dec, 10:00',
    ]);
    expect(world.smtp.received.every((r) => r.to.join() === JANE.email)).toBe(true);
    const rows = outboxOf(world, appointment.id);
    expect(mail.map((m) => m.messageId)).toEqual(
      rows.filter((r) => r.channel === 'email').map((r) => `<${r.id}@salon.example>`),
    );
    expect(mail[0]!.html).toContain('<p>Hi Jane,</p>');
    expect(mail[0]!.text).not.toContain('{');

    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && !r.demo)).toBe(true);
    expect(rows.filter((r) => r.channel === 'sms').map((r) => r.providerId)).toEqual(
      sms.map((m) => m.sid),
    );
    const sent = world.events.filter((e) => e.name === 'reminders.sent');
    expect(sent).toHaveLength(6);
    expect(sent[0]!.payload).toMatchObject({
      appointmentId: appointment.id,
      kind: 'confirmation',
      demo: false,
    });
    expect(world.timers.armedCount()).toBe(0);
  });

  it("follows the business's own schedule, kept across a restart, and refuses a bad one", async () => {
    const { messagingSettings } = world.app.services;
    messagingSettings.update({ schedule: [{ channel: 'sms', offsetMinutes: 48 * 60 }] });
    expect(() =>
      messagingSettings.update({ quietHours: { startMinute: 1500, endMinute: 0 } }),
    ).toThrow(/startMinute must be a whole minute/);
    expect(() =>
      messagingSettings.update({ schedule: [{ channel: 'email', offsetMinutes: 0 }] }),
    ).toThrow(/offset must be a whole number/);
    world.app.close();
    const app = world.reopen();
    expect(app.services.messagingSettings.get()).toEqual({
      quietHours: { startMinute: 21 * 60, endMinute: 8 * 60 },
      schedule: [{ channel: 'sms', offsetMinutes: 48 * 60 }],
      minimumLeadMinutes: 30,
    });
    const appointment = bookJane(world, WED_10);
    expect(outboxOf(world, appointment.id).map((m) => [m.kind, m.channel, m.dueAt])).toEqual([
      ['confirmation', 'email', london('2026-11-30', '08:00')],
      ['confirmation', 'sms', london('2026-11-30', '08:00')],
      ['reminder', 'sms', london('2026-11-30', '10:00')],
    ]);
  });

  it('wakes for a booking made while it sleeps, without waiting for the old timer', async () => {
    await world.app.reminderLoop.start();
    expect(world.timers.armedCount()).toBe(0);
    bookJane(world, WED_10);
    await world.app.reminderLoop.idle();
    expect(smsSent(world)).toHaveLength(1);
    // The next row is a day away; the timer looks again after MAX_SLEEP_MS (a laptop may sleep).
    expect(world.timers.nextAt()).toBe(world.clock.now() + MAX_SLEEP_MS);
  });

  it('on reschedule: one "rescheduled" per channel, the old reminders cancelled, new ones sent', async () => {
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10);
    await world.app.reminderLoop.idle();
    await world.advanceTo(london('2026-11-30', '12:00'));
    const THU_11 = london('2026-12-03', '11:00');
    const moved = await world.desk.call('appointments.reschedule', {
      id: appointment.id,
      start: THU_11,
    });
    expect(moved.ok).toBe(true);
    await world.app.reminderLoop.idle();

    const rows = outboxOf(world, appointment.id);
    const cancelled = rows.filter((r) => r.status === 'cancelled');
    expect(cancelled.map((r) => [r.kind, r.cancelReason])).toEqual([
      ['reminder', 'rescheduled'],
      ['reminder', 'rescheduled'],
      ['reminder', 'rescheduled'],
      ['reminder', 'rescheduled'],
    ]);
    const rescheduled = rows.filter((r) => r.kind === 'rescheduled');
    expect(rescheduled.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
    ]);
    expect(rows.filter((r) => r.kind === 'confirmation')).toHaveLength(2);

    await world.advanceTo(london('2026-12-05', '12:00'));
    const bodies = smsSent(world).map((m) => m.body);
    expect(bodies).toHaveLength(4);
    expect(bodies[1]).toContain('has moved to Thu 3 Dec, 11:00');
    expect(bodies.slice(1).join('\n')).not.toContain('Wed 2 Dec');
    expect(world.smtp.received.map((r) => r.parsed.subject)).toEqual([
      'Booking confirmed: Cut, Wed 2 Dec, 10:00',
      'Booking moved: Cut, now Thu 3 Dec, 11:00',
      'Reminder: Cut, Thu 3 Dec, 11:00',
      'Reminder: Cut, Thu 3 Dec, 11:00',
    ]);
  });

  it('on cancel: pending messages cancelled and one cancellation per channel', async () => {
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10);
    await world.app.reminderLoop.idle();
    await world.desk.call('appointments.cancel', { id: appointment.id });
    await world.app.reminderLoop.idle();
    await world.advanceTo(london('2026-12-05', '12:00'));

    const rows = outboxOf(world, appointment.id);
    expect(
      rows.filter((r) => r.kind === 'reminder').map((r) => [r.status, r.cancelReason]),
    ).toEqual(Array(4).fill(['cancelled', 'appointment_cancelled']));
    expect(rows.filter((r) => r.kind === 'cancellation').map((r) => [r.channel, r.status])).toEqual(
      [
        ['email', 'sent'],
        ['sms', 'sent'],
      ],
    );
    expect(smsSent(world).map((m) => m.body.split(',')[1])).toEqual([
      " you're booked at Test Salon: Cut with Alice",
      ' your Cut at Test Salon on Wed 2 Dec',
    ]);
    expect(world.smtp.received).toHaveLength(2);
  });

  it('plans a thank-you after a completed visit, on one channel', async () => {
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, london('2026-11-30', '10:00'));
    await world.advanceTo(london('2026-11-30', '11:30'));
    world.app.services.bookings.complete(appointment.id, 'desk');
    await world.advanceTo(london('2026-11-30', '14:00'));
    const thanks = outboxOf(world, appointment.id).filter((r) => r.kind === 'thank_you');
    expect(thanks.map((r) => [r.channel, r.status, r.dueAt])).toEqual([
      ['email', 'sent', london('2026-11-30', '13:00')],
    ]);
  });
});

describe('provider failures', () => {
  it('retries a transient failure with exponential backoff, then sends it once', async () => {
    world.twilio.failNext({ status: 500 });
    world.twilio.failNext({ status: 429 });
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10);
    await world.app.reminderLoop.idle();
    const confirmation = () =>
      outboxOf(world, appointment.id).find(
        (r) => r.kind === 'confirmation' && r.channel === 'sms',
      )!;
    const booked = world.clock.now();
    expect(confirmation()).toMatchObject({ status: 'planned', attempts: 1, dueAt: booked + MIN });
    expect(confirmation().error).toMatch(/Twilio 500/);

    // The retry first asks Twilio whether the 500 hid a delivery: that list call meets the 429.
    await world.advanceTo(booked + MIN);
    expect(confirmation()).toMatchObject({
      status: 'planned',
      attempts: 2,
      dueAt: booked + 3 * MIN,
    });

    await world.advanceTo(booked + 3 * MIN);
    expect(confirmation()).toMatchObject({ status: 'sent', attempts: 3, error: null });
    expect(smsSent(world)).toHaveLength(1);
    expect(world.smtp.received).toHaveLength(1);
  });

  it('gives up after five attempts and says so', async () => {
    for (let i = 0; i < 9; i++) world.twilio.failNext({ status: 503 });
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10);
    await world.advanceTo(london('2026-11-30', '09:00'));
    const row = outboxOf(world, appointment.id).find(
      (r) => r.kind === 'confirmation' && r.channel === 'sms',
    )!;
    expect(row).toMatchObject({ status: 'failed', attempts: 5 });
    expect(world.events.filter((e) => e.name === 'reminders.failed')).toMatchObject([
      { payload: { messageId: row.id, reason: 'transient' } },
    ]);
  });

  it('fails an invalid number (21211) for good, flags the customer and plans no more SMS', async () => {
    world.twilio.failNext({ status: 400, code: 21211, message: 'Invalid To number' });
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10);
    await world.app.reminderLoop.idle();
    const rows = outboxOf(world, appointment.id);
    expect(rows.filter((r) => r.channel === 'sms').map((r) => [r.kind, r.status])).toEqual([
      ['confirmation', 'failed'],
      ['reminder', 'cancelled'],
      ['reminder', 'cancelled'],
    ]);
    const customer = world.app.services.customers.row(appointment.customerId);
    expect(customer.phoneInvalidAt).toBe(world.clock.now());
    expect(world.events.find((e) => e.name === 'reminders.failed')?.payload).toMatchObject({
      reason: 'invalid_number',
      channel: 'sms',
    });

    const second = bookJane(world, london('2026-12-04', '10:00'));
    expect(outboxOf(world, second.id).map((r) => r.channel)).not.toContain('sms');
    await world.advanceTo(london('2026-12-05', '12:00'));
    expect(smsSent(world)).toHaveLength(0);
    expect(world.smtp.received.length).toBeGreaterThan(0);
  });

  it('turns SMS consent off when the customer has unsubscribed (21610)', async () => {
    world.twilio.unsubscribe(JANE.phone);
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10);
    await world.app.reminderLoop.idle();
    expect(world.app.services.customers.get(appointment.customerId).smsConsent).toBe(false);
    expect(
      outboxOf(world, appointment.id)
        .filter((r) => r.channel === 'sms')
        .map((r) => r.status),
    ).toEqual(['failed', 'cancelled', 'cancelled']);
  });

  it('pauses SMS when Twilio refuses our credentials, keeping the row for later', async () => {
    world.twilio.failNext({ status: 401, code: 20003, message: 'Authenticate' });
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10);
    await world.app.reminderLoop.idle();
    const sms = () =>
      outboxOf(world, appointment.id).find(
        (r) => r.kind === 'confirmation' && r.channel === 'sms',
      )!;
    expect(sms().status).toBe('planned');
    expect(world.events.find((e) => e.name === 'reminders.failed')?.payload).toMatchObject({
      reason: 'auth',
    });
    // Email carries on; SMS waits for the desk.
    await world.advanceTo(london('2026-12-01', '10:30'));
    expect(smsSent(world)).toHaveLength(0);
    expect(world.smtp.received).toHaveLength(2);
    world.app.reminderLoop.resume('sms');
    await world.app.reminderLoop.idle();
    expect(sms().status).toBe('sent');
  });
});
