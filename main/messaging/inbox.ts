// The SMS inbox: every text a customer sends to the business's Twilio number, matched by the
// sender's number to a customer and their next upcoming appointment, and acted on:
//   C / YES / CONFIRM → the customer confirmed (appointments.customer_confirmed_at, audit event);
//   CANCEL / NO       → cancelled under the cancellation cut-off, as if done online; inside the
//                       cut-off it is refused (cancel_refused) and answered through the outbox;
//   STOP / START      → SMS consent off / on (Twilio blocks or unblocks sending itself; we record
//                       it so no more reminders are planned to the number);
//   anything else     → left for the receptionist (needs_reply), as is a keyword we cannot act on
//                       (an unknown number, no upcoming appointment).
// Each text is one row of sms_replies; Twilio's MessageSid makes a redelivered webhook a no-op.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { customers, smsReplies, type SmsReplyOutcome } from '../../db/schema.js';
import type { ChannelInput, InboxReply } from '../../preload/contract/index.js';
import { normalisePhone } from '../domain/phone.js';
import { smsIntent } from '../domain/sms-keywords.js';
import { formatStartLocal } from '../domain/templates.js';
import { NotFoundError, PolicyError } from '../core/errors.js';
import type { AppointmentStore, BookingService } from '../appointments/index.js';
import type { CatalogService, SettingsService } from '../catalog/index.js';
import type { Core } from '../core/context.js';
import type { ReminderPlanner } from './planner.js';

export interface IncomingSms {
  /** Twilio's MessageSid. */
  messageSid: string;
  from: string;
  body: string;
}

export interface ReceivedReply {
  replyId: string;
  outcome: SmsReplyOutcome;
  /** The same MessageSid was recorded before: nothing was done again. */
  duplicate: boolean;
  /** Text to answer with straight away (TwiML <Message>), when not answered via the outbox. */
  answer: string | null;
  /** Outbox rows planned by this reply: the caller wakes the loop. */
  planned: number;
}

export interface InboxDeps {
  settings: SettingsService;
  catalog: CatalogService;
  bookings: BookingService;
  store: AppointmentStore;
  planner: ReminderPlanner;
}

type ReplyRow = typeof smsReplies.$inferSelect;

export function createSmsInbox(core: Core, deps: InboxDeps) {
  const { db, clock, newId, events } = core;
  const { settings, catalog, bookings, store, planner } = deps;

  const needsHuman = sql<number>`case when ${smsReplies.outcome} = 'needs_reply' and ${smsReplies.handledAt} is null then 0 else 1 end`;

  function toInboxReply(row: ReplyRow, customerName: string | null): InboxReply {
    return {
      id: row.id,
      fromPhone: row.fromPhone,
      body: row.body,
      customerId: row.customerId,
      customerName,
      appointmentId: row.appointmentId,
      outcome: row.outcome,
      receivedAt: row.receivedAt,
      handledAt: row.handledAt,
    };
  }

  return {
    receive(sms: IncomingSms): ReceivedReply {
      const earlier = db
        .select()
        .from(smsReplies)
        .where(eq(smsReplies.providerId, sms.messageSid))
        .get();
      if (earlier) {
        return {
          replyId: earlier.id,
          outcome: earlier.outcome,
          duplicate: true,
          answer: null,
          planned: 0,
        };
      }
      const now = clock.now();
      const replyId = newId('rpl');
      const business = settings.get();
      const phone = normalisePhone(sms.from, business.country);
      const fromPhone = phone.ok ? phone.e164 : sms.from.trim();
      const customer = db.select().from(customers).where(eq(customers.phone, fromPhone)).get();
      const appointment = customer ? store.nextConfirmedOf(customer.id, now) : undefined;

      let outcome: SmsReplyOutcome = 'needs_reply';
      let answer: string | null = null;
      let planned = 0;
      const intent = smsIntent(sms.body);
      switch (intent) {
        case 'confirm':
          if (appointment) {
            bookings.confirmByCustomer(appointment.id, 'SMS reply');
            outcome = 'confirmed';
            const service = catalog.serviceRow(appointment.serviceId).name;
            const when = formatStartLocal(appointment.startAt, business.timeZone);
            answer = `Thank you, your ${service} on ${when} is confirmed. ${business.name}`;
          }
          break;
        case 'cancel':
          if (appointment) {
            try {
              // The cancellation message the planner sends is the answer.
              bookings.cancel(appointment.id, 'customer', 'Cancelled by SMS reply');
              outcome = 'cancelled';
            } catch (error) {
              if (!(error instanceof PolicyError)) throw error;
              outcome = 'cancel_refused';
            }
          }
          break;
        case 'opt_out':
          if (customer) planner.withdrawSmsConsent(customer.id);
          outcome = 'opted_out';
          break;
        case 'opt_in':
          if (customer) planner.restoreSmsConsent(customer.id);
          outcome = 'opted_in';
          break;
        case 'other':
          break;
        default: {
          const never: never = intent;
          throw new Error(`Unknown intent ${String(never)}`);
        }
      }
      db.insert(smsReplies)
        .values({
          id: replyId,
          providerId: sms.messageSid,
          fromPhone,
          body: sms.body,
          customerId: customer?.id ?? null,
          appointmentId: appointment?.id ?? null,
          outcome,
          receivedAt: now,
        })
        .run();
      events.emit('inbox.received', { replyId, customerId: customer?.id ?? null, outcome });
      if (outcome === 'cancel_refused' && appointment) {
        planned = planner.planReply(appointment.id, replyId);
        if (planned === 0) {
          answer = `Sorry, it is too late to cancel by text. Please call ${business.name}.`;
        }
      }
      return { replyId, outcome, duplicate: false, answer, planned };
    },

    list(query: ChannelInput<'inbox.list'>) {
      const where = and(
        query.needsReplyOnly
          ? and(eq(smsReplies.outcome, 'needs_reply'), isNull(smsReplies.handledAt))
          : undefined,
        query.customerId ? eq(smsReplies.customerId, query.customerId) : undefined,
      );
      const rows = db
        .select({ reply: smsReplies, customerName: customers.name })
        .from(smsReplies)
        .leftJoin(customers, eq(customers.id, smsReplies.customerId))
        .where(where)
        .orderBy(needsHuman, desc(smsReplies.receivedAt), desc(smsReplies.id))
        .limit(query.limit ?? 100)
        .offset(query.offset ?? 0)
        .all();
      const total = db.select({ n: count() }).from(smsReplies).where(where).get()?.n ?? 0;
      const unhandled =
        db
          .select({ n: count() })
          .from(smsReplies)
          .where(and(eq(smsReplies.outcome, 'needs_reply'), isNull(smsReplies.handledAt)))
          .get()?.n ?? 0;
      return {
        replies: rows.map((r) => toInboxReply(r.reply, r.customerName)),
        total,
        unhandled,
      };
    },

    markHandled(id: string): InboxReply {
      db.update(smsReplies)
        .set({ handledAt: clock.now() })
        .where(and(eq(smsReplies.id, id), isNull(smsReplies.handledAt)))
        .run();
      const found = db
        .select({ reply: smsReplies, customerName: customers.name })
        .from(smsReplies)
        .leftJoin(customers, eq(customers.id, smsReplies.customerId))
        .where(eq(smsReplies.id, id))
        .get();
      if (!found) throw new NotFoundError('SMS reply', id);
      return toInboxReply(found.reply, found.customerName);
    },
  };
}

export type SmsInbox = ReturnType<typeof createSmsInbox>;
