// The desk's appointment channels: the calendar's lists, one booking and its audit trail, booking,
// moving and closing, and free slots.
import type { Services } from '../../app.js';
import type { HandlerGroup } from '../router.js';

export function appointmentHandlers(s: Services): HandlerGroup {
  return {
    'appointments.list': (input) => s.appointments.list(input),
    'appointments.get': (input) => s.bookings.get(input.id),
    'appointments.history': (input) => s.bookings.history(input.id),
    'appointments.create': (input) =>
      s.bookings.create({ ...input, source: 'desk', actor: 'desk' }).appointment,
    'appointments.reschedule': (input) => s.bookings.reschedule(input, 'desk'),
    'appointments.cancel': (input) => s.bookings.cancel(input.id, 'desk', input.reason),
    'appointments.complete': (input) => s.bookings.complete(input.id, 'desk'),
    'appointments.markNoShow': (input) => s.bookings.markNoShow(input.id, 'desk'),
    'availability.get': (input) => s.availability.get(input),
  };
}
