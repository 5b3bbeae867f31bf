// Service and staff rows are kept between bookings (catalog/catalog.ts). A customer must never
// be answered with an old name or price: a change at the desk, or by another program on the same
// file, shows in the very next booking.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, startPublicHost, type PublicHost } from '../support/public-host.js';

let server: PublicHost;
beforeEach(async () => {
  server = await startPublicHost();
});
afterEach(() => server.close());

interface Created {
  booking: { service_name: string; staff_name: string; price: { amount: number } };
}

let slot = 0;
async function book(): Promise<Created['booking']> {
  const start = `2026-12-0${1 + slot++}T10:00:00+00:00`;
  const answer = await call<Created>(`${server.url}/api/bookings`, {
    method: 'POST',
    body: {
      service_id: server.cut,
      staff_id: server.alice,
      start,
      customer: { name: 'Ann Other', email: 'ann@example.com' },
    },
  });
  expect(answer.status).toBe(201);
  return answer.body.booking;
}

describe('service and staff rows kept between bookings', () => {
  beforeEach(() => {
    slot = 0;
  });

  it('shows a change made at the desk in the next booking', async () => {
    expect((await book()).service_name).not.toBe('Cut and finish');
    server.host.app.services.catalog.updateService({
      id: server.cut,
      name: 'Cut and finish',
      priceAmount: 4200,
    });
    server.host.app.services.catalog.updateStaff({ id: server.alice, name: 'Alicia' });
    const next = await book();
    expect(next).toMatchObject({
      service_name: 'Cut and finish',
      staff_name: 'Alicia',
      price: { amount: 4200 },
    });
  });

  it('shows a change written by another program on the same file', async () => {
    expect((await book()).staff_name).toBe('Alice');
    const other = new Database(server.host.app.db.$client.name);
    try {
      other.prepare(`update staff set name = 'Alice B.' where id = ?`).run(server.alice);
      other.prepare(`update services set name = 'Trim & tidy' where id = ?`).run(server.cut);
    } finally {
      other.close();
    }
    expect(await book()).toMatchObject({ staff_name: 'Alice B.', service_name: 'Trim & tidy' });
  });
});
