// The whole server in-process with payments on Stripe, the real `stripe` client pointed at the
// wire-level fake of tests/fakes/stripe.ts; the test salon of app.ts plus a service that asks a
// deposit. Reconciliation runs only when the test asks (its timer is parked far away).
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../main/host.js';
import { startStripeFake, type StripeFake } from '../fakes/stripe.js';
import { call, type Answer } from './public-host.js';
import { rpcClient, type RpcClient } from './rpc.js';
import {
  london,
  seedTestSalon,
  tempDir,
  testClock,
  type TestClock,
  type TestSalon,
} from './app.js';

export interface PaymentsHost extends TestSalon {
  host: RunningHost;
  /** The host's RPC, as the desk calls it. */
  desk: RpcClient;
  stripe: StripeFake;
  clock: TestClock;
  url: string;
  /** 60 min, £60, £20 deposit, cancel ≥ 48 h before for a full refund, 50% later; no-show: card up to £50. */
  colour: string;
  close(): Promise<void>;
}

export async function startPaymentsHost(options: { stripe?: boolean } = {}): Promise<PaymentsHost> {
  const dir = tempDir();
  const clock = testClock(london('2026-11-30', '08:00'));
  const stripe = await startStripeFake();
  const host = await startHost({
    dbPath: join(dir.path, 'business.sqlite'),
    clock,
    host: '127.0.0.1',
    port: 0,
    adminPort: 0,
    log: () => {},
    payments: { stripeApi: stripe.api, reconcileIntervalMs: 24 * 60 * 60_000 },
  });
  const salon = seedTestSalon(host.app);
  if (options.stripe !== false) {
    host.app.services.paymentRuntime.settings.setStripe({
      secretKey: stripe.secretKey,
      webhookSecret: stripe.webhookSecret,
    });
  }
  const colour = host.app.services.catalog.createService({
    name: 'Colour',
    durationMinutes: 60,
    priceAmount: 6000,
    deposit: { kind: 'fixed', amount: 2000 },
    noShowFee: { kind: 'charge_card', maxAmount: 5000 },
    cancellationRefund: { windowMinutes: 48 * 60, latePercent: 50 },
    staffIds: [salon.alice],
  }).id;
  return {
    ...salon,
    host,
    desk: rpcClient(() => host.app.router),
    stripe,
    clock,
    url: host.publicUrl,
    colour,
    async close() {
      await host.close();
      await stripe.close();
      dir.remove();
    },
  };
}

export interface BookedWithDeposit {
  id: string;
  status: string;
  manageToken: string;
  checkoutUrl: string;
  sessionId: string;
  answer: Answer;
}

/** POST /api/bookings for the deposit service, as the widget does. */
export async function bookColour(
  h: PaymentsHost,
  start: string,
  init: { idempotencyKey?: string; email?: string } = {},
): Promise<BookedWithDeposit> {
  const answer = await call(`${h.url}/api/bookings`, {
    method: 'POST',
    headers: {
      origin: 'https://salon.example',
      ...(init.idempotencyKey ? { 'idempotency-key': init.idempotencyKey } : {}),
    },
    body: {
      service_id: h.colour,
      start,
      customer: {
        name: 'Dana Customer',
        email: init.email ?? 'dana@example.com',
        phone: '+447911123456',
      },
      sms_consent: true,
    },
  });
  if (answer.status !== 201) throw new Error(`booking failed: ${JSON.stringify(answer.body)}`);
  const body = answer.body as {
    booking: { id: string; status: string };
    manage_token: string;
    checkout_url: string;
  };
  const session = [...h.stripe.sessions.values()].find(
    (s) => s.metadata.appointment_id === body.booking.id,
  );
  return {
    id: body.booking.id,
    status: body.booking.status,
    manageToken: body.manage_token,
    checkoutUrl: body.checkout_url,
    sessionId: session?.id ?? '',
    answer,
  };
}

/** Delivers a signed webhook to the public listener, as Stripe does. */
export async function deliver(
  h: PaymentsHost,
  event: { body: string; signature: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${h.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
    body: event.body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
