// Deposits through Stripe Checkout, end to end over loopback: the widget's POST /api/bookings,
// the real `stripe` client against the wire-level fake, and signed webhooks to /webhooks/stripe.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payments, paymentEvents } from '../../db/schema.js';
import { bookColour, deliver, startPaymentsHost, type PaymentsHost } from '../support/payments.js';
import { call } from '../support/public-host.js';

let h: PaymentsHost;
beforeEach(async () => {
  h = await startPaymentsHost();
});
afterEach(async () => {
  await h.close();
});

const TUESDAY_10 = '2026-12-01T10:00:00+00:00';

function appointmentStatus(id: string) {
  return h.host.app.services.bookings.row(id).status;
}

function completed(sessionId: string, options?: { id?: string; secret?: string }) {
  return h.stripe.event(
    'checkout.session.completed',
    h.stripe.sessions.get(sessionId) ?? {},
    options,
  );
}

describe('deposit at booking', () => {
  it('holds the slot, pays through Checkout and confirms on the webhook', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    expect(booked.status).toBe('pending_payment');
    expect(booked.checkoutUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\/cs_test_/);
    const terms = (booked.answer.body as { payment_policy: string[] }).payment_policy.join(' ');
    expect(terms).toContain('A deposit of £20.00');
    expect(terms).toContain('charged up to £50.00');

    // The session asks the deposit, saves the card for a no-show fee, and carries our key.
    const session = h.stripe.sessions.get(booked.sessionId);
    expect(session).toMatchObject({ amount_total: 2000, currency: 'gbp' });
    expect(session?.setup_future_usage).toBe('off_session');
    const create = h.stripe.requests.find((r) => r.path === '/v1/checkout/sessions');
    expect(create?.idempotencyKey).toMatch(/^checkout:deposit:apt_/);

    // The frozen policy is on the appointment; a later edit of the service does not reach it.
    h.host.app.services.catalog.updateService({
      id: h.colour,
      deposit: { kind: 'fixed', amount: 100 },
    });
    const row = h.host.app.services.bookings.row(booked.id);
    expect(row.depositAmount).toBe(2000);
    expect(JSON.parse(row.paymentPolicy ?? '{}')).toMatchObject({ deposit: 2000 });

    // Nothing is confirmed before the money arrives.
    expect(appointmentStatus(booked.id)).toBe('pending_payment');
    h.stripe.pay(booked.sessionId);
    const answer = await deliver(h, completed(booked.sessionId));
    expect(answer).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(appointmentStatus(booked.id)).toBe('confirmed');

    const movements = h.host.app.services.payments.movements(booked.id);
    expect(movements).toHaveLength(1);
    expect(movements[0]).toMatchObject({
      kind: 'deposit',
      amount: 2000,
      status: 'succeeded',
      paymentIntentId: h.stripe.sessions.get(booked.sessionId)?.payment_intent,
    });
    expect(movements[0]?.paymentMethodId).toMatch(/^pm_/);
    expect(h.host.app.services.payments.balance(booked.id)).toMatchObject({ held: 2000 });

    // Confirming planned the customer's messages through the usual path.
    const outbox = h.host.app.services.outbox.list({ appointmentId: booked.id });
    expect(outbox.messages.map((m) => m.kind)).toContain('confirmation');
  });

  it('asks exactly the deposit the services list shows, however the rule is written', async () => {
    // A percentage rounds to the minor unit, and 0 % asks nothing at all: no "£0.00 deposit".
    const s = h.host.app.services.catalog;
    s.updateService({ id: h.colour, priceAmount: 1550, deposit: { kind: 'percent', percent: 33 } });
    const free = s.createService({
      name: 'Fringe',
      durationMinutes: 15,
      priceAmount: 800,
      deposit: { kind: 'percent', percent: 0 },
      staffIds: [h.alice],
    }).id;
    const listed = await call<{
      services: { id: string; deposit: { amount: number } | null }[];
    }>(`${h.url}/api/services`);
    const shown = (id: string) => listed.body.services.find((x) => x.id === id)?.deposit;
    expect(shown(h.colour)).toEqual({ amount: 512, currency: 'GBP' });
    expect(shown(free)).toBeNull();

    const booked = await bookColour(h, TUESDAY_10);
    expect(h.stripe.sessions.get(booked.sessionId)).toMatchObject({ amount_total: 512 });
    const fringe = await call<{ booking: { status: string } }>(`${h.url}/api/bookings`, {
      method: 'POST',
      body: {
        service_id: free,
        staff_id: h.alice,
        start: '2026-12-01T14:00:00+00:00',
        customer: { name: 'Sam Smith', email: 'sam@example.com' },
      },
    });
    expect(fringe.status).toBe(201);
    expect(fringe.body.booking.status).toBe('confirmed'); // nothing to pay, nothing held
  });

  it('a retried booking request answers the same checkout and makes one session', async () => {
    const first = await bookColour(h, TUESDAY_10, { idempotencyKey: 'widget-try-1' });
    const again = await bookColour(h, TUESDAY_10, { idempotencyKey: 'widget-try-1' });
    expect(again.id).toBe(first.id);
    expect(again.checkoutUrl).toBe(first.checkoutUrl);
    expect(h.stripe.sessions.size).toBe(1);
  });

  it('the return page confirms without waiting for the webhook', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    h.stripe.pay(booked.sessionId);
    const response = await fetch(`${h.url}/pay/done?session_id=${booked.sessionId}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('data-state="confirmed"');
    expect(appointmentStatus(booked.id)).toBe('confirmed');
  });

  it('releases the hold when Stripe cannot be reached, and says so', async () => {
    h.stripe.failNext(10);
    const answer = await fetch(`${h.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service_id: h.colour,
        start: TUESDAY_10,
        customer: { name: 'Dana', email: 'dana@example.com' },
      }),
    });
    expect(answer.status).toBe(502);
    const body = (await answer.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INTEGRATION');
    const [apt] = h.host.app.services.bookings.list({
      from: Date.parse('2026-12-01T00:00:00Z'),
      to: Date.parse('2026-12-02T00:00:00Z'),
    });
    expect(apt?.status).toBe('cancelled');
  });
});

describe('webhooks', () => {
  function snapshot() {
    const db = h.host.app.db;
    return {
      payments: db.select().from(payments).all(),
      events: db.select().from(paymentEvents).all(),
    };
  }

  it('refuses a forged webhook with 400 and changes nothing', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    h.stripe.pay(booked.sessionId);
    const before = snapshot();

    const forged = completed(booked.sessionId, { secret: 'whsec_not_ours' });
    expect((await deliver(h, forged)).status).toBe(400);
    const unsigned = await fetch(`${h.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: completed(booked.sessionId).body,
    });
    expect(unsigned.status).toBe(400);
    // A body altered after signing no longer matches its signature.
    const genuine = completed(booked.sessionId);
    const tampered = {
      ...genuine,
      body: genuine.body.replace('"livemode":false', '"livemode":true'),
    };
    expect((await deliver(h, tampered)).status).toBe(400);

    expect(snapshot()).toEqual(before);
    expect(appointmentStatus(booked.id)).toBe('pending_payment');
  });

  it('applies a replayed event once', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    h.stripe.pay(booked.sessionId);
    const event = completed(booked.sessionId);
    expect((await deliver(h, event)).body).toEqual({ received: true, duplicate: false });
    const after = snapshot();
    const requestsAfter = h.stripe.requests.length;

    expect((await deliver(h, event)).body).toEqual({ received: true, duplicate: true });
    expect(snapshot()).toEqual(after);
    expect(h.stripe.requests.length).toBe(requestsAfter);
    expect(after.events.map((e) => e.id)).toEqual([event.id]);
  });

  it('is not open to browsers on other origins', async () => {
    const preflight = await fetch(`${h.url}/webhooks/stripe`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
