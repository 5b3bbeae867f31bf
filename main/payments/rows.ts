// The `payments` table: every money movement, one row each, written before the provider is called
// and settled after. Shared by the deposit, refund and reconciliation code.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { payments } from '../../db/schema.js';
import { NotFoundError } from '../core/errors.js';
import type { Core } from '../core/context.js';

export type PaymentRow = typeof payments.$inferSelect;

/** Rows made in the same millisecond keep the order they were written in. */
const insertionOrder = sql`rowid`;

export function createPaymentRows(core: Core, providerName: () => 'stripe' | 'demo') {
  const { db, clock, newId } = core;

  // Prepared once: every booking's answer shows its money, so this runs on each booking.
  const rowsOfAppointment = db
    .select()
    .from(payments)
    .where(eq(payments.appointmentId, sql.placeholder('appointmentId')))
    .orderBy(asc(payments.createdAt), asc(insertionOrder))
    .prepare();

  function rowsOf(appointmentId: string): PaymentRow[] {
    return rowsOfAppointment.all({ appointmentId });
  }

  const byKey = (key: string) =>
    db.select().from(payments).where(eq(payments.idempotencyKey, key)).get();

  function update(id: string, set: Partial<PaymentRow>): PaymentRow {
    const row = db
      .update(payments)
      .set({ ...set, updatedAt: clock.now() })
      .where(eq(payments.id, id))
      .returning()
      .get();
    if (!row) throw new NotFoundError('payment', id);
    return row;
  }

  function insert(
    row: Pick<PaymentRow, 'appointmentId' | 'kind' | 'amount' | 'currency' | 'idempotencyKey'> &
      Partial<PaymentRow>,
  ): PaymentRow {
    const now = clock.now();
    return db
      .insert(payments)
      .values({
        id: newId('pay'),
        status: 'pending',
        provider: providerName(),
        createdAt: now,
        updatedAt: now,
        ...row,
      })
      .returning()
      .get();
  }

  function unsettled(): PaymentRow[] {
    return db
      .select()
      .from(payments)
      .where(and(eq(payments.status, 'pending'), inArray(payments.kind, ['deposit', 'refund'])))
      .orderBy(asc(payments.createdAt))
      .all();
  }

  return {
    rowsOf,
    byKey,
    update,
    insert,
    unsettled,
    bySession: (sessionId: string) =>
      db.select().from(payments).where(eq(payments.checkoutSessionId, sessionId)).get(),
    byRefundId: (refundId: string) =>
      db.select().from(payments).where(eq(payments.refundId, refundId)).get(),
  };
}

export type PaymentRows = ReturnType<typeof createPaymentRows>;
