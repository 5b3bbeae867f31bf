// A burst of customers booking at the same moment: their bookings share commits
// (core/group-commit.ts), and what happens to one never happens to another — a taken slot
// or bad input fails that request alone, and every booking answered 201 is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, startPublicHost, type PublicHost } from '../support/public-host.js';

let server: PublicHost;
beforeEach(async () => {
  server = await startPublicHost({ bookingWriteLimit: { max: 1000, windowMs: 60_000 } });
});
afterEach(() => server.close());

const days = ['01', '02', '03', '04', '07', '08', '09', '10', '11', '14'];

function book(start: string, who: string, serviceId = server.cut) {
  return call(`${server.url}/api/bookings`, {
    method: 'POST',
    body: {
      service_id: serviceId,
      staff_id: server.alice,
      start,
      customer: { name: who, email: `${who.toLowerCase().replace(/\s+/g, '.')}@example.com` },
    },
  });
}

describe('bookings arriving together', () => {
  it('stores every good booking of a burst and fails only the bad ones', async () => {
    const earlier = await book('2026-12-15T09:00:00+00:00', 'Early Bird');
    expect(earlier.status).toBe(201);

    const answers = await Promise.all([
      ...days.map((day, i) => book(`2026-12-${day}T09:00:00+00:00`, `Customer ${i}`)),
      ...[0, 1, 2, 3, 4].map((i) => book('2026-12-15T09:00:00+00:00', `Late ${i}`)),
      ...[0, 1, 2, 3, 4].map((i) => book('2026-12-16T09:00:00+00:00', `Lost ${i}`, 'svc_nope')),
    ]);

    const statuses = answers.map((a) => a.status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses.slice(10, 15)).toEqual(Array(5).fill(409));
    expect(statuses.slice(15)).toEqual(Array(5).fill(422));
    const failures = answers.slice(15).map((a) => a.body as { error: { details: unknown } });
    expect(JSON.stringify(failures[0]?.error.details)).toContain('service_id');

    // Each 201 is a stored booking, readable with its own manage token.
    for (const answer of answers.slice(0, 10)) {
      const token = (answer.body as { manage_token: string }).manage_token;
      const view = await call(`${server.url}/api/bookings/${token}`);
      expect(view.status).toBe(200);
    }
    const stored = server.host.app.db.$client
      .prepare("select count(*) from appointments where status = 'confirmed'")
      .pluck()
      .get();
    expect(stored).toBe(11);
  });

  it('runs writes queued in one turn in one transaction, rolling back only the one that fails', async () => {
    const { services, db } = server.host.app;
    const request = (start: string, name: string) => () =>
      services.bookings.create({
        serviceId: server.cut,
        staffId: server.alice,
        start: Date.parse(start),
        customer: { name, email: `${name.toLowerCase()}@example.com` },
        source: 'api',
        actor: 'customer',
      });
    // Queued in the same turn, as a burst of requests read from their sockets together is. The
    // third books the second's slot after the second has written its customer and booking.
    const outcomes = await Promise.allSettled([
      services.groupCommit.run(request('2026-12-01T09:00:00+00:00', 'Ann')),
      services.groupCommit.run(() => {
        request('2026-12-02T09:00:00+00:00', 'Ben')();
        throw new Error('the card reader fell over');
      }),
      services.groupCommit.run(request('2026-12-02T09:00:00+00:00', 'Cal')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // Ben's booking and his new customer record were undone with his failure; Cal got the slot.
    const names = db.$client
      .prepare(
        `select c.name from appointments a join customers c on c.id = a.customer_id
         where a.status = 'confirmed' order by a.start_at`,
      )
      .pluck()
      .all();
    expect(names).toEqual(['Ann', 'Cal']);
    expect(
      db.$client.prepare("select count(*) from customers where name = 'Ben'").pluck().get(),
    ).toBe(0);
  });
});
