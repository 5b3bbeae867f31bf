// Refunds and fees by the frozen policy: a customer cancelling early or late, the business
// cancelling, a no-show charged (or declined) off-session, and refunds from the desk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../main/core/errors.js';
import { bookColour, startPaymentsHost, type PaymentsHost } from '../support/payments.js';
import { call } from '../support/public-host.js';
import { london } from '../support/app.js';

let h: PaymentsHost;
beforeEach(async () => {
  h = await startPaymentsHost();
});
afterEach(async () => {
  await h.close();
});

/** Booked through the widget and paid (the webhook's work done by reconciliation). */
async function paidBooking(start: string) {
  const booked = await bookColour(h, start);
  h.stripe.pay(booked.sessionId);
  await h.host.app.paymentReconciler.runOnce();
  expect(h.host.app.services.bookings.row(booked.id).status).toBe('confirmed');
  return booked;
}

const refundsOf = (id: string) =>
  h.host.app.services.payments.movements(id).filter((m) => m.kind === 'refund');

async function customerCancels(manageToken: string) {
  const answer = await call(`${h.url}/api/bookings/${manageToken}`, { method: 'DELETE' });
  expect(answer.status).toBe(200);
  await h.host.app.services.payments.idle();
}

describe('cancellation refunds', () => {
  it('refunds the whole deposit when the customer cancels outside the window', async () => {
    const booked = await paidBooking('2026-12-03T10:00:00+00:00'); // 74 h ahead; window 48 h
    await customerCancels(booked.manageToken);
    expect(refundsOf(booked.id).map((r) => [r.amount, r.status])).toEqual([[2000, 'succeeded']]);
    const [refund] = [...h.stripe.refunds.values()];
    expect(refund?.amount).toBe(2000);
    const request = h.stripe.requests.find((r) => r.path === '/v1/refunds');
    expect(request?.idempotencyKey).toBe(`refund:${booked.id}:cancellation`);
    expect(h.host.app.services.payments.balance(booked.id).held).toBe(0);
  });

  it('refunds the late share when the customer cancels inside the window', async () => {
    const booked = await paidBooking('2026-12-02T10:00:00+00:00');
    h.clock.set(london('2026-12-01', '08:00')); // 26 h before: online changes still allowed
    await customerCancels(booked.manageToken);
    expect(refundsOf(booked.id).map((r) => r.amount)).toEqual([1000]);
    expect(h.host.app.services.payments.balance(booked.id).held).toBe(1000);
  });

  it('refunds everything when the business cancels, even at the last minute', async () => {
    const booked = await paidBooking('2026-12-01T10:00:00+00:00');
    h.clock.set(london('2026-12-01', '09:30'));
    h.host.app.services.bookings.cancel(booked.id, 'desk', 'Stylist ill');
    await h.host.app.services.payments.idle();
    expect(refundsOf(booked.id).map((r) => r.amount)).toEqual([2000]);
  });

  it('keeps a cancellation to one refund however often it is applied', async () => {
    const booked = await paidBooking('2026-12-03T10:00:00+00:00');
    await customerCancels(booked.manageToken);
    await h.host.app.services.payments.onCancelled(booked.id);
    await h.host.app.paymentReconciler.runOnce();
    expect(refundsOf(booked.id)).toHaveLength(1);
    expect(h.stripe.refunds.size).toBe(1);
  });
});

describe('no-show', () => {
  it('charges the saved card off-session for the rest of the agreed fee', async () => {
    const booked = await paidBooking('2026-12-01T10:00:00+00:00');
    h.clock.set(london('2026-12-01', '10:30'));
    h.host.app.services.bookings.markNoShow(booked.id, 'desk');
    await h.host.app.services.payments.idle();
    const fee = h.host.app.services.payments
      .movements(booked.id)
      .find((m) => m.kind === 'no_show_fee');
    expect(fee).toMatchObject({ amount: 3000, status: 'succeeded' });
    const charge = h.stripe.paymentIntents.get(fee?.paymentIntentId ?? '');
    const deposit = h.host.app.services.payments.movements(booked.id)[0];
    expect(charge).toMatchObject({
      amount: 3000,
      off_session: true,
      customer: deposit?.providerCustomerId,
      payment_method: deposit?.paymentMethodId,
    });
    expect(h.host.app.services.payments.balance(booked.id).held).toBe(5000);
  });

  it('records a declined fee, keeps the deposit, and does not retry', async () => {
    const booked = await paidBooking('2026-12-01T10:00:00+00:00');
    h.clock.set(london('2026-12-01', '10:30'));
    h.stripe.declineOffSession(true);
    h.host.app.services.bookings.markNoShow(booked.id, 'desk');
    await h.host.app.services.payments.idle();
    const fee = h.host.app.services.payments
      .movements(booked.id)
      .find((m) => m.kind === 'no_show_fee');
    expect(fee).toMatchObject({ amount: 3000, status: 'failed' });
    expect(fee?.failureMessage).toContain('insufficient funds');
    expect(h.host.app.services.payments.balance(booked.id).held).toBe(2000);

    const charges = () =>
      h.stripe.requests.filter((r) => r.path === '/v1/payment_intents' && r.method === 'POST');
    expect(charges()).toHaveLength(1);
    await h.host.app.paymentReconciler.runOnce();
    await h.host.app.services.payments.onNoShow(booked.id);
    expect(charges()).toHaveLength(1);
  });
});

describe('refunds from the desk', () => {
  it('turns a double-clicked refund into one refund', async () => {
    const booked = await paidBooking('2026-12-01T10:00:00+00:00');
    const pay = h.host.app.services.payments;
    const request = {
      appointmentId: booked.id,
      amount: 700,
      reason: 'Colour faded',
      requestId: 'dlg-42',
    };
    const [a, b] = await Promise.all([pay.refund(request), pay.refund(request)]);
    expect(a?.id).toBe(b?.id);
    expect(refundsOf(booked.id)).toHaveLength(1);
    expect(h.stripe.refunds.size).toBe(1);
    expect(pay.balance(booked.id)).toMatchObject({ refunded: 700, held: 1300 });
  });

  it('refuses more than is left, and a refund without a reason, changing nothing', async () => {
    const booked = await paidBooking('2026-12-01T10:00:00+00:00');
    const pay = h.host.app.services.payments;
    await expect(
      pay.refund({ appointmentId: booked.id, amount: 2001, reason: 'Too much', requestId: 'x' }),
    ).rejects.toThrow(ValidationError);
    await expect(
      pay.refund({ appointmentId: booked.id, amount: 100, reason: '  ', requestId: 'y' }),
    ).rejects.toThrow(/reason/);
    expect(refundsOf(booked.id)).toHaveLength(0);
    expect(h.stripe.refunds.size).toBe(0);
  });
});
