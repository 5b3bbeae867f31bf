// Lost webhooks and late payments: reconciliation asks the (fake) Stripe about every pending
// movement and applies its answer; a payment that arrives after the hold lapsed and the slot went
// to someone else is refunded in full and the customer told.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payments } from '../../db/schema.js';
import { bookColour, deliver, startPaymentsHost, type PaymentsHost } from '../support/payments.js';
import { london } from '../support/app.js';
import { manualTimers } from '../support/manual-timers.js';
import { createPaymentReconciler } from '../../main/payments/reconciler.js';

let h: PaymentsHost;
beforeEach(async () => {
  h = await startPaymentsHost();
});
afterEach(async () => {
  await h.close();
});

const TUESDAY_10 = '2026-12-01T10:00:00+00:00';
const MINUTE = 60_000;

const status = (id: string) => h.host.app.services.bookings.row(id).status;
const allPayments = () => h.host.app.db.select().from(payments).all();

describe('reconciliation', () => {
  it('heals a lost webhook, and a second pass changes nothing', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    h.stripe.pay(booked.sessionId); // …and Stripe's webhook never arrives.
    expect(status(booked.id)).toBe('pending_payment');

    const first = await h.host.app.paymentReconciler.runOnce();
    expect(Object.values(first)).toEqual(['confirmed']);
    expect(status(booked.id)).toBe('confirmed');
    const after = allPayments();
    expect(after).toHaveLength(1);
    expect(after[0]?.status).toBe('succeeded');

    expect(await h.host.app.paymentReconciler.runOnce()).toEqual({});
    expect(allPayments()).toEqual(after);
    // The late webhook, when it finally comes, changes nothing either.
    const late = h.stripe.event(
      'checkout.session.completed',
      h.stripe.sessions.get(booked.sessionId) ?? {},
    );
    expect((await deliver(h, late)).status).toBe(200);
    expect(allPayments()).toEqual(after);
  });

  it('cancels a held booking whose checkout expired unpaid, freeing the slot', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    h.clock.advance(40 * MINUTE);
    h.stripe.expire(booked.sessionId);
    await h.host.app.paymentReconciler.runOnce();
    expect(status(booked.id)).toBe('cancelled');
    expect(allPayments()[0]?.status).toBe('cancelled');
  });

  it('leaves an open checkout alone', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    expect(Object.values(await h.host.app.paymentReconciler.runOnce())).toEqual(['open']);
    expect(status(booked.id)).toBe('pending_payment');
  });

  it('sends a refund whose first call failed, with the same key, once', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    h.stripe.pay(booked.sessionId);
    await h.host.app.paymentReconciler.runOnce();
    h.stripe.failNext(3); // the client's own two retries fail too
    const refund = await h.host.app.services.payments.refund({
      appointmentId: booked.id,
      amount: 500,
      reason: 'Goodwill',
      requestId: 'dialog-1',
    });
    expect(refund).toMatchObject({ status: 'pending', refundId: null });
    expect(h.stripe.refunds.size).toBe(0);

    await h.host.app.paymentReconciler.runOnce();
    await h.host.app.paymentReconciler.runOnce();
    expect(h.stripe.refunds.size).toBe(1);
    const row = allPayments().find((p) => p.kind === 'refund');
    expect(row).toMatchObject({ status: 'succeeded', amount: 500 });
    const keys = h.stripe.requests
      .filter((r) => r.path === '/v1/refunds')
      .map((r) => r.idempotencyKey);
    expect(new Set(keys)).toEqual(new Set([`refund:${booked.id}:desk:dialog-1`]));
  });

  it('settles a pending refund from its webhook or, when lost, from reconciliation', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    h.stripe.pay(booked.sessionId);
    await h.host.app.paymentReconciler.runOnce();
    h.stripe.refundsPending(true);
    const pay = h.host.app.services.payments;
    const one = await pay.refund({
      appointmentId: booked.id,
      amount: 300,
      reason: 'a',
      requestId: 'r1',
    });
    const two = await pay.refund({
      appointmentId: booked.id,
      amount: 200,
      reason: 'b',
      requestId: 'r2',
    });
    expect([one?.status, two?.status]).toEqual(['pending', 'pending']);
    expect(pay.balance(booked.id)).toMatchObject({ refundPending: 500, refundable: 1500 });

    const settled = h.stripe.settleRefund(one?.refundId ?? '', 'succeeded');
    expect((await deliver(h, h.stripe.event('refund.updated', settled))).status).toBe(200);
    h.stripe.settleRefund(two?.refundId ?? '', 'failed'); // this webhook is lost
    await h.host.app.paymentReconciler.runOnce();

    const refunds = pay.movements(booked.id).filter((m) => m.kind === 'refund');
    expect(refunds.map((r) => r.status)).toEqual(['succeeded', 'failed']);
    expect(pay.balance(booked.id)).toMatchObject({ refunded: 300, held: 1700, refundable: 1700 });
  });
});

describe('reconciliation timer', () => {
  it('runs on start and then every interval, and stops for good', async () => {
    const timers = manualTimers(h.clock);
    const reconciler = createPaymentReconciler({
      payments: h.host.app.services.payments,
      timers,
      intervalMs: 5 * MINUTE,
      log: () => {},
    });
    const first = await bookColour(h, TUESDAY_10);
    h.stripe.pay(first.sessionId);
    reconciler.start();
    await reconciler.idle();
    expect(status(first.id)).toBe('confirmed');
    expect(timers.nextAt()).toBe(h.clock.now() + 5 * MINUTE);

    const second = await bookColour(h, '2026-12-01T14:00:00+00:00');
    h.stripe.pay(second.sessionId);
    await timers.advanceTo(h.clock.now() + 4 * MINUTE, () => reconciler.idle());
    expect(status(second.id)).toBe('pending_payment');
    await timers.advanceTo(h.clock.now() + 1 * MINUTE, () => reconciler.idle());
    expect(status(second.id)).toBe('confirmed');
    expect(timers.armedCount()).toBe(1);

    await reconciler.stop();
    await reconciler.stop();
    expect(timers.armedCount()).toBe(0);
  });
});

describe('payment after the hold expired', () => {
  it('refunds in full and tells the customer when the slot was taken meanwhile', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    h.clock.advance(16 * MINUTE); // the 15-minute hold has lapsed
    const s = h.host.app.services;
    const taker = s.bookings.create({
      serviceId: h.trim,
      staffId: h.alice,
      start: london('2026-12-01', '10:00'),
      customer: { name: 'Walk In', email: 'walkin@example.com' },
      source: 'desk',
      actor: 'desk',
    });
    expect(taker.appointment.status).toBe('confirmed');

    h.stripe.pay(booked.sessionId);
    const event = h.stripe.event(
      'checkout.session.completed',
      h.stripe.sessions.get(booked.sessionId) ?? {},
    );
    expect((await deliver(h, event)).status).toBe(200);
    await s.payments.idle();

    expect(status(booked.id)).toBe('cancelled');
    expect(status(taker.appointment.id)).toBe('confirmed');
    const movements = s.payments.movements(booked.id);
    expect(movements.map((m) => [m.kind, m.amount, m.status])).toEqual([
      ['deposit', 2000, 'succeeded'],
      ['refund', 2000, 'succeeded'],
    ]);
    expect(h.stripe.refunds.size).toBe(1);
    expect(s.payments.balance(booked.id)).toMatchObject({ held: 0 });

    const told = s.outbox
      .list({ appointmentId: booked.id })
      .messages.filter((m) => m.kind === 'payment_refunded');
    expect(told.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(told[0]?.body).toContain(`${h.url}/book`);

    // Stripe delivering the event again refunds nothing more.
    await deliver(h, event);
    await h.host.app.paymentReconciler.runOnce();
    expect(h.stripe.refunds.size).toBe(1);
  });

  it('confirms when the slot is still free', async () => {
    const booked = await bookColour(h, TUESDAY_10);
    h.clock.advance(16 * MINUTE);
    h.stripe.pay(booked.sessionId);
    await h.host.app.paymentReconciler.runOnce();
    expect(status(booked.id)).toBe('confirmed');
    expect(h.stripe.refunds.size).toBe(0);
  });
});
