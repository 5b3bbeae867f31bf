// 100 customers press "Book" on the same slot at the same moment, each over its own connection to
// the public listener: exactly one gets it, the others hear that it is gone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPublicHost, type PublicHost } from '../support/public-host.js';

let server: PublicHost;
beforeEach(async () => {
  // The default limit (30 writes a minute per address) would stop this test's single client.
  server = await startPublicHost({ bookingWriteLimit: { max: 1000, windowMs: 60_000 } });
});
afterEach(() => server.close());

describe('100 concurrent POST /api/bookings for one slot', () => {
  it('answers exactly one 201 and 99 × 409, and stores one booking', async () => {
    // Node's fetch opens a connection per request in flight (no per-origin cap), so these are
    // 100 sockets, as 100 phones would be.
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const response = await fetch(`${server.url}/api/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `racer-${i}` },
          body: JSON.stringify({
            service_id: server.cut,
            staff_id: server.alice,
            start: '2026-12-01T09:00:00+00:00',
            customer: { name: `Racer ${i}`, email: `racer${i}@example.com` },
          }),
        });
        const body = (await response.json()) as { error?: { code: string } };
        return response.status === 409 ? `409 ${body.error?.code}` : String(response.status);
      }),
    );
    expect(statuses.filter((s) => s === '201')).toHaveLength(1);
    expect(statuses.filter((s) => s === '409 CONFLICT')).toHaveLength(99);
    const stored = server.host.app.db.$client
      .prepare("select count(*) from appointments where status = 'confirmed'")
      .pluck()
      .get();
    expect(stored).toBe(1);
  });
});
