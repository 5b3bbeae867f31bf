// What the desk windows hear (the event bus the hosts forward over SSE and IPC) is what the
// database holds: an event goes out only once its write has committed, a rolled-back write
// announces nothing, and a booking commits together with its messages or not at all.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../preload/contract/index.js';
import { createTestBusiness, london, type TestBusiness } from '../support/app.js';
import { call, startPublicHost, type PublicHost } from '../support/public-host.js';

type Heard = { event: EventName; payload: EventPayload<EventName> };

function listen(events: TestBusiness['app']['events']): Heard[] {
  const heard: Heard[] = [];
  events.subscribe((event, payload) => heard.push({ event, payload }));
  return heard;
}

const count = (biz: TestBusiness, table: 'appointments' | 'messages' | 'customers') =>
  (biz.app.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('appointment writes and their events', () => {
  let biz: TestBusiness;
  afterEach(() => biz.dispose());

  const jane = () => ({
    serviceId: biz.cut,
    staffId: biz.alice,
    start: london('2026-12-01', '09:00'),
    customer: { name: 'Jane Doe', phone: '07911 123456', email: 'jane@example.com' },
    smsConsent: true,
  });

  it('keeps no booking whose messages cannot be planned, and announces none', async () => {
    biz = createTestBusiness();
    // The outbox refuses every row, as a full disk or a broken file would.
    biz.app.db.$client.exec(
      `create trigger no_messages before insert on messages
       begin select raise(abort, 'the outbox cannot be written'); end`,
    );
    const heard = listen(biz.app.events);
    const answer = await biz.desk.call('appointments.create', jane());
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // Nothing half-done: no booking without its confirmation and reminders, no new customer.
    expect(count(biz, 'appointments')).toBe(0);
    expect(count(biz, 'customers')).toBe(0);
    expect(heard).toEqual([]);

    biz.app.db.$client.exec('drop trigger no_messages');
    const retried = await biz.desk.value('appointments.create', jane());
    expect(retried.status).toBe('confirmed');
    expect(count(biz, 'messages')).toBeGreaterThan(0);
  });

  it('announces a booking only after it commits, and never one its write rolled back', async () => {
    biz = createTestBusiness();
    const heard = listen(biz.app.events);
    const inside: Heard[] = [];
    const { bookings, groupCommit } = biz.app.services;

    // Two bookings arrive together and share one commit; the first one's request then fails
    // (as a reply that cannot be built would), so its savepoint rolls back.
    const undone = groupCommit.run(() => {
      bookings.create({ ...jane(), source: 'widget', actor: 'customer' });
      inside.push(...heard); // what a desk window had heard before the commit
      throw new Error('the answer could not be built');
    });
    const kept = groupCommit.run(() => {
      const made = bookings.create({
        ...jane(),
        start: london('2026-12-01', '11:00'),
        customer: { name: 'Sam Smith', email: 'sam@example.com' },
        source: 'widget',
        actor: 'customer',
      });
      inside.push(...heard);
      return made.appointment.id;
    });
    await expect(undone).rejects.toThrow('the answer could not be built');
    const keptId = await kept;

    expect(inside).toEqual([]);
    expect(count(biz, 'appointments')).toBe(1);
    const appointmentEvents = heard.filter((h) => h.event === 'appointments.changed');
    expect(appointmentEvents).toEqual([
      {
        event: 'appointments.changed',
        payload: { appointmentId: keptId, status: 'confirmed', change: 'created' },
      },
    ]);
    // The rolled-back booking's customer (Jane) was never announced either.
    const customerEvents = heard.filter((h) => h.event === 'customers.changed');
    expect(customerEvents).toHaveLength(1);
  });

  it('plans the new booking’s messages with its manage link in the same commit', async () => {
    biz = createTestBusiness();
    biz.app.services.connections.update({ publicBaseUrl: 'https://book.example' });
    const made = biz.app.services.bookings.create({
      ...jane(),
      source: 'widget',
      actor: 'customer',
    });
    const bodies = biz.app.db.$client
      .prepare('select body from messages where appointment_id = ? and kind = ?')
      .all(made.appointment.id, 'confirmation') as { body: string }[];
    expect(bodies.length).toBeGreaterThan(0);
    for (const { body } of bodies) {
      expect(body).toContain(`https://book.example/book/manage/${made.manageToken}`);
    }
  });
});

describe('customer changes reach the desk windows whichever way they come', () => {
  let server: PublicHost;
  afterEach(() => server.close());

  it('hears a customer added through the admin API and a consent change from an SMS STOP', async () => {
    server = await startPublicHost();
    const heard: Heard[] = [];
    server.host.app.events.subscribe((event, payload) => heard.push({ event, payload }));
    const { key } = await server.desk.value('apiKeys.create', { name: 'CRM' });
    const created = await call<{ customer: { id: string } }>(`${server.url}/api/customers`, {
      method: 'POST',
      body: { name: 'Hannah Phonecall', phone: '07816 413902', sms_consent: true },
      headers: { authorization: `Bearer ${key}` },
    });
    expect(created.status).toBe(201);
    const id = created.body.customer.id;
    expect(heard).toEqual([
      { event: 'customers.changed', payload: { change: 'created', customerIds: [id] } },
    ]);

    heard.length = 0;
    server.host.app.services.inbox.receive({
      messageSid: 'SM00000000000000000000000000000001',
      from: '+447816413902',
      body: 'STOP',
    });
    expect(heard.map((h) => h.event)).toContain('customers.changed');
    expect(heard.find((h) => h.event === 'customers.changed')?.payload).toEqual({
      change: 'updated',
      customerIds: [id],
    });
    expect((await server.desk.value('customers.get', { id })).smsConsent).toBe(false);
  });
});
