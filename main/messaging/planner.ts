// The planner: turns what happened to an appointment into outbox rows, using the pure rules of
// domain/reminder-plan.ts and domain/follow-ups.ts; render.ts writes each message's words
// at planning time, so the outbox shows exactly what the customer will read.
//
// Called by the appointment writes themselves (appointments/bookings.ts, as their in-write step),
// with the row as written: a change and its messages commit together or not at all, so no crash
// and no planning failure can leave a booking without them. What the row does not say (the
// previous status, how often the booking moved) is read from the audit trail, which every change
// writes.
import { and, asc, eq, like } from 'drizzle-orm';
import { messages } from '../../db/schema.js';
import { planFollowUps, type SendContext } from '../domain/follow-ups.js';
import { dedupeKey, isTransactional, type PlannedMessage } from '../domain/message-kinds.js';
import {
  planAppointmentMessages,
  validateReminderSchedule,
  type ReminderOffset,
  planCancellation,
  replanAfterReschedule,
  type MessagingSettings,
} from '../domain/reminder-plan.js';
import {
  hashManageToken,
  type AppointmentChange,
  type AppointmentRow,
  type AppointmentStore,
} from '../appointments/index.js';
import {
  serviceReminderSchedule,
  type CatalogService,
  type SettingsService,
} from '../catalog/index.js';
import type { ConnectionSettingsService } from '../connections/index.js';
import type { Core } from '../core/context.js';
import type { CustomerService } from '../customers/index.js';
import type { MessagingSettingsService } from './settings.js';
import type { PaymentTermsReader } from '../payments/index.js';
import { renderPlanned, type MessageLinks, type RenderRecipient } from './render.js';
import type { TemplateStore } from './templates.js';
import type { Outbox } from './outbox.js';

export interface ReminderDeps {
  settings: SettingsService;
  messagingSettings: MessagingSettingsService;
  catalog: CatalogService;
  customers: CustomerService;
  store: AppointmentStore;
  outbox: Outbox;
  templates: TemplateStore;
  connections: ConnectionSettingsService;
  paymentTerms: PaymentTermsReader;
}

/** A booking made this long ago gets no confirmation from the startup pass, only reminders. */
const LATE_CONFIRMATION_MS = 60 * 60_000;

/** A manage link as written into a message body: the token is its last path segment. */
const MANAGE_PATH = /\/book\/manage\/([A-Za-z0-9_-]{16,128})/;

export function createReminderPlanner(core: Core, deps: ReminderDeps) {
  const { db, clock, write } = core;
  const { settings, messagingSettings, catalog, customers, store, outbox } = deps;
  const { templates, connections } = deps;
  /**
   * Tokens of deposit holds booked by this process, kept until the hold is confirmed (its
   * messages are planned then) or ends. Lost on a restart: those messages then go without the
   * manage link rather than with a wrong one.
   */
  const heldTokens = new Map<string, string>();

  /**
   * The appointment's manage token, for its links. Manage tokens are stored only as a hash, so
   * the plain token can come from three places, tried in order:
   *   1. the booking's own write, which hands it to planFor;
   *   2. a deposit hold booked by this process (heldTokens);
   *   3. a message already written for this appointment, whose body carries the link the customer
   *      was sent — checked against the stored hash, so a tampered row can never make us send a
   *      link to someone else's booking.
   * Why not keep a sealed (encrypted) copy per appointment instead: it needs a column and a key
   * stored somewhere on the same machine, so it protects nothing the outbox does not already
   * hold — the outbox must keep the rendered link anyway, because it shows the desk exactly what
   * the customer read. This way no copy of the token exists beyond the messages that carry it,
   * and a booking nobody was ever sent a link for has no plain token anywhere.
   */
  function manageTokenOf(row: AppointmentRow, given: string | undefined): string | null {
    const fresh = given ?? heldTokens.get(row.id);
    if (fresh) return fresh;
    if (!row.manageTokenHash) return null;
    const carriers = db
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.appointmentId, row.id), like(messages.body, '%/book/manage/%')))
      .orderBy(asc(messages.createdAt))
      .limit(5)
      .all();
    for (const { body } of carriers) {
      const token = MANAGE_PATH.exec(body)?.[1];
      if (token && hashManageToken(token) === row.manageTokenHash) return token;
    }
    return null;
  }

  function linksOf(row: AppointmentRow, manageToken?: string): MessageLinks {
    const base = connections.publicBaseUrl();
    if (base === null) return { manage: null, rebook: null };
    const token = manageTokenOf(row, manageToken);
    return {
      manage: token === null ? null : `${base}/book/manage/${token}`,
      rebook: `${base}/book?service=${encodeURIComponent(row.serviceId)}`,
    };
  }

  /** The service's own reminder schedule when it has a valid one, else the business's. */
  function scheduleFor(serviceId: string): readonly ReminderOffset[] {
    let own: ReminderOffset[] | null;
    try {
      own = serviceReminderSchedule(catalog.serviceRow(serviceId));
    } catch {
      own = null; // a damaged value falls back to the business's schedule
    }
    if (Array.isArray(own) && validateReminderSchedule(own).length === 0) return own;
    return messagingSettings.get().schedule;
  }

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

  /** How often the booking moved: each move is a new revision of its messages. */
  const revisionOf = (appointmentId: string): number => store.timesMoved(appointmentId);

  /** `row` as read at the start of the change: nothing the words use changes while planning. */
  const rendered = (
    row: AppointmentRow,
    planned: readonly PlannedMessage[],
    recipient: RenderRecipient,
    manageToken?: string,
  ) => {
    if (planned.length === 0) return [];
    return renderPlanned(
      { settings, catalog, templates, paymentTerms: deps.paymentTerms },
      row,
      planned,
      recipient,
      linksOf(row, manageToken),
    );
  };

  /**
   * Plans (or re-plans) the messages of one appointment, inside the write that changed it, from
   * the row as written. Returns how many rows were added.
   */
  function planFor(row: AppointmentRow, change: AppointmentChange, manageToken?: string): number {
    const now = clock.now();
    const appointmentId = row.id;
    const recipient = recipientOf(row.customerId);
    const appointment = {
      id: row.id,
      start: row.startAt,
      end: row.endAt,
      status: row.status,
    };
    const rules = messagingRules();
    const schedule = scheduleFor(row.serviceId);
    const pending = () =>
      outbox.pendingFor(appointmentId).map((m) => ({
        appointmentId,
        kind: m.kind,
        dedupeKey: m.dedupeKey ?? m.id,
      }));

    switch (change) {
      case 'created': {
        if (row.status === 'pending_payment' && manageToken) {
          heldTokens.set(row.id, manageToken);
        }
        const plan = planAppointmentMessages({
          appointment,
          recipient,
          settings: rules,
          schedule,
          bookedAt: row.createdAt,
          now,
          revision: 0,
        });
        return outbox.plan(rendered(row, plan, recipient, manageToken));
      }
      case 'rescheduled': {
        store.bumpCalendarSequence(appointmentId);
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
        return outbox.plan(rendered(row, replan.plan, recipient));
      }
      case 'status_changed': {
        const step = store.lastStatusChange(appointmentId);
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
            const added = outbox.plan(rendered(row, plan, recipient));
            heldTokens.delete(appointmentId);
            return added;
          }
          case 'cancelled': {
            heldTokens.delete(appointmentId);
            store.bumpCalendarSequence(appointmentId);
            const replan = planCancellation({
              appointment,
              previousStatus: step?.fromStatus ?? 'confirmed',
              recipient,
              settings: rules,
              pending: pending(),
              now,
            });
            outbox.cancelByKeys(replan.cancel, 'appointment_cancelled');
            return outbox.plan(rendered(row, replan.plan, recipient));
          }
          case 'completed':
          case 'no_show': {
            const stale = pending().filter((m) => isTransactional(m.kind) || m.kind === 'reminder');
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
              hasFutureBooking: store.hasFutureBooking(row.customerId, row.endAt, row.id),
              now,
            });
            return outbox.plan(rendered(row, plan, recipient));
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
  }

  /**
   * Plans a future confirmed appointment that has no messages at all (a crash between the commit
   * and the planning, a database from before reminders). Only the confirmation of a booking made
   * in the last hour is still news; older ones get their reminders alone.
   */
  function planUnplanned(appointmentId: string, now: number): number {
    const row = store.row(appointmentId);
    const recipient = recipientOf(row.customerId);
    const plan = planAppointmentMessages({
      appointment: { id: row.id, start: row.startAt, end: row.endAt, status: row.status },
      recipient,
      settings: messagingRules(),
      schedule: scheduleFor(row.serviceId),
      bookedAt: row.createdAt,
      now,
      revision: revisionOf(row.id),
    }).filter((m) => m.kind !== 'confirmation' || now - row.createdAt <= LATE_CONFIRMATION_MS);
    return outbox.plan(rendered(row, plan, recipient));
  }

  // One commit for the whole startup pass (the demo seed leaves hundreds); each appointment in
  // its own savepoint, so one that cannot be planned does not undo the others.
  const planEach = write((ids: readonly string[], now: number): number => {
    let added = 0;
    for (const id of ids) {
      try {
        added += planOne(id, now);
      } catch {
        // Left unplanned; the next start tries again.
      }
    }
    return added;
  });
  const planOne = write(planUnplanned);

  const planReply = write((appointmentId: string, replyTo: string): number => {
    const row = store.row(appointmentId);
    const recipient = recipientOf(row.customerId);
    if (!recipient.phone || !recipient.smsConsent) return 0;
    const reply: PlannedMessage = {
      appointmentId,
      kind: 'reply',
      channel: 'sms',
      dueAt: clock.now(),
      offsetMinutes: null,
      dedupeKey: dedupeKey({
        appointmentId,
        kind: 'reply',
        channel: 'sms',
        revision: 0,
        replyTo,
      }),
    };
    return outbox.plan(rendered(row, [reply], recipient));
  });

  /**
   * What a finished appointment was sent while it was booked: its confirmation and reminders as
   * planned at booking, and the follow-ups its outcome brought, each recorded as sent when it
   * fell due. For a seeded history (the demo), so the outbox shows what went out, not only what
   * is planned.
   */
  function pastMessagesOf(appointmentId: string, now: number): number {
    const row = store.row(appointmentId);
    if (row.endAt > now) return 0;
    const recipient = recipientOf(row.customerId);
    const rules = messagingRules();
    const closedAt = store.lastStatusChange(appointmentId)?.at ?? row.endAt;
    const booked = planAppointmentMessages({
      appointment: { id: row.id, start: row.startAt, end: row.endAt, status: 'confirmed' },
      recipient,
      settings: rules,
      schedule: scheduleFor(row.serviceId),
      bookedAt: row.createdAt,
      now: row.createdAt,
      revision: 0,
    }).filter((m) => m.dueAt <= Math.min(closedAt, now));
    const followUps =
      row.status === 'completed' || row.status === 'no_show'
        ? planFollowUps({
            appointment: { id: row.id, start: row.startAt, end: row.endAt, status: row.status },
            recipient,
            settings: rules,
            rebookingIntervalDays: catalog.serviceRow(row.serviceId).rebookingIntervalDays,
            hasFutureBooking: store.hasFutureBooking(row.customerId, row.endAt, row.id),
            now: closedAt,
          }).filter((m) => m.dueAt <= now)
        : [];
    return outbox.importSent(rendered(row, [...booked, ...followUps], recipient));
  }

  return {
    planFor,

    /** The seeded history's sent messages, for finished appointments (see pastMessagesOf). */
    recordPastMessages(appointmentIds: readonly string[], now: number): number {
      let added = 0;
      for (const id of appointmentIds) added += pastMessagesOf(id, now);
      return added;
    },

    /** The startup pass over unplanned future appointments; idempotent through the dedupe keys. */
    planMissing(): number {
      const now = clock.now();
      return planEach(store.unplannedFuture(now), now);
    },

    /**
     * Answers a customer's SMS about this appointment through the outbox (kind 'reply', due now).
     * Returns how many rows were added: 0 when the customer cannot be texted.
     */
    planReply,

    /** The links a message about this appointment carries (template previews use them too). */
    linksOf,

    /** What the loop asks before sending a due row (domain/follow-ups.ts isStillUseful). */
    sendContext(appointmentId: string, now: number): SendContext | null {
      const row = store.find(appointmentId);
      if (!row) return null;
      return {
        now,
        appointment: { start: row.startAt, end: row.endAt, status: row.status },
        hasFutureBooking: store.hasFutureBooking(row.customerId, row.endAt, row.id),
      };
    },

    /** The customer's number can never receive SMS (Twilio 21211): flag it, plan no more. */
    flagInvalidPhone(customerId: string): void {
      customers.flagInvalidPhone(customerId);
      outbox.cancelForCustomer(customerId, 'sms', 'invalid_number');
    },

    /** The customer texted STOP to our number (Twilio 21610): SMS consent off. */
    withdrawSmsConsent(customerId: string): void {
      customers.setSmsConsent(customerId, false);
      outbox.cancelForCustomer(customerId, 'sms', 'unsubscribed');
    },

    /** The customer texted START: SMS consent on again. */
    restoreSmsConsent(customerId: string): void {
      customers.setSmsConsent(customerId, true);
    },

    messagingRules,
  };
}

export type ReminderPlanner = ReturnType<typeof createReminderPlanner>;
