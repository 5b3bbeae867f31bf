// The reminder loop across restarts and awkward hours: a crash in the middle of a send, days of
// downtime, quiet hours at send time, and demo mode, where nothing leaves the machine.
import { afterEach, describe, expect, it } from 'vitest';
import { createTwilioSmsSender } from '../../main/integrations/sms/twilio.js';
import { london } from '../support/app.js';
import {
  JANE,
  SALON_NUMBER,
  bookJane,
  outboxOf,
  smsSent,
  startMessagingWorld,
  type MessagingWorld,
} from '../support/messaging.js';

let world: MessagingWorld;
afterEach(() => world.dispose());

const WED_10 = london('2026-12-02', '10:00');

describe('after a crash', () => {
  it('marks an SMS Twilio already has as sent without sending it again; resends the email', async () => {
    world = await startMessagingWorld();
    const appointment = bookJane(world, WED_10);
    const [email, sms] = outboxOf(world, appointment.id);
    expect([email!.kind, email!.channel, sms!.kind, sms!.channel]).toEqual([
      'confirmation',
      'email',
      'confirmation',
      'sms',
    ]);
    // What the dispatcher does before a crash: the attempt is recorded, the SMS reaches Twilio,
    // and the process dies before the result is written.
    const attempt = { status: 'sending' as const, attempts: 1, lastAttemptAt: world.clock.now() };
    world.app.services.outbox.update(sms!.id, attempt);
    world.app.services.outbox.update(email!.id, attempt);
    await createTwilioSmsSender({
      accountSid: world.twilio.accountSid,
      authToken: world.twilio.authToken,
      from: SALON_NUMBER,
      baseUrl: world.twilio.baseUrl,
    }).send({ to: JANE.phone, body: sms!.body, idempotencyKey: sms!.id });
    world.app.close();

    world.clock.advance(3 * 60_000);
    const app = world.reopen();
    expect(await app.reminderLoop.start()).toEqual({ sms: 1, email: 1 });
    await app.reminderLoop.idle();

    const posts = world.twilio.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(smsSent(world)).toHaveLength(1);
    const rows = outboxOf(world, appointment.id);
    const recovered = rows.find((r) => r.id === sms!.id)!;
    expect(recovered).toMatchObject({ status: 'sent', providerId: smsSent(world)[0]!.sid });
    // Email has no "did it arrive?" question: resent, with the Message-ID of the first try.
    expect(world.smtp.received.map((r) => r.parsed.messageId)).toEqual([
      `<${email!.id}@salon.example>`,
    ]);
    expect(app.reminderLoop.stats).toEqual({ smsFoundAlreadySent: 1, emailUnknownOutcomes: 1 });
  });

  it('resends an SMS left in sending that never reached Twilio', async () => {
    world = await startMessagingWorld();
    const appointment = bookJane(world, WED_10);
    const sms = outboxOf(world, appointment.id).find((r) => r.channel === 'sms')!;
    world.app.services.outbox.update(sms.id, {
      status: 'sending',
      attempts: 1,
      lastAttemptAt: world.clock.now(),
    });
    world.app.close();
    const app = world.reopen();
    await app.reminderLoop.start();
    await app.reminderLoop.idle();
    expect(smsSent(world).map((m) => m.body)).toEqual([sms.body]);
    expect(outboxOf(world, appointment.id).find((r) => r.id === sms.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });
});

describe('catching up after downtime', () => {
  it('sends the latest reminder still useful and drops those for appointments already started', async () => {
    world = await startMessagingWorld();
    await world.app.reminderLoop.start();
    const later = bookJane(world, WED_10);
    const started = bookJane(world, london('2026-12-02', '09:00'), world.salon.bob);
    await world.app.reminderLoop.idle();
    expect(smsSent(world)).toHaveLength(2); // the two confirmations
    await world.app.reminderLoop.stop();
    world.app.close();

    // Closed from Monday until Wednesday 09:30.
    world.clock.set(london('2026-12-02', '09:30'));
    const app = world.reopen();
    await app.reminderLoop.start();
    await app.reminderLoop.idle();

    const reasons = (id: string) =>
      outboxOf(world, id)
        .filter((r) => r.kind === 'reminder')
        .map((r) => [r.channel, r.dueAt, r.status, r.cancelReason]);
    expect(reasons(later.id)).toEqual([
      ['email', london('2026-12-01', '10:00'), 'cancelled', 'superseded'],
      ['sms', london('2026-12-01', '10:00'), 'cancelled', 'superseded'],
      ['email', london('2026-12-02', '08:00'), 'sent', null],
      ['sms', london('2026-12-02', '08:00'), 'sent', null],
    ]);
    expect(reasons(started.id).map((r) => r.slice(2))).toEqual(
      Array(4).fill(['cancelled', 'expired']),
    );
    expect(smsSent(world)).toHaveLength(3);
    expect(smsSent(world)[2]!.body).toContain('Wed 2 Dec, 10:00');
  });
});

describe('quiet hours at send time', () => {
  it('holds a row that falls due inside them until they end', async () => {
    world = await startMessagingWorld();
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10);
    await world.app.reminderLoop.idle();
    // The business moves its quiet hours after the reminders were planned: 09:00–11:00.
    world.app.services.messagingSettings.update({
      quietHours: { startMinute: 9 * 60, endMinute: 11 * 60 },
    });
    await world.advanceTo(london('2026-12-01', '10:30'));
    const smsReminder = () =>
      outboxOf(world, appointment.id).find((r) => r.kind === 'reminder' && r.channel === 'sms')!;
    expect(smsReminder()).toMatchObject({
      status: 'planned',
      dueAt: london('2026-12-01', '11:00'),
      attempts: 0,
    });
    expect(smsSent(world)).toHaveLength(1);
    await world.advanceTo(london('2026-12-01', '11:00'));
    expect(smsReminder()).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smsSent(world).at(-1)!.dateCreated).toBe(london('2026-12-01', '11:00'));
  });
});

describe('demo mode', () => {
  it('records every message in the outbox, marked demo, and sends nothing anywhere', async () => {
    world = await startMessagingWorld({ demo: true });
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10);
    await world.advanceTo(london('2026-12-05', '12:00'));

    expect(world.twilio.requests).toHaveLength(0);
    expect(world.smtp.received).toHaveLength(0);
    const listed = await world.desk.call('outbox.list', {
      appointmentId: appointment.id,
      channel: 'sms',
    });
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    const outbox = listed.value;
    expect(outbox.total).toBe(3);
    expect(
      outbox.messages.map((m) => [m.kind, m.status, m.demo, m.providerId?.slice(0, 5)]),
    ).toEqual([
      ['reminder', 'sent', true, 'demo_'],
      ['reminder', 'sent', true, 'demo_'],
      ['confirmation', 'sent', true, 'demo_'],
    ]);
    expect(world.events.filter((e) => e.name === 'reminders.sent')).toHaveLength(6);
  });

  it('lists the outbox by status, channel and customer, a page at a time', async () => {
    world = await startMessagingWorld({ demo: true });
    const appointment = bookJane(world, WED_10);
    const page = await world.desk.call('outbox.list', {
      customerId: appointment.customerId,
      status: 'planned',
      limit: 4,
      offset: 4,
    });
    expect(page).toMatchObject({ ok: true, value: { total: 6 } });
    if (page.ok) expect(page.value.messages).toHaveLength(2);
    const none = await world.desk.call('outbox.list', { status: 'failed' });
    expect(none).toMatchObject({ ok: true, value: { total: 0, messages: [] } });
    const bad = await world.desk.callUnchecked('outbox.list', { status: 'lost' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('stops idempotently, waiting for the batch in flight, and sends nothing afterwards', async () => {
    world = await startMessagingWorld({ demo: true });
    await world.app.reminderLoop.start();
    const appointment = bookJane(world, WED_10); // wakes the loop: a batch is now in flight
    await Promise.all([world.app.reminderLoop.stop(), world.app.reminderLoop.stop()]);
    const statuses = () => outboxOf(world, appointment.id).map((r) => r.status);
    expect(statuses().filter((s) => s === 'sending')).toEqual([]);
    expect(world.timers.armedCount()).toBe(0);

    const before = statuses();
    world.app.reminderLoop.wake();
    await world.app.reminderLoop.start();
    await world.advanceTo(london('2026-12-05', '12:00'));
    expect(statuses()).toEqual(before);
    expect(statuses()).toContain('planned');
  });
});
