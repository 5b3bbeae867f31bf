// The planner: turns what happened to an appointment into outbox rows, using the pure rules of
// domain/reminder-plan.ts and domain/follow-ups.ts; message-render.ts writes each message's words
// at planning time, so the outbox shows exactly what the customer will read.
//
// Hooked to the event bus in the composition root (app.ts), not called from bookings.ts: every
// path that changes an appointment (desk, widget, API, demo seed) already emits
// `appointments.changed` after its commit, so one subscription covers them all and the booking
// transaction carries no messaging work. What the event does not say (the previous status, how
// often the booking moved) is read from the audit trail, which every change writes.
import { and, count, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { appointmentEvents, appointments, customers as customerTable } from '../../db/schema.js';
import { planFollowUps, type SendContext } from '../domain/follow-ups.js';
import { isTransactional, type PlannedMessage } from '../domain/message-kinds.js';
import {
  planAppointmentMessages,
  planCancellation,
  replanAfterReschedule,
  type MessagingSettings,
} from '../domain/reminder-plan.js';
import type { BookingService } from './bookings.js';
import type { CatalogService } from './catalog.js';
import type { Core } from './core.js';
import type { CustomerService } from './customers.js';
import type { MessagingSettingsService } from './messaging-settings.js';
import { renderPlanned, type RenderRecipient } from './message-render.js';
import type { Outbox } from './outbox.js';
import type { SettingsService } from './settings.js';

export type AppointmentChange = 'created' | 'rescheduled' | 'status_changed' | 'updated';

export interface ReminderDeps {
  settings: SettingsService;
  messagingSettings: MessagingSettingsService;
  catalog: CatalogService;
  customers: CustomerService;
  bookings: BookingService;
  outbox: Outbox;
}

export function createReminderPlanner(core: Core, deps: ReminderDeps) {
  const { db, clock } = core;
  const { settings, messagingSettings, catalog, customers, bookings, outbox } = deps;

  function messagingRules(): MessagingSettings & { timeZone: string } {
    const reminders = messagingSettings.get();
    return {
      timeZone: settings.get().timeZone,
      quietHours: reminders.quietHours,
      minimumLeadMinutes: reminders.minimumLeadMinutes,
    };
  }

  function recipientOf(customerId: string): RenderRecipient {
    const c = customers.row(customerId);
    return {
      name: c.name,
      phone: c.phoneInvalidAt === null ? c.phone : null,
      email: c.email,
      smsConsent: c.smsConsent,
      emailConsent: c.emailConsent,
    };
  }

  function revisionOf(appointmentId: string): number {
    const row = db
      .select({ n: count() })
      .from(appointmentEvents)
      .where(
        and(
          eq(appointmentEvents.appointmentId, appointmentId),
          eq(appointmentEvents.kind, 'rescheduled'),
        ),
      )
      .get();
    return row?.n ?? 0;
  }

  function lastStatusChange(appointmentId: string) {
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
  }

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
  const appointmentById = db
    .select()
    .from(appointments)
    .where(eq(appointments.id, sql.placeholder('id')))
    .prepare();

  function hasFutureBooking(customerId: string, after: number, exceptId: string): boolean {
    return futureBooking.get({ customerId, after, exceptId }) !== undefined;
  }

  const rendered = (
    appointmentId: string,
    planned: readonly PlannedMessage[],
    recipient: RenderRecipient,
  ) => renderPlanned({ settings, catalog }, bookings.row(appointmentId), planned, recipient);

  /**
   * Plans (or re-plans) the messages of one appointment after a committed change. Returns how many
   * rows were added, so the caller knows whether to wake the loop.
   */
  function onAppointmentChanged(appointmentId: string, change: AppointmentChange): number {
    return db.transaction(() => {
      const now = clock.now();
      const row = bookings.row(appointmentId);
      const recipient = recipientOf(row.customerId);
      const appointment = {
        id: row.id,
        start: row.startAt,
        end: row.endAt,
        status: row.status,
      };
      const rules = messagingRules();
      const schedule = messagingSettings.get().schedule;
      const pending = () =>
        outbox.pendingFor(appointmentId).map((m) => ({
          appointmentId,
          kind: m.kind,
          dedupeKey: m.dedupeKey ?? m.id,
        }));

      switch (change) {
        case 'created': {
          const plan = planAppointmentMessages({
            appointment,
            recipient,
            settings: rules,
            schedule,
            bookedAt: row.createdAt,
            now,
            revision: 0,
          });
          return outbox.plan(rendered(appointmentId, plan, recipient));
        }
        case 'rescheduled': {
          const replan = replanAfterReschedule({
            appointment,
            recipient,
            settings: rules,
            schedule,
            bookedAt: now,
            now,
            revision: revisionOf(appointmentId),
            pending: pending(),
          });
          outbox.cancelByKeys(replan.cancel, 'rescheduled');
          return outbox.plan(rendered(appointmentId, replan.plan, recipient));
        }
        case 'status_changed': {
          const step = lastStatusChange(appointmentId);
          switch (row.status) {
            case 'confirmed': {
              // A deposit hold confirmed: its messages start now.
              const plan = planAppointmentMessages({
                appointment,
                recipient,
                settings: rules,
                schedule,
                bookedAt: step?.at ?? now,
                now,
                revision: revisionOf(appointmentId),
              });
              return outbox.plan(rendered(appointmentId, plan, recipient));
            }
            case 'cancelled': {
              const replan = planCancellation({
                appointment,
                previousStatus: step?.fromStatus ?? 'confirmed',
                recipient,
                settings: rules,
                pending: pending(),
                now,
              });
              outbox.cancelByKeys(replan.cancel, 'appointment_cancelled');
              return outbox.plan(rendered(appointmentId, replan.plan, recipient));
            }
            case 'completed':
            case 'no_show': {
              const stale = pending().filter(
                (m) => isTransactional(m.kind) || m.kind === 'reminder',
              );
              outbox.cancelByKeys(
                stale.map((m) => m.dedupeKey),
                'appointment_closed',
              );
              const service = catalog.serviceRow(row.serviceId);
              const plan = planFollowUps({
                appointment,
                recipient,
                settings: rules,
                rebookingIntervalDays: service.rebookingIntervalDays,
                hasFutureBooking: hasFutureBooking(row.customerId, row.endAt, row.id),
                now,
              });
              return outbox.plan(rendered(appointmentId, plan, recipient));
            }
            case 'pending_payment':
              return 0;
            default: {
              const never: never = row.status;
              throw new Error(`Unknown status ${String(never)}`);
            }
          }
        }
        case 'updated':
          return 0;
        default: {
          const never: never = change;
          throw new Error(`Unknown change ${String(never)}`);
        }
      }
    });
  }

  return {
    onAppointmentChanged,

    /** What the loop asks before sending a due row (domain/follow-ups.ts isStillUseful). */
    sendContext(appointmentId: string, now: number): SendContext | null {
      const row = appointmentById.get({ id: appointmentId });
      if (!row) return null;
      return {
        now,
        appointment: { start: row.startAt, end: row.endAt, status: row.status },
        hasFutureBooking: hasFutureBooking(row.customerId, row.endAt, row.id),
      };
    },

    /** The customer's number can never receive SMS (Twilio 21211): flag it, plan no more. */
    flagInvalidPhone(customerId: string): void {
      db.update(customerTable)
        .set({ phoneInvalidAt: clock.now(), updatedAt: clock.now() })
        .where(eq(customerTable.id, customerId))
        .run();
      outbox.cancelForCustomer(customerId, 'sms', 'invalid_number');
    },

    /** The customer texted STOP to our number (Twilio 21610): SMS consent off. */
    withdrawSmsConsent(customerId: string): void {
      db.update(customerTable)
        .set({ smsConsent: false, updatedAt: clock.now() })
        .where(eq(customerTable.id, customerId))
        .run();
      outbox.cancelForCustomer(customerId, 'sms', 'unsubscribed');
    },

    messagingRules,
  };
}

export type ReminderPlanner = ReturnType<typeof createReminderPlanner>;
