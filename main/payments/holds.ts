// Phone holds and deposits taken at the desk. A booking held for its deposit that nobody can pay
// any more (the desk sent no link) is released when its hold lapses, as a widget hold is when its
// checkout expires; and the desk may record the deposit taken in person (cash, its own card
// terminal), which confirms the hold. That money is held like any other but never refunded
// through the provider: it goes back at the desk.
import { and, eq, isNotNull, lte, notExists, sql } from 'drizzle-orm';
import { appointments, payments } from '../../db/schema.js';
import type { PaymentPolicy } from '../domain/payment-policy.js';
import { ConflictError, PolicyError, ValidationError } from '../core/errors.js';
import type { BookingService } from '../appointments/index.js';
import type { Core } from '../core/context.js';
import type { PaymentRow, PaymentRows } from './rows.js';

type AppointmentRow = typeof appointments.$inferSelect;

export function createHoldRules(
  core: Core,
  deps: {
    rows: PaymentRows;
    bookings: BookingService;
    /** The appointment's frozen policy (frozen now when it has none yet). */
    policyOf: (appointment: AppointmentRow) => PaymentPolicy;
    /** Confirms a held booking inside the caller's IMMEDIATE transaction (deposits.ts). */
    confirmHeldInside: (
      appointmentId: string,
      actor: 'system' | 'desk',
    ) => 'confirmed' | 'taken' | 'not_pending';
    log: (message: string, error?: unknown) => void;
  },
) {
  const { db, clock, write } = core;
  const { bookings } = deps;

  /**
   * Held bookings whose hold lapsed with nothing the customer could still pay (the desk held the
   * slot and sent no link, or the checkout was never made) are cancelled, as a widget hold is when
   * its checkout expires; their time stopped blocking others when the hold ended. A hold with a
   * checkout is left to that checkout's own expiry (reconcileRow).
   */
  function releaseLapsedHolds(): string[] {
    const payable = db
      .select({ one: sql`1` })
      .from(payments)
      .where(
        and(
          eq(payments.appointmentId, appointments.id),
          eq(payments.kind, 'deposit'),
          eq(payments.status, 'pending'),
          isNotNull(payments.checkoutSessionId),
        ),
      );
    const lapsed = db
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.status, 'pending_payment'),
          lte(appointments.holdExpiresAt, clock.now()),
          notExists(payable),
        ),
      )
      .all();
    const released: string[] = [];
    for (const { id } of lapsed) {
      try {
        bookings.cancel(id, 'system', 'The deposit was not paid in time');
        released.push(id);
      } catch (error) {
        // Confirmed or cancelled a moment ago by someone else: nothing left to release.
        deps.log(`releasing the lapsed hold of ${id} failed`, error);
      }
    }
    return released;
  }

  /**
   * The deposit taken at the desk (cash, the desk's own card terminal). Recorded as an in_person
   * movement with the amount taken; a booking held for its deposit is confirmed in the same
   * transaction, so its reminders are planned as for a paid checkout. The same requestId is one
   * movement, whatever the clicks.
   */
  function takeInPerson(input: {
    appointmentId: string;
    amount: number;
    note?: string | undefined;
    requestId: string;
  }): PaymentRow {
    if (!Number.isInteger(input.amount) || input.amount <= 0) {
      throw ValidationError.field('amount', 'must be more than 0');
    }
    const idempotencyKey = `in_person:${input.appointmentId}:${input.requestId}`;
    return write(() => {
      const earlier = deps.rows.byKey(idempotencyKey);
      if (earlier) return earlier;
      const appointment = bookings.row(input.appointmentId);
      if (appointment.status !== 'pending_payment' && appointment.status !== 'confirmed') {
        throw new PolicyError(
          `A ${appointment.status.replace('_', ' ')} booking takes no deposit`,
          { status: appointment.status },
        );
      }
      const policy = deps.policyOf(appointment);
      if (policy.deposit === 0) {
        throw new PolicyError('This booking asks no deposit', { field: 'amount' });
      }
      const paid = deps.rows
        .rowsOf(appointment.id)
        .some((r) => (r.kind === 'deposit' || r.kind === 'in_person') && r.status === 'succeeded');
      if (paid) {
        throw new PolicyError('The deposit for this booking is already paid', {
          field: 'amount',
        });
      }
      if (appointment.priceAmount > 0 && input.amount > appointment.priceAmount) {
        throw ValidationError.field(
          'amount',
          `is more than the price of the booking (${appointment.priceAmount})`,
        );
      }
      const row = deps.rows.insert({
        appointmentId: appointment.id,
        kind: 'in_person',
        amount: input.amount,
        currency: policy.currency,
        idempotencyKey,
        status: 'succeeded',
        provider: 'desk',
        reason: input.note?.trim() || 'Taken at the desk',
      });
      if (deps.confirmHeldInside(appointment.id, 'desk') === 'taken') {
        // Throwing rolls the movement back with it: nothing is recorded for a booking that lost
        // its time.
        throw new ConflictError(
          'The hold lapsed and its time was booked by someone else; book a new time',
          { appointmentId: appointment.id },
        );
      }
      return row;
    })();
  }

  return { releaseLapsedHolds, takeInPerson };
}
