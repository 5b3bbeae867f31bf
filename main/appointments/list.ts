// The desk's appointment lists (the calendar's day and week, a customer's history) with each
// booking's payment state. The money totals come from correlated subqueries on the payments
// index, so a week of appointments is still one query, however many movements each one has.
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { appointments } from '../../db/schema.js';
import type { ListedAppointment } from '../../preload/contract.js';
import { paymentStateOf } from '../domain/payment-policy.js';
import { toAppointment } from './bookings.js';
import type { Core } from '../core/context.js';
import { LONGEST_APPOINTMENT_MS } from './schedule.js';

export function createAppointmentList(core: Core) {
  const { db } = core;
  // Plain SQL with explicit aliases: drizzle leaves the columns of a one-table select unqualified,
  // and an unqualified "id" inside the subquery would name the payment's own id.
  const collected = sql<number>`(select coalesce(sum(p.amount), 0) from payments p
    where p.appointment_id = appointments.id and p.kind <> 'refund' and p.status = 'succeeded')`;
  const returned = sql<number>`(select coalesce(sum(p.amount), 0) from payments p
    where p.appointment_id = appointments.id and p.kind = 'refund'
      and p.status in ('succeeded', 'pending'))`;

  return {
    list(query: {
      from: number;
      to: number;
      staffId?: string | undefined;
      customerId?: string | undefined;
    }): ListedAppointment[] {
      return db
        .select({ row: appointments, collected, returned })
        .from(appointments)
        .where(
          and(
            lt(appointments.startAt, query.to),
            // Nothing lasts longer, so the index is read from just before the window rather than
            // from the start of the business's history.
            gt(appointments.startAt, query.from - LONGEST_APPOINTMENT_MS),
            gt(appointments.endAt, query.from),
            query.staffId ? eq(appointments.staffId, query.staffId) : undefined,
            query.customerId ? eq(appointments.customerId, query.customerId) : undefined,
          ),
        )
        .orderBy(asc(appointments.startAt))
        .all()
        .map(({ row, collected: paid, returned: back }) => ({
          ...toAppointment(row),
          paymentState: paymentStateOf({
            deposit: row.depositAmount,
            collected: paid,
            returned: back,
            status: row.status,
          }),
        }));
    },
  };
}

export type AppointmentList = ReturnType<typeof createAppointmentList>;
