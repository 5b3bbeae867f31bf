// After the visit: a thank-you, a "time to rebook" nudge when the service's rebooking interval has
// passed, a gentle note after a no-show. Also the rule the loop applies before sending anything
// late (after the app was closed, or after retries): is this message still worth sending?
//
// Follow-ups go out on ONE channel — email when the customer can receive it (no per-message cost,
// and a thank-you by SMS and email at once would be pushy), SMS otherwise.
import {
  dedupeKey,
  type MessageChannel,
  type MessageKind,
  type PlannedMessage,
} from './message-kinds.js';
import { deferForQuietHours } from './quiet-hours.js';
import {
  reachableChannels,
  type AppointmentForMessages,
  type MessagingSettings,
  type Recipient,
} from './reminder-plan.js';
import type { AppointmentStatus } from './appointment-status.js';
import { DAY_MS, HOUR_MS, addDaysToLocalDate, localBoundaryToUtc, utcToLocalDate } from './time.js';

/** The thank-you goes out this long after the appointment ends (then quiet hours apply). */
export const THANK_YOU_DELAY_MS = 2 * HOUR_MS;
/** The rebooking nudge goes out at this wall-clock minute of its day: mid-morning, 10:00. */
export const REBOOK_LOCAL_MINUTE = 10 * 60;
/** A follow-up later than this after the visit is no longer worth sending. */
export const FOLLOW_UP_SHELF_LIFE_MS = 7 * DAY_MS;

const FOLLOW_UP_CHANNEL_ORDER: readonly MessageChannel[] = ['email', 'sms'];

export interface FollowUpInput {
  appointment: AppointmentForMessages;
  recipient: Recipient;
  settings: MessagingSettings;
  /** The service's rebooking interval in days; null when it has none. */
  rebookingIntervalDays: number | null;
  /** The customer already has a booking after this one: no rebooking nudge. */
  hasFutureBooking: boolean;
  now: number;
}

/** Planned when the appointment is marked completed or a no-show. */
export function planFollowUps(input: FollowUpInput): PlannedMessage[] {
  const { appointment, settings, now } = input;
  const channel = FOLLOW_UP_CHANNEL_ORDER.find((c) =>
    reachableChannels(input.recipient).includes(c),
  );
  if (!channel) return [];

  const wanted: { kind: MessageKind; at: number }[] = [];
  switch (appointment.status) {
    case 'completed': {
      wanted.push({ kind: 'thank_you', at: appointment.end + THANK_YOU_DELAY_MS });
      const days = input.rebookingIntervalDays;
      if (days !== null && days > 0 && !input.hasFutureBooking) {
        const date = addDaysToLocalDate(utcToLocalDate(appointment.end, settings.timeZone), days);
        wanted.push({
          kind: 'rebook',
          at: localBoundaryToUtc(date, REBOOK_LOCAL_MINUTE, settings.timeZone),
        });
      }
      break;
    }
    case 'no_show':
      wanted.push({ kind: 'no_show', at: appointment.end });
      break;
    case 'pending_payment':
    case 'confirmed':
    case 'cancelled':
      break;
    default: {
      const never: never = appointment.status;
      throw new Error(`Unknown status ${String(never)}`);
    }
  }

  return wanted.map(({ kind, at }): PlannedMessage => {
    const from = Math.max(at, now);
    // No deadline, so the end of quiet hours always works and the result is never null.
    const dueAt = deferForQuietHours(from, { ...settings, earliest: from, latest: null }) ?? from;
    return {
      appointmentId: appointment.id,
      kind,
      channel,
      dueAt,
      offsetMinutes: null,
      dedupeKey: dedupeKey({ appointmentId: appointment.id, kind, channel, revision: 0 }),
    };
  });
}

export interface SendContext {
  now: number;
  appointment: { start: number; end: number; status: AppointmentStatus };
  /** For the rebooking nudge: asked again at send time, the customer may have booked since. */
  hasFutureBooking: boolean;
}

/**
 * Whether a message that is due (perhaps long overdue) should still go out now. Anything about
 * the booking is pointless once it has started or if it is no longer in the state the message
 * assumes; follow-ups keep for a week. The loop also defers for quiet hours at send time
 * (deferForQuietHours) and, when catching up, should send only the latest overdue reminder per
 * channel.
 */
export function isStillUseful(kind: MessageKind, context: SendContext): boolean {
  const { now, appointment } = context;
  const beforeStart = now < appointment.start;
  const fresh = now < appointment.end + FOLLOW_UP_SHELF_LIFE_MS;
  switch (kind) {
    case 'confirmation':
    case 'rescheduled':
    case 'reminder':
      return beforeStart && appointment.status === 'confirmed';
    case 'cancellation':
      return beforeStart && appointment.status === 'cancelled';
    case 'thank_you':
      return fresh && appointment.status === 'completed';
    case 'no_show':
      return fresh && appointment.status === 'no_show';
    case 'rebook':
      return !context.hasFutureBooking;
    case 'payment_link':
      return beforeStart && appointment.status !== 'cancelled';
    case 'payment_refunded':
      return true;
    case 'reply':
      // It answers a text about this appointment: pointless once it is over.
      return now < appointment.end;
    default: {
      const never: never = kind;
      throw new Error(`Unknown message kind ${String(never)}`);
    }
  }
}
