// Server mode runs the reminder loop: started once both listeners are up, stopped by close(). A
// widget booking on the public API reaches the outbox and is sent by the demo senders.
import { afterEach, expect, it } from 'vitest';
import type { EventPayload } from '../../preload/contract/index.js';
import { call, startPublicHost, type PublicHost } from '../support/public-host.js';

let server: PublicHost;
afterEach(() => server.close());

it('sends the confirmation of a widget booking through the demo senders, and stops on close', async () => {
  server = await startPublicHost();
  const sent: EventPayload<'reminders.sent'>[] = [];
  const bothSent = new Promise<void>((resolve) => {
    server.host.app.events.subscribe((event, payload) => {
      if (event !== 'reminders.sent') return;
      sent.push(payload as EventPayload<'reminders.sent'>);
      if (sent.length === 2) resolve();
    });
  });
  const booked = await call<{ booking: { id: string } }>(`${server.url}/api/bookings`, {
    method: 'POST',
    body: {
      service_id: server.cut,
      start: '2026-12-02T10:00:00+00:00',
      customer: { name: 'Jane Doe', phone: '07911 123456', email: 'jane@example.com' },
      sms_consent: true,
    },
  });
  expect(booked.status).toBe(201);
  await bothSent; // the loop's own timers and the system's: no sleeps, we wait for the events
  expect(sent.map((e) => [e.kind, e.channel, e.demo]).sort()).toEqual([
    ['confirmation', 'email', true],
    ['confirmation', 'sms', true],
  ]);
  const outbox = server.host.app.services.outbox.list({ appointmentId: booked.body.booking.id });
  expect(outbox.total).toBe(6);
  expect(outbox.messages.filter((m) => m.status === 'planned')).toHaveLength(4);

  await server.close();
  await server.host.app.reminderLoop.stop(); // already stopped: harmless
});
