// What the messages carry: the .ics on booking emails (one UID, SEQUENCE up on every change,
// METHOD:CANCEL on cancel) received by the real SMTP server, the manage and rebooking links built
// from the public base URL, the business's own templates, per-service reminder schedules, and the
// startup pass that plans appointments left without messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { london } from '../support/app.js';
import {
  JANE,
  bookJane,
  outboxOf,
  startMessagingWorld,
  type MessagingWorld,
} from '../support/messaging.js';
import type { RpcClient } from '../support/rpc.js';
import { messages } from '../../db/schema.js';

let world: MessagingWorld;

beforeEach(async () => {
  world = await startMessagingWorld();
});
afterEach(() => world.dispose());

const WED_10 = london('2026-12-02', '10:00');
const THU_11 = london('2026-12-03', '11:00');
const BASE = 'https://book.salon.example';

function calendarOf(mail: ParsedMail): string | null {
  const ics = mail.attachments.find((a) => /calendar/.test(a.contentType));
  return ics ? ics.content.toString('utf8').replace(/\r\n[ \t]/g, '') : null;
}

const field = (ics: string, name: string) =>
  new RegExp(`^${name}(?:;[^:]*)?:(.*)$`, 'm').exec(ics)?.[1]?.trim();

describe('the .ics on booking emails', () => {
  it('keeps one UID, raises SEQUENCE on the move and the cancel, and cancels with METHOD:CANCEL', async () => {
    const appointment = bookJane(world, WED_10);
    await world.app.reminderLoop.start();
    await world.app.reminderLoop.idle();
    const dispatch = world.desk.call;
    expect(
      await dispatch('appointments.reschedule', { id: appointment.id, start: THU_11 }),
    ).toMatchObject({ ok: true });
    await world.app.reminderLoop.idle();
    expect(await dispatch('appointments.cancel', { id: appointment.id })).toMatchObject({
      ok: true,
    });
    await world.app.reminderLoop.idle();

    const mail = world.smtp.received.map((r) => r.parsed);
    expect(mail.map((m) => m.subject)).toEqual([
      'Booking confirmed: Cut, Wed 2 Dec, 10:00',
      'Booking moved: Cut, now Thu 3 Dec, 11:00',
      'Booking cancelled: Cut, Thu 3 Dec, 11:00',
    ]);
    const [booked, moved, cancelled] = mail.map((m) => calendarOf(m)!);
    for (const ics of [booked!, moved!, cancelled!]) {
      expect(field(ics, 'UID')).toBe(`${appointment.id}@bookingsync`);
    }
    expect([booked!, moved!, cancelled!].map((ics) => field(ics, 'SEQUENCE'))).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect([booked!, moved!, cancelled!].map((ics) => field(ics, 'METHOD'))).toEqual([
      'REQUEST',
      'REQUEST',
      'CANCEL',
    ]);
    expect(field(moved!, 'DTSTART')).toBe('20261203T110000Z');
    expect(field(cancelled!, 'STATUS')).toBe('CANCELLED');
    expect(field(booked!, 'ATTENDEE')?.toLowerCase()).toContain(`mailto:${JANE.email}`);
  });

  it('sends reminders without an .ics', async () => {
    bookJane(world, WED_10);
    await world.app.reminderLoop.start();
    await world.advanceTo(london('2026-12-01', '10:01'));
    const reminder = world.smtp.received.at(-1)!.parsed;
    expect(reminder.subject).toMatch(/^Reminder:/);
    expect(calendarOf(reminder)).toBeNull();
  });
});

describe('links in messages', () => {
  it('carries the manage link of the booking, through a reschedule, and a rebooking link', async () => {
    world.app.services.connections.update({ publicBaseUrl: `${BASE}/` });
    const made = world.app.services.bookings.create({
      serviceId: world.salon.cut,
      staffId: world.salon.alice,
      start: WED_10,
      customer: JANE,
      smsConsent: true,
      source: 'widget',
      actor: 'customer',
    });
    const link = `${BASE}/book/manage/${made.manageToken}`;
    const first = outboxOf(world, made.appointment.id);
    expect(first.length).toBeGreaterThan(0);
    for (const m of first) expect(m.body).toContain(link);

    world.app.services.bookings.reschedule({ id: made.appointment.id, start: THU_11 }, 'desk');
    const moved = outboxOf(world, made.appointment.id).filter(
      (m) => m.kind === 'rescheduled' || (m.kind === 'reminder' && m.status === 'planned'),
    );
    expect(moved.length).toBeGreaterThan(0);
    for (const m of moved) expect(m.body).toContain(link);

    world.app.services.bookings.cancel(made.appointment.id, 'desk');
    const cancellation = outboxOf(world, made.appointment.id).filter(
      (m) => m.kind === 'cancellation',
    );
    expect(cancellation.map((m) => m.body)).toEqual([
      expect.stringContaining(`${BASE}/book?service=${world.salon.cut}`),
      expect.stringContaining(`${BASE}/book?service=${world.salon.cut}`),
    ]);
  });

  it('leaves the link lines out cleanly without a public base URL', () => {
    const appointment = bookJane(world, WED_10);
    world.app.services.bookings.cancel(appointment.id, 'desk');
    for (const m of outboxOf(world, appointment.id)) {
      expect(m.body).not.toMatch(/undefined|null|\/book|\{|Manage:|cancel: *$|\n\n\n/);
    }
  });
});

describe('templates', () => {
  // world is made in beforeEach, after this describe's body has run.
  const dispatch: RpcClient['call'] = (channel, input) => world.desk.call(channel, input);

  it('refuses an unknown placeholder, naming it, and saves nothing', async () => {
    const refused = await dispatch('templates.save', {
      kind: 'reminder',
      channel: 'sms',
      body: 'See you {start_local} for your {servcie}',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { fields: [{ field: 'body', message: expect.stringContaining('{servcie}') }] },
      },
    });
    const subject = await dispatch('templates.save', {
      kind: 'reminder',
      channel: 'email',
      subject: 'Hello {name}',
      body: 'Hi',
    });
    expect(subject).toMatchObject({
      ok: false,
      error: {
        details: { fields: [{ field: 'subject', message: expect.stringContaining('{name}') }] },
      },
    });
    const listed = world.app.services.templates.list();
    expect(listed.every((t) => t.isDefault)).toBe(true);
  });

  it('plans with the saved wording, previews with a real appointment, and resets to the default', async () => {
    const saved = await dispatch('templates.save', {
      kind: 'confirmation',
      channel: 'sms',
      body: 'Booked, {customer_first_name}: {service} on {start_local}.',
    });
    expect(saved).toMatchObject({ ok: true, value: { isDefault: false } });
    const appointment = bookJane(world, WED_10);
    const sms = outboxOf(world, appointment.id).find(
      (m) => m.kind === 'confirmation' && m.channel === 'sms',
    );
    expect(sms?.body).toBe('Booked, Jane: Cut on Wed 2 Dec, 10:00.');

    const preview = await dispatch('templates.preview', {
      kind: 'reminder',
      channel: 'sms',
      body: 'Hi {customer_name}, {service} with {staff} at {start_local}',
    });
    expect(preview).toEqual({
      ok: true,
      value: {
        subject: null,
        body: 'Hi Jane Doe, Cut with Alice at Wed 2 Dec, 10:00',
        appointmentId: appointment.id,
        segments: 1,
      },
    });
    const bad = await dispatch('templates.preview', {
      kind: 'reminder',
      channel: 'sms',
      body: '{oops}',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const reset = await dispatch('templates.reset', { kind: 'confirmation', channel: 'sms' });
    expect(reset).toMatchObject({ ok: true, value: { isDefault: true } });
  });
});

describe('reminder schedules', () => {
  it('uses the service own schedule over the business one', () => {
    world.app.services.catalog.updateService({
      id: world.salon.cut,
      reminderSchedule: [{ channel: 'sms', offsetMinutes: 60 }],
    });
    const appointment = bookJane(world, WED_10);
    const reminders = outboxOf(world, appointment.id).filter((m) => m.kind === 'reminder');
    expect(reminders.map((m) => [m.channel, m.dueAt])).toEqual([
      ['sms', london('2026-12-02', '09:00')],
    ]);
  });

  it('reads and updates the business reminder settings over the contract, naming a bad field', async () => {
    const dispatch = world.desk.call;
    const updated = await dispatch('reminderSettings.update', {
      schedule: [{ channel: 'email', offsetMinutes: 48 * 60 }],
      minimumLeadMinutes: 15,
    });
    expect(updated).toMatchObject({ ok: true, value: { minimumLeadMinutes: 15 } });
    expect(await dispatch('reminderSettings.get', {})).toMatchObject({
      ok: true,
      value: {
        schedule: [{ channel: 'email', offsetMinutes: 2880 }],
        quietHours: { startMinute: 1260 },
      },
    });
    const bad = await dispatch('reminderSettings.update', {
      quietHours: { startMinute: 2000, endMinute: 0 },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'quietHours.startMinute' }] } },
    });
  });
});

describe('the startup pass', () => {
  it('plans future appointments that have no messages, once', async () => {
    const appointment = bookJane(world, WED_10);
    const planned = outboxOf(world, appointment.id).length;
    // A crash between the booking's commit and its planning leaves no rows.
    world.app.db.delete(messages).run();
    await world.app.reminderLoop.stop();
    world.app.close();
    world.clock.advance(2 * 3_600_000);
    const reopened = world.reopen();
    expect(outboxOf(world, appointment.id)).toEqual([]);
    await reopened.reminderLoop.start();
    const replanned = outboxOf(world, appointment.id);
    // The booking is two hours old: its reminders, but no belated confirmation.
    expect(replanned.map((m) => m.kind)).toEqual(['reminder', 'reminder', 'reminder', 'reminder']);
    expect(planned).toBe(6);
    await reopened.reminderLoop.stop();
    reopened.close();
    await world.reopen().reminderLoop.start();
    expect(outboxOf(world, appointment.id)).toHaveLength(4);
  });
});
