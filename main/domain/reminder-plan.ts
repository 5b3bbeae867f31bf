// Which messages a booking gets, and when: the confirmation, the reminders, the news of a move or
// a cancellation. Pure: the loop (services/) stores what this returns and sends it when due.
//
// The rules, in one place:
//   - Channels: SMS when the customer has a phone number and gave SMS consent; email when there
//     is an address and email consent. Nothing is planned on any other channel.
//   - Only a confirmed appointment that has not started gets messages. A pending_payment hold
//     gets none: its messages are planned when the deposit confirms it.
//   - The announcement (confirmation, or "rescheduled" after a move) is due at once — `from`, the
//     later of the booking instant and `now` — once per channel.
//   - A reminder is due `offsetMinutes` real minutes before the start (so "24 h before" across a
//     DST change is 24 elapsed hours). One whose moment had already passed at `from` is skipped:
//     a booking made 90 minutes ahead gets no 2-hour reminder.
//   - Quiet hours (deferForQuietHours): a reminder inside them moves to the END of the window
//     (08:00) when that is still at least `minimumLeadMinutes` (default 30) before the start — or
//     the reminder's own offset, if smaller; failing that, to the minute BEFORE the window opened
//     (20:59 the evening before) when that is still ahead of `from`; failing both it is dropped.
//   - The announcement moves to the end of quiet hours on the same terms; when that would be too
//     late it goes out at once, inside quiet hours — the one exception, because the customer must
//     hear about a booking (or a move, or a cancellation) before it happens, and usually has just
//     made it themselves.
//   - A reminder due no later than the announcement on its channel is dropped (the announcement
//     already says when), and two reminders that quiet hours pushed to one moment become one.
import {
  isTransactional,
  dedupeKey,
  type MessageChannel,
  type MessageKind,
  type PlannedMessage,
} from './message-kinds.js';
import { DEFAULT_QUIET_HOURS, deferForQuietHours, type QuietHours } from './quiet-hours.js';
import type { AppointmentStatus } from './appointment-status.js';
import { MINUTE_MS } from './time.js';

export interface MessagingSettings {
  timeZone: string;
  quietHours: QuietHours;
  /** How close to the start a reminder moved by quiet hours may land (default 30). */
  minimumLeadMinutes?: number;
}

export const DEFAULT_MINIMUM_LEAD_MINUTES = 30;

export interface Recipient {
  /** E.164. */
  phone: string | null;
  email: string | null;
  smsConsent: boolean;
  emailConsent: boolean;
}

export interface ReminderOffset {
  channel: MessageChannel;
  /** Minutes before the start, > 0. */
  offsetMinutes: number;
}

/** Per business, overridable per service. */
export const DEFAULT_REMINDER_SCHEDULE: readonly ReminderOffset[] = [
  { channel: 'sms', offsetMinutes: 24 * 60 },
  { channel: 'email', offsetMinutes: 24 * 60 },
  { channel: 'sms', offsetMinutes: 2 * 60 },
  { channel: 'email', offsetMinutes: 2 * 60 },
];

export { DEFAULT_QUIET_HOURS };

export interface AppointmentForMessages {
  id: string;
  start: number;
  end: number;
  status: AppointmentStatus;
}

export function validateReminderSchedule(schedule: readonly ReminderOffset[]): string[] {
  return schedule.flatMap((entry, i) =>
    Number.isInteger(entry.offsetMinutes) && entry.offsetMinutes > 0
      ? []
      : [`reminder ${i + 1}: offset must be a whole number of minutes above 0`],
  );
}

/** The channels this customer can be reached on, SMS first. */
export function reachableChannels(recipient: Recipient): MessageChannel[] {
  const channels: MessageChannel[] = [];
  if (recipient.phone && recipient.smsConsent) channels.push('sms');
  if (recipient.email && recipient.emailConsent) channels.push('email');
  return channels;
}

function leadMs(settings: MessagingSettings): number {
  return (settings.minimumLeadMinutes ?? DEFAULT_MINIMUM_LEAD_MINUTES) * MINUTE_MS;
}

/** When an announcement about `appointmentStart` goes out, given it is news from `from` on. */
function announcementDueAt(from: number, appointmentStart: number, settings: MessagingSettings) {
  const deferred = deferForQuietHours(from, {
    ...settings,
    earliest: from,
    latest: appointmentStart - leadMs(settings),
  });
  return deferred ?? from;
}

export interface BookingPlanInput {
  appointment: AppointmentForMessages;
  recipient: Recipient;
  settings: MessagingSettings;
  schedule: readonly ReminderOffset[];
  /** The instant the booking was made (or moved). */
  bookedAt: number;
  now: number;
  /** Times rescheduled; 0 as first booked. Goes into the dedupe keys. */
  revision?: number;
}

function planBooking(input: BookingPlanInput, announcement: MessageKind): PlannedMessage[] {
  const { appointment, recipient, settings, schedule, now } = input;
  const revision = input.revision ?? 0;
  const from = Math.max(input.bookedAt, now);
  if (appointment.status !== 'confirmed' || appointment.start <= from) return [];
  const problems = validateReminderSchedule(schedule);
  if (problems.length > 0) throw new RangeError(problems.join('; '));

  const planned: PlannedMessage[] = [];
  const channels = reachableChannels(recipient);
  const announcedAt = new Map<MessageChannel, number>();
  for (const channel of channels) {
    const dueAt = announcementDueAt(from, appointment.start, settings);
    announcedAt.set(channel, dueAt);
    planned.push({
      appointmentId: appointment.id,
      kind: announcement,
      channel,
      dueAt,
      offsetMinutes: null,
      dedupeKey: dedupeKey({
        appointmentId: appointment.id,
        kind: announcement,
        channel,
        revision,
      }),
    });
  }

  // Smallest offset first, so when two reminders land on one moment the closer one survives.
  const reminders = [...schedule].sort((a, b) => a.offsetMinutes - b.offsetMinutes);
  const taken = new Set<string>();
  for (const { channel, offsetMinutes } of reminders) {
    const announced = announcedAt.get(channel);
    if (announced === undefined) continue;
    const wanted = appointment.start - offsetMinutes * MINUTE_MS;
    if (wanted < from) continue;
    const dueAt = deferForQuietHours(wanted, {
      ...settings,
      earliest: from,
      latest: appointment.start - Math.min(leadMs(settings), offsetMinutes * MINUTE_MS),
    });
    if (dueAt === null || dueAt <= announced) continue;
    const key = dedupeKey({
      appointmentId: appointment.id,
      kind: 'reminder',
      channel,
      revision,
      offsetMinutes,
    });
    const slot = `${channel}@${dueAt}`;
    if (taken.has(slot) || taken.has(key)) continue;
    taken.add(slot).add(key);
    planned.push({
      appointmentId: appointment.id,
      kind: 'reminder',
      channel,
      dueAt,
      offsetMinutes,
      dedupeKey: key,
    });
  }
  return planned.sort((a, b) => a.dueAt - b.dueAt || a.dedupeKey.localeCompare(b.dedupeKey));
}

/** The messages of a newly confirmed booking: a confirmation per channel, then the reminders. */
export function planAppointmentMessages(input: BookingPlanInput): PlannedMessage[] {
  return planBooking(input, 'confirmation');
}

/** A message already in the outbox that has not gone out yet. */
export interface PendingMessage {
  appointmentId: string;
  kind: MessageKind;
  dedupeKey: string;
}

export interface Replan {
  /** Dedupe keys of pending rows to mark cancelled. */
  cancel: string[];
  plan: PlannedMessage[];
}

/** Kinds whose text or timing depends on the appointment's start. */
function tiedToStart(kind: MessageKind): boolean {
  return isTransactional(kind) || kind === 'reminder';
}

/**
 * After a move: cancel what was pending for the old time and plan for the new one. The customer
 * hears the new time once — one "rescheduled" message per channel, never a new confirmation too —
 * then the reminders of the new time. `revision` is the count of moves including this one (≥ 1).
 */
export function replanAfterReschedule(
  input: Omit<BookingPlanInput, 'revision'> & {
    revision: number;
    pending: readonly PendingMessage[];
  },
): Replan {
  const cancel = input.pending
    .filter((m) => m.appointmentId === input.appointment.id && tiedToStart(m.kind))
    .map((m) => m.dedupeKey);
  return { cancel, plan: planBooking(input, 'rescheduled') };
}

/**
 * After a cancellation: cancel everything pending and tell the customer once per channel — if
 * the booking had been confirmed (a lapsed deposit hold was never promised to anyone) and the
 * appointment has not started (afterwards the news is moot).
 */
export function planCancellation(input: {
  appointment: AppointmentForMessages;
  previousStatus: AppointmentStatus;
  recipient: Recipient;
  settings: MessagingSettings;
  pending: readonly PendingMessage[];
  now: number;
}): Replan {
  const { appointment, recipient, settings, now } = input;
  const cancel = input.pending
    .filter((m) => m.appointmentId === appointment.id)
    .map((m) => m.dedupeKey);
  let tell: boolean;
  switch (input.previousStatus) {
    case 'confirmed':
      tell = appointment.start > now;
      break;
    case 'pending_payment':
    case 'cancelled':
    case 'completed':
    case 'no_show':
      tell = false;
      break;
    default: {
      const never: never = input.previousStatus;
      throw new Error(`Unknown status ${String(never)}`);
    }
  }
  if (!tell) return { cancel, plan: [] };
  const dueAt = announcementDueAt(now, appointment.start, settings);
  const plan = reachableChannels(recipient).map((channel): PlannedMessage => ({
    appointmentId: appointment.id,
    kind: 'cancellation',
    channel,
    dueAt,
    offsetMinutes: null,
    dedupeKey: dedupeKey({
      appointmentId: appointment.id,
      kind: 'cancellation',
      channel,
      revision: 0,
    }),
  }));
  return { cancel, plan };
}
