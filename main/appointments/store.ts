// The appointment store: the only module that writes the `appointments` and
// `appointment_events` tables, and the one mapping between their rows and the contract's
// Appointment. Every change to a row records its audit event in the same statement group, so the
// trail cannot miss a change; use cases (bookings.ts, payments, the SMS inbox, merging customers,
// the demo seed) ask the store rather than write the tables themselves.
//
// The desk's lists (the calendar's day and week, a customer's history) carry each booking's
// payment state; the money totals come from correlated subqueries on the payments index, so a
// week of appointments is still one query, however many movements each one has.
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { insertRows } from '../../db/insert-rows.js';
import type { Placeholder } from 'drizzle-orm';
import { appointmentEvents, appointments, messages, type ActorKind } from '../../db/schema.js';
import type { Appointment, ListedAppointment } from '../../preload/contract/index.js';
import { paymentStateOf } from '../domain/payment-policy.js';
import { NotFoundError } from '../core/errors.js';
import type { Core } from '../core/context.js';
import { LONGEST_APPOINTMENT_MS } from './schedule.js';

export type AppointmentRow = typeof appointments.$inferSelect;
type AppointmentInsert = typeof appointments.$inferInsert;
export type AppointmentEventInsert = typeof appointmentEvents.$inferInsert;
/** What a change records in the audit trail besides the appointment, its time and the actor. */
export type AuditEntry = Partial<Omit<AppointmentEventInsert, 'id' | 'appointmentId' | 'at'>> &
  Pick<AppointmentEventInsert, 'kind' | 'actor'>;

const appointmentColumns = [
  'id',
  'staffId',
  'serviceId',
  'customerId',
  'startAt',
  'endAt',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'status',
  'source',
  'holdExpiresAt',
  'priceAmount',
  'currency',
  'note',
  'cancelReason',
  'customerConfirmedAt',
  'manageTokenHash',
  'depositAmount',
  'paymentPolicy',
  'anyStaff',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof AppointmentInsert)[];

const eventColumns = [
  'appointmentId',
  'at',
  'kind',
  'actor',
  'fromStatus',
  'toStatus',
  'fromStartAt',
  'toStartAt',
  'fromStaffId',
  'toStaffId',
  'reason',
] as const satisfies readonly (keyof AppointmentEventInsert)[];

const emptyEvent = {
  fromStatus: null,
  toStatus: null,
  fromStartAt: null,
  toStartAt: null,
  fromStaffId: null,
  toStaffId: null,
  reason: null,
};

/** `{ column: sql.placeholder(column) }` for a prepared insert. */
function placeholders<K extends string>(columns: readonly K[]): Record<K, Placeholder<K>> {
  return Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as Record<
    K,
    Placeholder<K>
  >;
}

export function toAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    staffId: row.staffId,
    serviceId: row.serviceId,
    customerId: row.customerId,
    start: row.startAt,
    end: row.endAt,
    status: row.status,
    source: row.source,
    holdExpiresAt: row.holdExpiresAt,
    priceAmount: row.priceAmount,
    currency: row.currency,
    note: row.note,
    cancelReason: row.cancelReason,
    customerConfirmedAt: row.customerConfirmedAt,
    anyStaff: row.anyStaff,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function hashManageToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AppointmentQuery {
  from: number;
  to: number;
  staffId?: string | undefined;
  customerId?: string | undefined;
}

export function createAppointmentStore(core: Core) {
  const { db, clock } = core;

  // On the booking path: statements prepared once, not rebuilt per call.
  const byId = db
    .select()
    .from(appointments)
    .where(eq(appointments.id, sql.placeholder('id')))
    .prepare();
  // No RETURNING: every column is given, so the stored row is built from the values written
  // (reading 22 columns back costs more than the insert's index work).
  const insertAppointment = db
    .insert(appointments)
    .values(placeholders(appointmentColumns))
    .prepare();
  const insertEvent = db.insert(appointmentEvents).values(placeholders(eventColumns)).prepare();
  // Asked for every due row the loop claims: prepared once, not rebuilt by drizzle per row.
  const futureBooking = db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.customerId, sql.placeholder('customerId')),
        gt(appointments.startAt, sql.placeholder('after')),
        ne(appointments.id, sql.placeholder('exceptId')),
        inArray(appointments.status, ['confirmed', 'pending_payment']),
      ),
    )
    .prepare();

  // Plain SQL with explicit aliases: drizzle leaves the columns of a one-table select unqualified,
  // and an unqualified "id" inside the subquery would name the payment's own id.
  const collected = sql<number>`(select coalesce(sum(p.amount), 0) from payments p
    where p.appointment_id = appointments.id and p.kind <> 'refund' and p.status = 'succeeded')`;
  const returned = sql<number>`(select coalesce(sum(p.amount), 0) from payments p
    where p.appointment_id = appointments.id and p.kind = 'refund'
      and p.status in ('succeeded', 'pending'))`;

  function find(id: string): AppointmentRow | undefined {
    return byId.get({ id });
  }

  function row(id: string): AppointmentRow {
    const found = find(id);
    if (!found) throw new NotFoundError('appointment', id);
    return found;
  }

  function record(appointmentId: string, at: number, entry: AuditEntry): void {
    insertEvent.run({ ...emptyEvent, ...entry, appointmentId, at });
  }

  /** Writes `patch` onto the row and its audit entry; answers the row as it now stands. */
  function change(
    id: string,
    patch: Partial<Omit<AppointmentInsert, 'id'>>,
    entry: AuditEntry | null,
  ): AppointmentRow {
    const now = clock.now();
    const next = db
      .update(appointments)
      .set({ ...patch, updatedAt: now })
      .where(eq(appointments.id, id))
      .returning()
      .get();
    if (!next) throw new NotFoundError('appointment', id);
    if (entry) record(id, now, entry);
    return next;
  }

  return {
    find,
    row,
    get: (id: string): Appointment => toAppointment(row(id)),

    findByManageToken(token: string): AppointmentRow | undefined {
      return db
        .select()
        .from(appointments)
        .where(eq(appointments.manageTokenHash, hashManageToken(token)))
        .get();
    },

    /** Appointments overlapping the window, in start order, each with its payment state. */
    list(query: AppointmentQuery): ListedAppointment[] {
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
        .map(({ row: found, collected: paid, returned: back }) => ({
          ...toAppointment(found),
          paymentState: paymentStateOf({
            deposit: found.depositAmount,
            collected: paid,
            returned: back,
            status: found.status,
          }),
        }));
    },

    /** The customer's next confirmed appointment after `now` (what an SMS reply is about). */
    nextConfirmedOf(customerId: string, now: number): AppointmentRow | undefined {
      return db
        .select()
        .from(appointments)
        .where(
          and(
            eq(appointments.customerId, customerId),
            eq(appointments.status, 'confirmed'),
            gt(appointments.startAt, now),
          ),
        )
        .orderBy(asc(appointments.startAt))
        .limit(1)
        .get();
    },

    /** Whether the customer has another live booking starting after `after`. */
    hasFutureBooking(customerId: string, after: number, exceptId: string): boolean {
      return futureBooking.get({ customerId, after, exceptId }) !== undefined;
    },

    /** Future confirmed appointments without a single message (a crash, an old file, the seed). */
    unplannedFuture(now: number): string[] {
      return db
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          and(
            eq(appointments.status, 'confirmed'),
            gt(appointments.startAt, now),
            sql`not exists (select 1 from ${messages} where ${messages.appointmentId} = ${appointments.id})`,
          ),
        )
        .all()
        .map((r) => r.id);
    },

    /** How often the booking was moved (the revision of its messages). */
    timesMoved(appointmentId: string): number {
      const found = db
        .select({ n: count() })
        .from(appointmentEvents)
        .where(
          and(
            eq(appointmentEvents.appointmentId, appointmentId),
            eq(appointmentEvents.kind, 'rescheduled'),
          ),
        )
        .get();
      return found?.n ?? 0;
    },

    /** The newest status change in the audit trail: who moved the booking to where it is now. */
    lastStatusChange(appointmentId: string) {
      return db
        .select()
        .from(appointmentEvents)
        .where(
          and(
            eq(appointmentEvents.appointmentId, appointmentId),
            eq(appointmentEvents.kind, 'status_changed'),
          ),
        )
        .orderBy(desc(appointmentEvents.id))
        .limit(1)
        .get();
    },

    history(id: string) {
      row(id);
      return db
        .select()
        .from(appointmentEvents)
        .where(eq(appointmentEvents.appointmentId, id))
        .orderBy(asc(appointmentEvents.id))
        .all()
        .map((e) => ({
          id: e.id,
          at: e.at,
          kind: e.kind,
          actor: e.actor,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          fromStart: e.fromStartAt,
          toStart: e.toStartAt,
          fromStaffId: e.fromStaffId,
          toStaffId: e.toStaffId,
          reason: e.reason,
        }));
    },

    // ── writes: callers hold the write transaction ─────────────────────────────

    /** A new appointment and its `created` audit event. */
    insert(inserted: AppointmentRow, actor: ActorKind): void {
      const { calendarSequence: _fromColumnDefault, ...written } = inserted;
      insertAppointment.run(written);
      record(inserted.id, inserted.createdAt, {
        kind: 'created',
        actor,
        toStatus: inserted.status,
        toStartAt: inserted.startAt,
        toStaffId: inserted.staffId,
      });
    },

    change,

    /** The customer confirmed by SMS: once, with its audit event. False when already confirmed. */
    markCustomerConfirmed(id: string, reason: string): boolean {
      const current = row(id);
      if (current.customerConfirmedAt !== null) return false;
      change(
        id,
        { customerConfirmedAt: clock.now() },
        { kind: 'customer_confirmed', actor: 'customer', reason },
      );
      return true;
    },

    /** RFC 5545 SEQUENCE: every move and the cancel make a newer version of the calendar event. */
    bumpCalendarSequence(id: string): void {
      db.update(appointments)
        .set({ calendarSequence: sql`${appointments.calendarSequence} + 1` })
        .where(eq(appointments.id, id))
        .run();
    },

    /** Copies a payment policy onto a booking made before payments existed (no audit: no change). */
    freezePolicy(id: string, policyJson: string, depositAmount: number): void {
      db.update(appointments)
        .set({ paymentPolicy: policyJson, depositAmount })
        .where(eq(appointments.id, id))
        .run();
    },

    /** Merging customers: every appointment of one becomes the other's. */
    moveToCustomer(fromCustomerId: string, toCustomerId: string): number {
      return db
        .update(appointments)
        .set({ customerId: toCustomerId })
        .where(eq(appointments.customerId, fromCustomerId))
        .run().changes;
    },

    /** A history written at once (the demo seed), its audit trail given with it. */
    importHistory(rows: readonly AppointmentInsert[], events: readonly AppointmentEventInsert[]) {
      insertRows(db, appointments, rows);
      insertRows(db, appointmentEvents, events);
    },
  };
}

export type AppointmentStore = ReturnType<typeof createAppointmentStore>;
