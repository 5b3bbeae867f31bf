// Messaging's part of the contract: the outbox, reminder settings, templates and the SMS inbox.
import { z } from 'zod';
import { id, epochMs, messageChannel, empty, byId } from './shared.js';
import { reminderOffset } from './catalog.js';
import { appointmentStatus } from './appointments.js';

export const messageKind = z.enum([
  'confirmation',
  'reminder',
  'rescheduled',
  'cancellation',
  'thank_you',
  'rebook',
  'no_show',
  'payment_link',
  'payment_refunded',
  'reply',
]);

export const messageStatus = z.enum(['planned', 'sending', 'sent', 'failed', 'cancelled']);

/** One row of the outbox: a message planned, sent (for real or, in demo mode, only recorded). */
export const outboxMessage = z.object({
  id,
  appointmentId: id.nullable(),
  customerId: id.nullable(),
  channel: messageChannel,
  kind: messageKind,
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: messageStatus,
  /** When the loop next tries it (or tried it last). */
  dueAt: epochMs,
  attempts: z.int(),
  lastAttemptAt: epochMs.nullable(),
  sentAt: epochMs.nullable(),
  providerId: z.string().nullable(),
  error: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Recorded without credentials: nothing left the machine. */
  demo: z.boolean(),
  createdAt: epochMs,
});

export type OutboxMessage = z.infer<typeof outboxMessage>;

/** An outbox row as the desk lists it: with whom it is for and what it is about, by name. */
export const deskMessage = outboxMessage.extend({
  customerName: z.string().nullable(),
  appointment: z
    .object({
      id,
      startAt: epochMs,
      endAt: epochMs,
      status: appointmentStatus,
      serviceName: z.string(),
      staffName: z.string(),
    })
    .nullable(),
});

export type DeskMessage = z.infer<typeof deskMessage>;

export const reminderSettings = z.object({
  /** Wall-clock minutes in the business's zone; equal start and end mean no quiet hours. */
  quietHours: z.object({
    startMinute: z.int().min(0).max(1439),
    endMinute: z.int().min(0).max(1439),
  }),
  schedule: z.array(reminderOffset).max(12),
  /** How close to the start a reminder moved by quiet hours may land. */
  minimumLeadMinutes: z
    .int()
    .min(0)
    .max(24 * 60),
});

export type ReminderSettingsView = z.infer<typeof reminderSettings>;

export const messageTemplate = z.object({
  kind: messageKind,
  channel: messageChannel,
  /** Email only; null for SMS. */
  subject: z.string().nullable(),
  body: z.string(),
  /** The built-in wording (nothing saved for this kind and channel). */
  isDefault: z.boolean(),
});

export type MessageTemplateView = z.infer<typeof messageTemplate>;

export const templatePreview = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  /** The appointment whose details filled the placeholders; null: made-up sample details. */
  appointmentId: id.nullable(),
  /** SMS only: segments the text takes (at most 2; longer text is shortened). */
  segments: z.int().nullable(),
});

export const smsReplyOutcome = z.enum([
  'confirmed',
  'cancelled',
  'cancel_refused',
  'opted_out',
  'opted_in',
  'needs_reply',
]);

/** An SMS a customer sent us, and what the app did about it. */
export const inboxReply = z.object({
  id,
  fromPhone: z.string(),
  body: z.string(),
  customerId: id.nullable(),
  customerName: z.string().nullable(),
  appointmentId: id.nullable(),
  outcome: smsReplyOutcome,
  receivedAt: epochMs,
  handledAt: epochMs.nullable(),
});

export type InboxReply = z.infer<typeof inboxReply>;

const templateKey = { kind: messageKind, channel: messageChannel };

export const messagingChannels = {
  /** The outbox for the desk, newest first (a customer's thread, an appointment's messages). */
  'outbox.list': {
    input: z.object({
      status: messageStatus.optional(),
      channel: messageChannel.optional(),
      customerId: id.optional(),
      appointmentId: id.optional(),
      limit: z.int().min(1).max(500).optional(),
      offset: z.int().min(0).optional(),
    }),
    output: z.object({ messages: z.array(deskMessage), total: z.int() }),
  },
  /**
   * The desk's Messages screen, a page at a time over the whole outbox: from the start of today
   * onwards in due order (today's, then the next due), then everything earlier, newest first.
   * `search` matches the customer's name, the address, the subject and the text, the error, or an
   * appointment id. `cursor` is the previous page's `nextCursor`, opaque.
   */
  'outbox.page': {
    input: z.object({
      search: z.string().trim().max(200).optional(),
      status: messageStatus.optional(),
      channel: messageChannel.optional(),
      cursor: z.string().max(500).optional(),
      limit: z.int().min(1).max(200).optional(),
    }),
    output: z.object({
      messages: z.array(deskMessage),
      total: z.int(),
      nextCursor: z.string().nullable(),
      /** Where "earlier" begins: the start of today in the business's zone, as paged. */
      pivot: epochMs,
    }),
  },
  'reminderSettings.get': { input: empty, output: reminderSettings },
  'reminderSettings.update': { input: reminderSettings.partial(), output: reminderSettings },
  /** Every kind on every channel: the business's own wording or the default. */
  'templates.list': { input: empty, output: z.array(messageTemplate) },
  /** An unknown placeholder is refused, naming it (details.fields: body or subject). */
  'templates.save': {
    input: z.object({
      ...templateKey,
      subject: z.string().max(300).nullable().optional(),
      body: z.string().trim().min(1, 'must not be empty').max(2000),
    }),
    output: messageTemplate,
  },
  'templates.reset': { input: z.object(templateKey), output: messageTemplate },
  /** A draft (or the saved template) filled in with a real appointment's details. */
  'templates.preview': {
    input: z.object({
      ...templateKey,
      subject: z.string().max(300).nullable().optional(),
      body: z.string().max(2000).optional(),
      appointmentId: id.optional(),
    }),
    output: templatePreview,
  },
  /** Replies that need a human first, then the newest. */
  'inbox.list': {
    input: z.object({
      needsReplyOnly: z.boolean().optional(),
      /** One customer's texts (their page's thread). */
      customerId: id.optional(),
      limit: z.int().min(1).max(500).optional(),
      offset: z.int().min(0).optional(),
    }),
    output: z.object({ replies: z.array(inboxReply), total: z.int(), unhandled: z.int() }),
  },
  'inbox.markHandled': { input: byId, output: inboxReply },
} as const;

export const messagingEvents = {
  /** A message left for the provider (or, in demo mode, was recorded as if it had). */
  'reminders.sent': z.object({
    messageId: id,
    appointmentId: id.nullable(),
    customerId: id.nullable(),
    channel: messageChannel,
    kind: messageKind,
    demo: z.boolean(),
  }),
  /**
   * A message failed for good, or (`reason: 'auth'`) the provider refused our credentials and
   * the channel is paused until the settings are fixed.
   */
  'reminders.failed': z.object({
    messageId: id,
    appointmentId: id.nullable(),
    customerId: id.nullable(),
    channel: messageChannel,
    kind: messageKind,
    reason: z.enum([
      'invalid_number',
      'invalid_address',
      'unsubscribed',
      'auth',
      'transient',
      'permanent',
      'internal',
    ]),
    error: z.string(),
  }),
  /** A customer's SMS arrived (and was acted on, or left in the inbox for the desk). */
  'inbox.received': z.object({
    replyId: id,
    customerId: id.nullable(),
    outcome: smsReplyOutcome,
  }),
} as const;
