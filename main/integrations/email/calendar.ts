// The .ics sent with booking emails, so the appointment lands in the customer's calendar and
// follows every change (RFC 5545 / iTIP RFC 5546):
//   - one UID per appointment, for its whole life: clients match updates by UID;
//   - SEQUENCE counts revisions (0 when booked, +1 per move, +1 again for the cancel) — a client
//     ignores an update whose SEQUENCE is not higher than the one it holds;
//   - METHOD:REQUEST (STATUS:CONFIRMED) for a new or moved booking, METHOD:CANCEL
//     (STATUS:CANCELLED) to take it out of the calendar;
//   - times in UTC, so no VTIMEZONE block is needed and no client can misread the zone.
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { CalendarAttachment } from './email-sender.js';

export interface AppointmentInvite {
  appointmentId: string;
  /** 0 when booked; +1 on every reschedule; the cancel is one more. */
  sequence: number;
  start: number;
  end: number;
  /** "Cut & blow-dry with Sam" */
  summary: string;
  description?: string;
  location?: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** DTSTAMP: when this version was made (the injected clock). */
  stamp: number;
  cancelled: boolean;
}

export function appointmentUid(appointmentId: string): string {
  return `${appointmentId}@bookingsync`;
}

export function buildAppointmentInvite(invite: AppointmentInvite): CalendarAttachment {
  const method = invite.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({
    prodId: { company: 'BookingSync', product: 'BookingSync', language: 'EN' },
    method,
  });
  calendar.createEvent({
    id: appointmentUid(invite.appointmentId),
    sequence: invite.sequence,
    stamp: new Date(invite.stamp),
    start: new Date(invite.start),
    end: new Date(invite.end),
    summary: invite.summary,
    description: invite.description ?? null,
    location: invite.location ?? null,
    status: invite.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: invite.organizer,
    attendees: [
      {
        name: invite.attendee.name,
        email: invite.attendee.email,
        role: ICalAttendeeRole.REQ,
        // The customer booked it themselves: accepted, nothing to answer.
        status: ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
  return {
    method: invite.cancelled ? 'CANCEL' : 'REQUEST',
    content: calendar.toString(),
    filename: invite.cancelled ? 'cancelled.ics' : 'appointment.ics',
  };
}
