// The payment terms a message states: the appointment's frozen policy (domain/payment-policy.ts
// bookingTerms) with its real refund deadline and the deposit held as the message is written.
// Read by the message renderer, which knows nothing else of payments.
import { eq, sql } from 'drizzle-orm';
import { payments, type appointments } from '../../db/schema.js';
import { balanceOf, bookingTerms, parsePolicy } from '../domain/payment-policy.js';
import { formatStartLocal } from '../domain/templates.js';
import type { Core } from '../core/context.js';
import type { SettingsService } from '../catalog/index.js';

type AppointmentRow = typeof appointments.$inferSelect;

/** The terms in plain words; empty when the booking's policy says nothing about money. */
export type PaymentTermsReader = (appointment: AppointmentRow) => string;

export function createPaymentTermsReader(
  core: Core,
  settings: SettingsService,
): PaymentTermsReader {
  const { db, clock } = core;
  // Asked for every planned message: prepared once.
  const movements = db
    .select({ kind: payments.kind, amount: payments.amount, status: payments.status })
    .from(payments)
    .where(eq(payments.appointmentId, sql.placeholder('id')))
    .prepare();

  return (appointment) => {
    const policy = parsePolicy(appointment.paymentPolicy);
    if (!policy) return '';
    const zone = settings.get().timeZone;
    return bookingTerms(policy, {
      start: appointment.startAt,
      held: balanceOf(movements.all({ id: appointment.id })).held,
      formatInstant: (ms) => formatStartLocal(ms, zone),
      now: clock.now(),
    });
  };
}
