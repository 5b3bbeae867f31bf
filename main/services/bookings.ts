// Booking, moving, cancelling and closing appointments. Every write that decides a slot re-checks
// the staff member's time and writes inside one IMMEDIATE transaction: SQLite then lets one writer
// at a time through, so two bookings can never both see a slot as free.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Placeholder } from 'drizzle-orm';
import { immediateWrite } from '../../db/write-transaction.js';
import {
  appointmentEvents,
  appointments,
  type ActorKind,
  type AppointmentSource,
} from '../../db/schema.js';
import type { Appointment, NewAppointment, Settings } from '../../preload/contract.js';
import { findConflict, isOffGrid, type StaffAvailabilityInput } from '../domain/availability.js';
import { canReschedule, transition, type StatusAction } from '../domain/appointment-status.js';
import { policyForService } from '../domain/payment-policy.js';
import { MINUTE_MS, utcToLocalDate } from '../domain/time.js';
import { ConflictError, NotFoundError, PolicyError, ValidationError } from '../errors.js';
import type { CatalogService } from './catalog.js';
import { secureRandomBytes, type Core } from './core.js';
import type { CustomerService } from './customers.js';
import { recall, remember, requestHash } from './idempotency.js';
import type { ScheduleReader } from './schedule.js';
import type { SettingsService } from './settings.js';

type AppointmentRow = typeof appointments.$inferSelect;
type AppointmentInsert = typeof appointments.$inferInsert;
type EventInsert = typeof appointmentEvents.$inferInsert;

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
] as const satisfies readonly (keyof EventInsert)[];

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

export interface BookingRequest extends NewAppointment {
  source: AppointmentSource;
  actor: ActorKind;
}

export interface BookingResult {
  appointment: Appointment;
  /** Given once, to the customer; only its hash is stored. */
  manageToken: string;
}

export interface CreatedBooking extends BookingResult {
  /** This is the remembered answer to an earlier request with the same key. */
  replayed: boolean;
  /** The row as written, when this request wrote it (not on a replay). */
  stored?: AppointmentRow;
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

const conflictMessages = {
  outside_working_hours: 'is outside the working hours',
  time_off: 'falls in time off',
  overlaps_appointment: 'overlaps another appointment',
} as const;

export interface BookingDeps {
  settings: SettingsService;
  catalog: CatalogService;
  customers: CustomerService;
  schedule: ScheduleReader;
}

export function createBookingService(core: Core, deps: BookingDeps) {
  const { db, clock, newId, events } = core;
  const { settings, catalog, customers, schedule } = deps;

  // Booking writes are on the desk's critical path: statements prepared once, not rebuilt per call.
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

  function row(id: string): AppointmentRow {
    const found = byId.get({ id });
    if (!found) throw new NotFoundError('appointment', id);
    return found;
  }

  /**
   * The slot grid a booking must start on: customers and the API book what availability offers,
   * so one booking cannot straddle two slots; the desk may place a booking anywhere free.
   */
  function gridFor(actor: ActorKind, s: Settings): number | undefined {
    return actor === 'desk' || actor === 'system' ? undefined : s.slotStepMinutes;
  }

  /** Public bookings keep to the business's notice and horizon; the desk may book anything free. */
  function assertWithinBookingWindow(
    start: number,
    actor: ActorKind,
    now: number,
    s: Settings,
  ): void {
    if (start < now) throw ValidationError.field('start', 'is in the past');
    if (actor === 'desk' || actor === 'system') return;
    if (start < now + s.minimumNoticeMinutes * MINUTE_MS) {
      throw new PolicyError(`Bookings need at least ${s.minimumNoticeMinutes} minutes' notice`, {
        field: 'start',
        rule: 'minimum_notice',
      });
    }
    if (start > now + s.horizonDays * 24 * 60 * MINUTE_MS) {
      throw new PolicyError(`Bookings open at most ${s.horizonDays} days ahead`, {
        field: 'start',
        rule: 'horizon',
      });
    }
  }

  interface Placement {
    staffId: string;
    start: number;
    end: number;
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
  }

  /**
   * Picks the staff member for a booking and proves the time is free, inside the transaction.
   * With no staff named: the free one with the fewest appointments that day, as the availability
   * engine does, so the slot offered is the slot booked.
   */
  function place(
    candidates: string[],
    span: Omit<Placement, 'staffId'>,
    now: number,
    zone: string,
    excludeAppointmentId?: string,
    gridMinutes?: number,
  ): Placement {
    // One candidate: only what clashes with the time this booking occupies. Several: their whole
    // neighbourhood, whose count that day decides who gets the booking.
    const [only] = candidates;
    const inputs =
      candidates.length === 1 && only !== undefined
        ? [
            schedule.clashes(
              only,
              span.start - Math.max(span.bufferBeforeMinutes, 0) * MINUTE_MS,
              span.end + Math.max(span.bufferAfterMinutes, 0) * MINUTE_MS,
              now,
              excludeAppointmentId,
            ),
          ]
        : schedule.read(candidates, span.start, span.end, now, excludeAppointmentId);
    const day = utcToLocalDate(span.start, zone);
    let best: { input: StaffAvailabilityInput; load: number } | undefined;
    let firstReason: string | undefined;
    let offGrid = false;
    for (const input of inputs) {
      if (gridMinutes !== undefined && isOffGrid(span.start, input.hours, zone, gridMinutes)) {
        offGrid = true;
        continue;
      }
      const conflict = findConflict(span, input, zone);
      if (conflict) {
        firstReason ??= conflictMessages[conflict.reason];
        continue;
      }
      // The least busy member that day gets an "anyone" booking; with one candidate there is
      // nothing to compare.
      const load =
        inputs.length === 1
          ? 0
          : input.appointments.filter((a) => utcToLocalDate(a.start, zone) === day).length;
      if (!best || load < best.load) best = { input, load };
    }
    if (!best && offGrid) {
      throw ValidationError.field(
        'start',
        `is not a start time on offer: bookings start on the minute, every ${gridMinutes} minutes from the start of working hours (as availability lists them)`,
      );
    }
    if (!best) {
      const who = candidates.length === 1 ? 'for this staff member' : 'for every staff member';
      throw new ConflictError(
        `That time is no longer free: it ${firstReason ?? 'is taken'} ${who}`,
        {
          field: 'start',
          reason: firstReason,
        },
      );
    }
    return { ...span, staffId: best.input.staffId };
  }

  function candidatesFor(serviceId: string, staffId: string | undefined): string[] {
    const service = catalog.getService(serviceId);
    if (staffId === undefined) {
      const active = new Set(
        catalog
          .listStaff()
          .filter((s) => s.active)
          .map((s) => s.id),
      );
      const staffIds = service.staffIds.filter((id) => active.has(id));
      if (staffIds.length === 0) {
        throw new PolicyError('Nobody performs this service at the moment', { field: 'serviceId' });
      }
      return staffIds;
    }
    const member = catalog.staffRow(staffId);
    if (!service.staffIds.includes(staffId)) {
      throw ValidationError.field('staffId', `${member.name} does not perform ${service.name}`);
    }
    if (!member.active)
      throw ValidationError.field('staffId', `${member.name} is not taking bookings`);
    return [staffId];
  }

  function recordEvent(
    event: Partial<EventInsert> & Pick<EventInsert, 'appointmentId' | 'at' | 'kind' | 'actor'>,
  ): void {
    insertEvent.run({ ...emptyEvent, ...event });
  }

  let announcing: { row: AppointmentRow; token: string } | null = null;

  const createInside = immediateWrite(
    db,
    (request: BookingRequest, hash: string): CreatedBooking => {
      const { idempotencyKey, source, actor, ...details } = request;
      const now = clock.now();
      const rules = settings.get();
      if (idempotencyKey) {
        const earlier = recall<BookingResult>(db, 'appointments.create', idempotencyKey, hash);
        if (earlier.replayed) return { ...earlier.value, replayed: true };
      }
      const service = catalog.serviceRow(details.serviceId);
      if (!service.active) throw ValidationError.field('serviceId', 'this service is not bookable');
      assertWithinBookingWindow(details.start, actor, now, rules);
      const span = {
        start: details.start,
        end: details.start + service.durationMinutes * MINUTE_MS,
        bufferBeforeMinutes: service.bufferBeforeMinutes,
        bufferAfterMinutes: service.bufferAfterMinutes,
      };
      const placement = place(
        candidatesFor(service.id, details.staffId),
        span,
        now,
        rules.timeZone,
        undefined,
        gridFor(actor, rules),
      );

      let customerId: string;
      if (details.customerId) {
        customerId = customers.row(details.customerId).id;
      } else if (details.customer) {
        customerId = customers.findOrCreate(details.customer, details.smsConsent).id;
      } else {
        throw ValidationError.field('customer', 'say who the booking is for');
      }

      const manageToken = secureRandomBytes(24).toString('base64url');
      const hold = details.hold === true;
      // Frozen here, in the booking's own write: what the customer agreed to is stored with the
      // slot, and editing the service later never rewrites it (domain/payment-policy.ts).
      const policy = policyForService(service, service.priceAmount, service.currency);
      const inserted: AppointmentRow = {
        id: newId('apt'),
        staffId: placement.staffId,
        serviceId: service.id,
        customerId,
        startAt: placement.start,
        endAt: placement.end,
        bufferBeforeMinutes: placement.bufferBeforeMinutes,
        bufferAfterMinutes: placement.bufferAfterMinutes,
        status: hold ? 'pending_payment' : 'confirmed',
        source,
        holdExpiresAt: hold ? now + rules.holdMinutes * MINUTE_MS : null,
        priceAmount: service.priceAmount,
        currency: service.currency,
        note: details.note ?? '',
        cancelReason: null,
        customerConfirmedAt: null,
        manageTokenHash: hashManageToken(manageToken),
        depositAmount: policy.deposit,
        paymentPolicy: JSON.stringify(policy),
        calendarSequence: 0,
        anyStaff: details.staffId === undefined,
        createdAt: now,
        updatedAt: now,
      };
      const { calendarSequence: _fromColumnDefault, ...written } = inserted;
      insertAppointment.run(written);
      recordEvent({
        appointmentId: inserted.id,
        at: now,
        kind: 'created',
        actor,
        toStatus: inserted.status,
        toStartAt: inserted.startAt,
        toStaffId: inserted.staffId,
      });
      const value: BookingResult = { appointment: toAppointment(inserted), manageToken };
      if (idempotencyKey) remember(db, 'appointments.create', idempotencyKey, hash, value, now);
      // Announced inside the booking's own write, unlike other changes: the planner subscribed
      // to this event (reminders.ts) then plans the confirmation and reminders in the same
      // commit, so no crash can leave a booking without its messages. The token exists in plain
      // form only now; the planner reads it while the event is delivered to put the manage link
      // in the messages.
      announcing = { row: inserted, token: manageToken };
      try {
        events.emit('appointments.changed', {
          appointmentId: inserted.id,
          status: inserted.status,
          change: 'created',
        });
      } finally {
        announcing = null;
      }
      return { ...value, replayed: false, stored: inserted };
    },
  );

  function create(request: BookingRequest): CreatedBooking {
    const { idempotencyKey, source, actor: _actor, ...details } = request;
    // Only a request that may be retried needs its fingerprint.
    const hash = idempotencyKey ? requestHash({ ...details, source }) : '';
    return createInside(request, hash);
  }

  /**
   * Who may take a moved appointment: its own staff member when none is named, the one named, or
   * with `anyStaff` whoever performs the service and is free — the same person first, so a
   * customer is moved away from them only when they are busy at the new time.
   */
  function placeMove(
    current: AppointmentRow,
    input: { staffId?: string | undefined; anyStaff?: boolean | undefined },
    span: Omit<Placement, 'staffId'>,
    now: number,
    zone: string,
    gridMinutes: number | undefined,
  ): Placement {
    if (input.anyStaff && input.staffId !== undefined) {
      throw ValidationError.field('staffId', 'name one staff member or ask for anyone, not both');
    }
    if (!input.anyStaff) {
      const staffIds =
        input.staffId === undefined
          ? [current.staffId]
          : candidatesFor(current.serviceId, input.staffId);
      return place(staffIds, span, now, zone, current.id, gridMinutes);
    }
    const everyone = candidatesFor(current.serviceId, undefined);
    if (everyone.includes(current.staffId)) {
      try {
        return place([current.staffId], span, now, zone, current.id, gridMinutes);
      } catch (error) {
        if (!(error instanceof ConflictError || error instanceof ValidationError)) throw error;
      }
    }
    return place(everyone, span, now, zone, current.id, gridMinutes);
  }

  function reschedule(
    input: {
      id: string;
      start: number;
      staffId?: string | undefined;
      /** Any staff member who performs the service may take it (the public manage link's "anyone"). */
      anyStaff?: boolean | undefined;
      durationMinutes?: number | undefined;
    },
    actor: ActorKind,
  ): Appointment {
    let change: 'rescheduled' | 'updated' = 'rescheduled';
    const updated = db.transaction(
      () => {
        const now = clock.now();
        const rules = settings.get();
        const current = row(input.id);
        if (!canReschedule(current.status)) {
          throw new PolicyError(
            `A ${current.status.replace('_', ' ')} appointment cannot be moved`,
            {
              status: current.status,
            },
          );
        }
        if (actor === 'customer') assertCustomerMayChange(current, now, rules);
        const oldLength = current.endAt - current.startAt;
        const length =
          input.durationMinutes === undefined ? oldLength : input.durationMinutes * MINUTE_MS;
        // Only the length changes (an appointment running long): the customer's time and
        // staff stay, so it may be one already under way and needs no "rescheduled" message.
        const lengthOnly =
          input.start === current.startAt &&
          !input.anyStaff &&
          (input.staffId === undefined || input.staffId === current.staffId) &&
          length !== oldLength;
        if (!lengthOnly) assertWithinBookingWindow(input.start, actor, now, rules);
        else if (current.startAt + length <= now) {
          throw ValidationError.field('durationMinutes', 'would end the appointment in the past');
        }
        if (lengthOnly) change = 'updated';
        const span = {
          start: input.start,
          end: input.start + length,
          bufferBeforeMinutes: current.bufferBeforeMinutes,
          bufferAfterMinutes: current.bufferAfterMinutes,
        };
        const placement = placeMove(
          current,
          input,
          span,
          now,
          rules.timeZone,
          gridFor(actor, rules),
        );
        // The customer's own say on who: asking for anyone again, or naming a person.
        const saysWho = actor === 'customer' && (input.anyStaff || input.staffId !== undefined);
        const next = db
          .update(appointments)
          .set({
            staffId: placement.staffId,
            startAt: placement.start,
            endAt: placement.end,
            ...(saysWho ? { anyStaff: input.anyStaff === true } : {}),
            updatedAt: now,
          })
          .where(eq(appointments.id, current.id))
          .returning()
          .get();
        if (!next) throw new NotFoundError('appointment', input.id);
        recordEvent({
          appointmentId: current.id,
          at: now,
          kind: 'rescheduled',
          actor,
          fromStartAt: current.startAt,
          toStartAt: next.startAt,
          fromStaffId: current.staffId,
          toStaffId: next.staffId,
          reason:
            length === oldLength
              ? null
              : `length ${oldLength / MINUTE_MS} → ${length / MINUTE_MS} min`,
        });
        return next;
      },
      { behavior: 'immediate' },
    );
    events.emit('appointments.changed', {
      appointmentId: updated.id,
      status: updated.status,
      change,
    });
    return toAppointment(updated);
  }

  function assertCustomerMayChange(current: AppointmentRow, now: number, rules: Settings): void {
    const cutoff = rules.cancellationCutoffMinutes;
    if (current.startAt - now < cutoff * MINUTE_MS) {
      throw new PolicyError(
        `Changes online are possible up to ${formatCutoff(cutoff)} before the appointment; please call the business`,
        { rule: 'cancellation_cutoff', cutoffMinutes: cutoff },
      );
    }
  }

  function changeStatus(
    id: string,
    action: StatusAction,
    actor: ActorKind,
    reason?: string,
  ): Appointment {
    const updated = db.transaction(
      () => {
        const now = clock.now();
        const current = row(id);
        const step = transition(
          current.status,
          action,
          { start: current.startAt, holdExpiresAt: current.holdExpiresAt },
          now,
        );
        if (!step.ok)
          throw new PolicyError(`Cannot ${action.replace('_', '-')}: ${step.reason}`, {
            status: current.status,
          });
        if (action === 'cancel' && actor === 'customer') {
          assertCustomerMayChange(current, now, settings.get());
        }
        const next = db
          .update(appointments)
          .set({
            status: step.status,
            holdExpiresAt: null,
            cancelReason: action === 'cancel' ? (reason ?? null) : current.cancelReason,
            updatedAt: now,
          })
          .where(eq(appointments.id, id))
          .returning()
          .get();
        if (!next) throw new NotFoundError('appointment', id);
        recordEvent({
          appointmentId: id,
          at: now,
          kind: 'status_changed',
          actor,
          fromStatus: current.status,
          toStatus: step.status,
          reason: reason ?? null,
        });
        return next;
      },
      { behavior: 'immediate' },
    );
    events.emit('appointments.changed', {
      appointmentId: updated.id,
      status: updated.status,
      change: 'status_changed',
    });
    return toAppointment(updated);
  }

  return {
    row,
    create,
    reschedule,
    get: (id: string) => toAppointment(row(id)),
    cancel: (id: string, actor: ActorKind, reason?: string) =>
      changeStatus(id, 'cancel', actor, reason),
    confirm: (id: string, actor: ActorKind) => changeStatus(id, 'confirm', actor),
    complete: (id: string, actor: ActorKind) => changeStatus(id, 'complete', actor),
    markNoShow: (id: string, actor: ActorKind) => changeStatus(id, 'no_show', actor),

    /** The manage token of the booking whose `created` event is being delivered, else null. */
    freshManageToken: (appointmentId: string): string | null =>
      announcing?.row.id === appointmentId ? announcing.token : null,

    /** The row just written for the booking whose `created` event is being delivered. */
    freshRow: (appointmentId: string): AppointmentRow | null =>
      announcing?.row.id === appointmentId ? announcing.row : null,

    findByManageToken(token: string): Appointment | null {
      const found = db
        .select()
        .from(appointments)
        .where(eq(appointments.manageTokenHash, hashManageToken(token)))
        .get();
      return found ? toAppointment(found) : null;
    },

    list(query: {
      from: number;
      to: number;
      staffId?: string;
      customerId?: string;
    }): Appointment[] {
      return db
        .select()
        .from(appointments)
        .where(
          and(
            lt(appointments.startAt, query.to),
            gt(appointments.endAt, query.from),
            query.staffId ? eq(appointments.staffId, query.staffId) : undefined,
            query.customerId ? eq(appointments.customerId, query.customerId) : undefined,
          ),
        )
        .orderBy(asc(appointments.startAt))
        .all()
        .map(toAppointment);
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
  };
}

function formatCutoff(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minutes`;
}

export type BookingService = ReturnType<typeof createBookingService>;
