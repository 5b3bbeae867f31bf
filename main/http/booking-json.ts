// How a booking leaves the public listener. The widget's manage page and the admin API show the
// same booking, so they share one serializer: the common fields once, then what only the holder
// of the manage token sees (its cut-off, its money) or only the business's own systems see.
import type { z } from 'zod';
import type { Appointment } from '../../preload/contract/index.js';
import type { App } from '../app.js';
import { MINUTE_MS, formatInstantInZone } from '../domain/time.js';
import { appointmentUid } from '../integrations/email/calendar.js';
import type { bookingFields, bookingPayment, PublicBooking } from './public-schemas.js';

type Services = App['services'];
type BookingRow = ReturnType<Services['bookings']['row']>;

/** The statuses a customer may still move or cancel (the store's own rule). */
const CHANGEABLE = new Set(['confirmed', 'pending_payment']);

/** `now`: the core's clock, so the flag agrees with the PATCH and DELETE that apply the rule. */
export function bookingJson(services: Services, now: () => number) {
  const zoneNow = () => services.settings.get().timeZone;
  const at = (ms: number, zone = zoneNow()) => formatInstantInZone(ms, zone);

  function shared(a: Appointment, zone = zoneNow()): z.output<typeof bookingFields> {
    return {
      id: a.id,
      status: a.status,
      start: at(a.start, zone),
      end: at(a.end, zone),
      service_id: a.serviceId,
      service_name: services.catalog.serviceRow(a.serviceId).name,
      staff_id: a.staffId,
      staff_name: services.catalog.staffRow(a.staffId).name,
      any_staff: a.anyStaff,
      price: { amount: a.priceAmount, currency: a.currency },
    };
  }

  function payment(a: Appointment, row: BookingRow, zone: string): z.output<typeof bookingPayment> {
    const summary = services.payments.summary(row);
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
        full_refund_until: at(summary.fullRefundUntil, zone),
        late_refund_percent: policy.lateCancelRefundPercent,
        no_show: policy.noShow.kind,
        no_show_max_charge: policy.noShow.kind === 'charge_card' ? policy.noShow.maxAmount : null,
        terms: summary.terms,
      },
    };
  }

  /**
   * What the holder of the manage token sees. `row` is the stored booking when the caller has
   * already read it (its frozen payment terms are not part of `a`).
   */
  function forCustomer(a: Appointment, row = services.bookings.row(a.id)): PublicBooking {
    const business = services.settings.get();
    const zone = business.timeZone;
    const changesUntil = a.start - business.cancellationCutoffMinutes * MINUTE_MS;
    const customerName = services.customers.row(a.customerId).name.trim();
    return {
      ...shared(a, zone),
      hold_expires_at: a.holdExpiresAt === null ? null : at(a.holdExpiresAt, zone),
      changes_allowed_until: at(changesUntil, zone),
      can_change_online: CHANGEABLE.has(a.status) && now() <= changesUntil,
      business: { name: business.name, phone: business.phone },
      customer: { first_name: customerName.split(/\s+/)[0] ?? '' },
      payment: payment(a, row, zone),
      calendar_uid: appointmentUid(a.id),
    };
  }

  return { shared, forCustomer, at };
}
