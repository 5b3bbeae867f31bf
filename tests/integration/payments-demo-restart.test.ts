// Demo mode's checkout survives a restart: a customer who opened /pay/demo/{id} and then saw the
// app restart (an update, a closed laptop) can still pay, on a new app instance reading the same
// database file.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host.js';
import { london, seedTestSalon, tempDir, testClock } from '../support/app.js';
import { call } from '../support/public-host.js';

let dir: ReturnType<typeof tempDir>;
let running: RunningHost | null = null;
beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  await running?.close();
  running = null;
  dir.remove();
});

const clock = testClock(london('2026-11-30', '08:00'));

function start(): Promise<RunningHost> {
  return startHost({
    dbPath: join(dir.path, 'business.sqlite'),
    clock,
    host: '127.0.0.1',
    port: 0,
    adminPort: 0,
    log: () => {},
    payments: { reconcileIntervalMs: 24 * 60 * 60_000 },
  });
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };

it('pays a demo checkout opened before the app restarted', async () => {
  running = await start();
  const salon = seedTestSalon(running.app);
  const colour = running.app.services.catalog.createService({
    name: 'Colour',
    durationMinutes: 60,
    priceAmount: 6000,
    deposit: { kind: 'fixed', amount: 2000 },
    staffIds: [salon.alice],
  }).id;
  const booked = await call<{ booking: { id: string }; checkout_url: string }>(
    `${running.publicUrl}/api/bookings`,
    {
      method: 'POST',
      body: {
        service_id: colour,
        start: '2026-12-01T10:00:00+00:00',
        customer: { name: 'Dana Customer', email: 'dana@example.com' },
      },
    },
  );
  expect(booked.status).toBe(201);
  const path = new URL(booked.body.checkout_url).pathname;
  expect(path).toMatch(/^\/pay\/demo\/cs_demo_/);
  await running.close();

  running = await start();
  const page = await fetch(`${running.publicUrl}${path}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('data-testid="demo-pay"');
  expect(html).toContain('£20.00');

  const paid = await fetch(`${running.publicUrl}${path}/pay`, {
    method: 'POST',
    headers: form,
    body: '',
    redirect: 'manual',
  });
  expect(paid.status).toBe(303);
  expect(running.app.services.bookings.row(booked.body.booking.id).status).toBe('confirmed');
  expect(running.app.services.payments.movements(booked.body.booking.id)).toMatchObject([
    { kind: 'deposit', provider: 'demo', status: 'succeeded', amount: 2000 },
  ]);

  // Paying again (a second tab, a reload) changes nothing.
  const again = await fetch(`${running.publicUrl}${path}`);
  expect(await again.text()).toContain('This checkout is paid.');
});
