// The customer's manage link shows where the money of a booking stands (GET
// /api/bookings/{manage_token}): what was asked, paid and refunded, the frozen terms with their
// real dates, and what cancelling now would give back. The admin API shows the same booking
// without any of it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { london } from '../support/app.js';
import { bookColour, startPaymentsHost, type PaymentsHost } from '../support/payments.js';
import { call } from '../support/public-host.js';
import type { BookingPayment } from '../../renderer/widget/api.js';

let h: PaymentsHost;
beforeEach(async () => {
  h = await startPaymentsHost();
});
afterEach(async () => {
  await h.close();
});

/** The manage link's money, typed as the widget reads it (one declaration, not a copy). */
type Payment = BookingPayment;

async function paymentOf(token: string): Promise<Payment | null> {
  const answer = await call<{ booking: { payment: Payment | null } }>(
    `${h.url}/api/bookings/${token}`,
  );
  expect(answer.status).toBe(200);
  return answer.body.booking.payment;
}

describe('payment on the manage link', () => {
  it('follows a deposit from asked to paid to refunded, with the frozen policy', async () => {
    const booked = await bookColour(h, '2026-12-03T10:00:00+00:00');
    expect(await paymentOf(booked.manageToken)).toMatchObject({
      state: 'awaiting_deposit',
      currency: 'GBP',
      deposit_required: true,
      deposit: 2000,
      paid: 0,
      balance_due: 6000,
      refund_if_cancelled_now: 0,
      policy: {
        full_refund_until: '2026-12-01T10:00:00+00:00',
        late_refund_percent: 50,
        no_show: 'charge_card',
        no_show_max_charge: 5000,
      },
    });

    h.stripe.pay(booked.sessionId);
    await h.host.app.paymentReconciler.runOnce();
    // The service changes afterwards; the booking keeps what the customer agreed to.
    h.host.app.services.catalog.updateService({
      id: h.colour,
      cancellationRefund: { windowMinutes: 60, latePercent: 0 },
    });
    const paid = await paymentOf(booked.manageToken);
    expect(paid).toMatchObject({
      state: 'paid',
      paid: 2000,
      balance_due: 4000,
      refund_if_cancelled_now: 2000,
    });
    expect(paid?.policy.terms).toBe(
      'Deposit £20.00 paid. Cancel by Tue 1 Dec, 10:00 for a full refund; after that 50% of it ' +
        'is refunded. If you miss the appointment, your card may be charged up to £50.00 in total.',
    );

    // Inside the window the preview drops to the late share, before anything is cancelled.
    h.clock.set(london('2026-12-02', '09:00'));
    expect(await paymentOf(booked.manageToken)).toMatchObject({ refund_if_cancelled_now: 1000 });

    const cancelled = await call(`${h.url}/api/bookings/${booked.manageToken}`, {
      method: 'DELETE',
    });
    expect(cancelled.status).toBe(200);
    await h.host.app.services.payments.idle();
    expect(await paymentOf(booked.manageToken)).toMatchObject({
      state: 'part_refunded',
      paid: 2000,
      refunded: 1000,
      refund_pending: 0,
      refund_if_cancelled_now: 0,
    });
  });

  it('is null for a booking without payment terms', async () => {
    const answer = await call<{ booking: { payment: unknown }; manage_token: string }>(
      `${h.url}/api/bookings`,
      {
        method: 'POST',
        body: {
          service_id: h.cut,
          start: '2026-12-01T10:00:00+00:00',
          customer: { name: 'Ann Other', email: 'ann@example.com' },
        },
      },
    );
    expect(answer.status).toBe(201);
    expect(answer.body.booking.payment).toBeNull();
    expect(await paymentOf(answer.body.manage_token)).toBeNull();
  });

  it('the admin API shows the same booking fields and no payment', async () => {
    const booked = await bookColour(h, '2026-12-03T10:00:00+00:00');
    const key = h.host.app.services.apiKeys.create({ name: 'CRM' }).key;
    const customerId = h.host.app.services.bookings.row(booked.id).customerId;
    const admin = await call<{ bookings: Record<string, unknown>[] }>(
      `${h.url}/api/customers/${customerId}/bookings`,
      { headers: { authorization: `Bearer ${key}` } },
    );
    const mine = await call<{ booking: Record<string, unknown> }>(
      `${h.url}/api/bookings/${booked.manageToken}`,
    );
    const [row] = admin.body.bookings;
    expect(Object.keys(row ?? {})).toEqual([
      'id',
      'status',
      'source',
      'start',
      'end',
      'service_id',
      'service_name',
      'staff_id',
      'staff_name',
      'any_staff',
      'price',
      'note',
      'cancel_reason',
      'created_at',
    ]);
    for (const field of ['id', 'status', 'start', 'end', 'service_name', 'staff_name', 'price']) {
      expect(row?.[field]).toEqual(mine.body.booking[field]);
    }
  });
});
