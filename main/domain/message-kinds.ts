// What the outbox holds: the kinds of message BookingSync sends, the channels it sends them on,
// and the key that makes planning a message twice harmless.

export const messageChannels = ['sms', 'email'] as const;
export type MessageChannel = (typeof messageChannels)[number];

export const messageKinds = [
  'confirmation',
  'reminder',
  'rescheduled',
  'cancellation',
  'thank_you',
  'rebook',
  'no_show',
  // Payments (payments/deposits.ts): a link to pay a deposit, and word of a refund.
  'payment_link',
  'payment_refunded',
  /** An answer to a customer's SMS (a cancel refused under the cut-off). */
  'reply',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * Messages that answer something that just happened to the booking (it was made, moved or
 * cancelled). They carry news the customer needs before the appointment, so when quiet hours
 * leave no usable moment they go out at once rather than not at all (see reminder-plan.ts).
 */
export function isTransactional(kind: MessageKind): boolean {
  switch (kind) {
    case 'confirmation':
    case 'rescheduled':
    case 'cancellation':
    case 'payment_link':
    case 'payment_refunded':
    case 'reply':
      return true;
    case 'reminder':
    case 'thank_you':
    case 'rebook':
    case 'no_show':
      return false;
    default: {
      const never: never = kind;
      throw new Error(`Unknown message kind ${String(never)}`);
    }
  }
}

/** One message the loop should put in the outbox. */
export interface PlannedMessage {
  appointmentId: string;
  kind: MessageKind;
  channel: MessageChannel;
  /** UTC epoch ms; never inside quiet hours except as isTransactional explains. */
  dueAt: number;
  /** Minutes before the start, for reminders; null for every other kind. */
  offsetMinutes: number | null;
  /** Same message, same key: the loop inserts with "on conflict do nothing". */
  dedupeKey: string;
}

export interface DedupeKeyParts {
  appointmentId: string;
  kind: MessageKind;
  channel: MessageChannel;
  /** How many times the appointment has been rescheduled (0 as first booked). */
  revision: number;
  offsetMinutes?: number | null;
  /** For a reply: the inbox row it answers, one reply per incoming SMS. */
  replyTo?: string;
}

/**
 * A stable key per (appointment, kind, channel, offset). Messages tied to the appointment's time
 * also carry its revision: after a move back and forth the new reminders must not collide with
 * the cancelled rows of an earlier revision. Cancellations and follow-ups happen once per
 * appointment, so their key has no revision.
 */
export function dedupeKey(parts: DedupeKeyParts): string {
  const { appointmentId, kind, channel, revision } = parts;
  switch (kind) {
    case 'reminder':
      return `${appointmentId}:reminder:${channel}:${parts.offsetMinutes ?? 0}m:r${revision}`;
    case 'confirmation':
    case 'rescheduled':
    case 'payment_link': // sent again with each new checkout: its revision counts checkouts
      return `${appointmentId}:${kind}:${channel}:r${revision}`;
    case 'cancellation':
    case 'thank_you':
    case 'rebook':
    case 'no_show':
    case 'payment_refunded':
      return `${appointmentId}:${kind}:${channel}`;
    case 'reply':
      return `${appointmentId}:reply:${channel}:${parts.replyTo ?? `r${revision}`}`;
    default: {
      const never: never = kind;
      throw new Error(`Unknown message kind ${String(never)}`);
    }
  }
}
