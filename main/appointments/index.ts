// Appointments: the store (the only writer of appointments and their audit trail), booking,
// moving, cancelling and closing them, the schedule read and free slots. The only door into this
// folder.
export { createAvailabilityService } from './availability.js';
export { createBookingService } from './bookings.js';
export type { AppointmentChange, BookingService, InWriteStep } from './bookings.js';
export { createAppointmentStore, hashManageToken, toAppointment } from './store.js';
export type { AppointmentRow, AppointmentStore } from './store.js';
export { createScheduleReader } from './schedule.js';
export type { ScheduleReader } from './schedule.js';
