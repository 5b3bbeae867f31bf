// Appointments: booking, moving, cancelling and closing them, the desk's lists, the schedule read
// and free slots. The only door into this folder.
export { createAvailabilityService } from './availability.js';
export { createBookingService, hashManageToken } from './bookings.js';
export type { BookingService } from './bookings.js';
export { createAppointmentList } from './list.js';
export { createScheduleReader } from './schedule.js';
export type { ScheduleReader } from './schedule.js';
