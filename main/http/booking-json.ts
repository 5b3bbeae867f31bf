// How a booking leaves the public listener. The widget's manage page and the admin API show the
// same booking, so they share one serializer: the common fields once, then what only the holder
// of the manage token sees (its cut-off, its money) or only the business's own systems see.
import type { z } from 'zod';
import type { Appointment } from '../../preload/contract.js';
import type { App } from '../app.js';
import { MINUTE_MS, formatInstantInZone } from '../domain/time.js';
import type { bookingFields, bookingPayment, PublicBooking } from './public-schemas.js';

type Services = App['services'];

export function bookingJson(services: Services) {
  const at = (ms: number) => formatInstantInZone(ms, services.settings.get().timeZone);

  function shared(a: Appointment): z.output<typeof bookingFields> {
    return {
      id: a.id,
      status: a.status,
      start: at(a.start),
      end: at(a.end),
      service_id: a.serviceId,
      service_name: services.catalog.serviceRow(a.serviceId).name,
      staff_id: a.staffId,
      staff_name: services.catalog.staffRow(a.staffId).name,
      price: { amount: a.priceAmount, currency: a.currency },
    };
  }

  function payment(a: Appointment): z.output<typeof bookingPayment> {
    const summary = services.payments.summary(a.id);
    if (!summary) return null;
    const { policy, balance } = summary;
    return {
      state: summary.state,
      currency: policy.currency,
      deposit_required: policy.deposit > 0,
      deposit: policy.deposit,
      paid: balance.collected,
      refunded: balance.refunded,
      refund_pending: balance.refundPending,
      balance_due: Math.max(0, a.priceAmount - balance.held),
      refund_if_cancelled_now: summary.refundIfCancelledNow,
      policy: {
        full_refund_until: at(summary.fullRefundUntil),
        late_refund_percent: policy.lateCancelRefundPercent,
        no_show: policy.noShow.kind,
        no_show_max_charge: policy.noShow.kind === 'charge_card' ? policy.noShow.maxAmount : null,
        terms: summary.terms,
      },
    };
  }

  /** What the holder of the manage token sees. */
  function forCustomer(a: Appointment): PublicBooking {
    const cutoff = services.settings.get().cancellationCutoffMinutes;
    const customerName = services.customers.row(a.customerId).name.trim();
    return {
      ...shared(a),
      hold_expires_at: a.holdExpiresAt === null ? null : at(a.holdExpiresAt),
      changes_allowed_until: at(a.start - cutoff * MINUTE_MS),
      customer: { first_name: customerName.split(/\s+/)[0] ?? '' },
      payment: payment(a),
    };
  }

  return { shared, forCustomer, at };
}
