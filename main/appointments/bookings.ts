// Booking, moving, cancelling and closing appointments. Every write that decides a slot re-checks
// the staff member's time and writes inside one IMMEDIATE transaction: SQLite then lets one writer
// at a time through, so two bookings can never both see a slot as free.
import type { ActorKind, AppointmentSource, ConsentSource } from '../../db/schema.js';
import type { Appointment, NewAppointment, Settings } from '../../preload/contract/index.js';
import {
  findConflict,
  isOffGrid,
  type ConflictReason,
  type StaffAvailabilityInput,
} from '../domain/availability.js';
import { canReschedule, transition, type StatusAction } from '../domain/appointment-status.js';
import { policyForService } from '../domain/payment-policy.js';
import { staffForService } from '../domain/staff-choice.js';
import { MINUTE_MS, utcToLocalDate } from '../domain/time.js';
import { ConflictError, PolicyError, ValidationError } from '../core/errors.js';
import type { CatalogService, SettingsService } from '../catalog/index.js';
import { secureRandomBytes, type Core } from '../core/context.js';
import type { CustomerService } from '../customers/index.js';
import { recall, remember, requestHash } from '../core/idempotency.js';
import type { ScheduleReader } from './schedule.js';
import {
  hashManageToken,
  toAppointment,
  type AppointmentRow,
  type AppointmentStore,
} from './store.js';

/** A new customer's consent is recorded as given where the booking came from. */
const consentSourceOf: Record<AppointmentSource, ConsentSource> = {
  desk: 'desk',
  widget: 'widget',
  api: 'api',
  sms: 'sms_keyword',
  demo: 'demo',
};

/** What an appointment write did, as its messages and the desk windows need to know. */
export type AppointmentChange = 'created' | 'rescheduled' | 'status_changed' | 'updated';

/**
 * Work that must commit with an appointment change or not at all: the messages it plans. Called
 * inside the write, with the row as written and, for a new booking, the manage token (it exists
 * in plain form only then); a throw undoes the change.
 */
export type InWriteStep = (
  row: AppointmentRow,
  change: AppointmentChange,
  manageToken?: string,
) => void;

export interface BookingRequest extends NewAppointment {
  source: AppointmentSource;
  actor: ActorKind;
  /**
   * Hold the slot unpaid until checkout when the policy this booking freezes asks a deposit (the
   * public booking routes); `hold` holds it whatever the policy (the desk's phone hold).
   */
  holdForDeposit?: boolean;
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

const conflictMessages: Record<ConflictReason, string> = {
  outside_working_hours: 'is outside the working hours',
  time_off: 'falls in time off',
  overlaps_appointment: 'overlaps another appointment',
};

export interface BookingDeps {
  settings: SettingsService;
  catalog: CatalogService;
  customers: CustomerService;
  schedule: ScheduleReader;
  store: AppointmentStore;
  /** Plans the change's messages in the same commit (messaging's planner). */
  inWrite: InWriteStep;
}

export function createBookingService(core: Core, deps: BookingDeps) {
  const { db, clock, newId, events, write } = core;
  const { settings, catalog, customers, schedule, store, inWrite } = deps;
  const { row } = store;

  /** Announced after the commit (the bus holds it until then): desk windows refetch. */
  function announce(written: AppointmentRow, change: AppointmentChange): void {
    events.emit('appointments.changed', {
      appointmentId: written.id,
      status: written.status,
      change,
    });
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
    let firstReason: ConflictReason | undefined;
    let offGrid = false;
    for (const input of inputs) {
      if (gridMinutes !== undefined && isOffGrid(span.start, input.hours, zone, gridMinutes)) {
        offGrid = true;
        continue;
      }
      const conflict = findConflict(span, input, zone);
      if (conflict) {
        firstReason ??= conflict.reason;
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
        `That time is no longer free: it ${firstReason ? conflictMessages[firstReason] : 'is taken'} ${who}`,
        // The code is for programs (the widget picks its words, tests and integrations branch
        // on it); the message is for people.
        { field: 'start', reason: firstReason ?? 'overlaps_appointment' },
      );
    }
    return { ...span, staffId: best.input.staffId };
  }

  function candidatesFor(serviceId: string, staffId: string | undefined): string[] {
    if (staffId !== undefined) catalog.staffRow(staffId); // an unknown id is NOT_FOUND
    const choice = staffForService(catalog.getService(serviceId), catalog.listStaff(), staffId);
    if (choice.ok) return choice.staffIds;
    if (choice.reason === 'nobody') throw new PolicyError(choice.message, { field: 'serviceId' });
    throw ValidationError.field('staffId', choice.message);
  }

  const createInside = write((request: BookingRequest, hash: string): CreatedBooking => {
    const { idempotencyKey, source, actor, holdForDeposit, ...details } = request;
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
      customerId = customers.findOrCreate(
        details.customer,
        { sms: details.smsConsent, email: details.emailConsent },
        consentSourceOf[source],
      ).id;
    } else {
      throw ValidationError.field('customer', 'say who the booking is for');
    }

    const manageToken = secureRandomBytes(24).toString('base64url');
    // Frozen here, in the booking's own write: what the customer agreed to is stored with the
    // slot, and editing the service later never rewrites it (domain/payment-policy.ts).
    const policy = policyForService(service, service.priceAmount, service.currency);
    const hold = details.hold === true || (holdForDeposit === true && policy.deposit > 0);
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
    store.insert(inserted, actor);
    const value: BookingResult = { appointment: toAppointment(inserted), manageToken };
    if (idempotencyKey) remember(db, 'appointments.create', idempotencyKey, hash, value, now);
    // Its messages are planned in this same commit, so no crash can leave a booking without
    // them; the plain token exists only now, and goes into their manage links.
    inWrite(inserted, 'created', manageToken);
    announce(inserted, 'created');
    return { ...value, replayed: false, stored: inserted };
  });

  function create(request: BookingRequest): CreatedBooking {
    const { idempotencyKey, source, actor: _actor, holdForDeposit: _hold, ...details } = request;
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

  interface Move {
    id: string;
    start: number;
    staffId?: string | undefined;
    /** Any staff member who performs the service may take it (the public manage link's "anyone"). */
    anyStaff?: boolean | undefined;
    durationMinutes?: number | undefined;
  }

  const reschedule = write((input: Move, actor: ActorKind): Appointment => {
    const now = clock.now();
    const rules = settings.get();
    const current = row(input.id);
    if (!canReschedule(current.status)) {
      throw new PolicyError(`A ${current.status.replace('_', ' ')} appointment cannot be moved`, {
        status: current.status,
      });
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
    const change = lengthOnly ? 'updated' : 'rescheduled';
    const span = {
      start: input.start,
      end: input.start + length,
      bufferBeforeMinutes: current.bufferBeforeMinutes,
      bufferAfterMinutes: current.bufferAfterMinutes,
    };
    const placement = placeMove(current, input, span, now, rules.timeZone, gridFor(actor, rules));
    // The customer's own say on who: asking for anyone again, or naming a person.
    const saysWho = actor === 'customer' && (input.anyStaff || input.staffId !== undefined);
    const next = store.change(
      current.id,
      {
        staffId: placement.staffId,
        startAt: placement.start,
        endAt: placement.end,
        ...(saysWho ? { anyStaff: input.anyStaff === true } : {}),
      },
      {
        kind: 'rescheduled',
        actor,
        fromStartAt: current.startAt,
        toStartAt: placement.start,
        fromStaffId: current.staffId,
        toStaffId: placement.staffId,
        reason:
          length === oldLength
            ? null
            : `length ${oldLength / MINUTE_MS} → ${length / MINUTE_MS} min`,
      },
    );
    inWrite(next, change);
    announce(next, change);
    return toAppointment(next);
  });

  function assertCustomerMayChange(current: AppointmentRow, now: number, rules: Settings): void {
    const cutoff = rules.cancellationCutoffMinutes;
    if (current.startAt - now < cutoff * MINUTE_MS) {
      throw new PolicyError(
        `Changes online are possible up to ${formatCutoff(cutoff)} before the appointment; please call the business`,
        { rule: 'cancellation_cutoff', cutoffMinutes: cutoff },
      );
    }
  }

  const changeStatus = write(
    (id: string, action: StatusAction, actor: ActorKind, reason?: string): Appointment => {
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
      const next = store.change(
        id,
        {
          status: step.status,
          holdExpiresAt: null,
          cancelReason: action === 'cancel' ? (reason ?? null) : current.cancelReason,
        },
        {
          kind: 'status_changed',
          actor,
          fromStatus: current.status,
          toStatus: step.status,
          reason: reason ?? null,
        },
      );
      inWrite(next, 'status_changed');
      announce(next, 'status_changed');
      return toAppointment(next);
    },
  );

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

    /** The customer confirmed (an SMS "C"): once, in the audit trail; a second changes nothing. */
    confirmByCustomer: write((id: string, reason: string): void => {
      if (store.markCustomerConfirmed(id, reason)) announce(store.row(id), 'updated');
    }),

    findByManageToken(token: string): Appointment | null {
      const found = store.findByManageToken(token);
      return found ? toAppointment(found) : null;
    },

    /** Appointments overlapping the window, each with its payment state (the desk's lists). */
    list: store.list,
    lastStatusChange: store.lastStatusChange,
    history: store.history,
  };
}

function formatCutoff(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minutes`;
}

export type BookingService = ReturnType<typeof createBookingService>;
