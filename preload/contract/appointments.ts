// Appointments' part of the contract: bookings, their statuses and audit trail, the calendar's
// lists and free slots.
import { z } from 'zod';
import {
  id,
  epochMs,
  instant,
  periodBound,
  dateInRange,
  localDate,
  currency,
  byId,
} from './shared.js';
import { customerDetails } from './customers.js';

export const appointmentStatus = z.enum([
  'pending_payment',
  'confirmed',
  'cancelled',
  'completed',
  'no_show',
]);

export const appointmentSource = z.enum(['desk', 'widget', 'api', 'sms', 'demo']);

export const appointment = z.object({
  id,
  staffId: id,
  serviceId: id,
  customerId: id,
  start: epochMs,
  end: epochMs,
  status: appointmentStatus,
  source: appointmentSource,
  holdExpiresAt: epochMs.nullable(),
  priceAmount: z.int(),
  currency,
  note: z.string(),
  cancelReason: z.string().nullable(),
  customerConfirmedAt: epochMs.nullable(),
  /** The customer asked for anyone free rather than this person. */
  anyStaff: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
});

export type Appointment = z.infer<typeof appointment>;

/** Where a booking's money stands, for the calendar's badge. */
export const paymentState = z.enum([
  'none',
  'awaiting_deposit',
  'paid',
  'part_refunded',
  'refunded',
]);

export type PaymentState = z.infer<typeof paymentState>;

/** An appointment as lists show it: with its payment state, read in the same query. */
export const listedAppointment = appointment.extend({ paymentState });

export type ListedAppointment = z.infer<typeof listedAppointment>;

export const appointmentEvent = z.object({
  id: z.int(),
  at: epochMs,
  kind: z.enum(['created', 'status_changed', 'rescheduled', 'customer_confirmed', 'note_changed']),
  actor: z.enum(['desk', 'customer', 'system', 'api']),
  fromStatus: appointmentStatus.nullable(),
  toStatus: appointmentStatus.nullable(),
  fromStart: epochMs.nullable(),
  toStart: epochMs.nullable(),
  fromStaffId: z.string().nullable(),
  toStaffId: z.string().nullable(),
  reason: z.string().nullable(),
});

export const slot = z.object({ start: epochMs, end: epochMs, staffId: id });

export const dayAvailability = z.object({ date: localDate, slots: z.array(slot) });

export const newAppointment = z.object({
  serviceId: id,
  /** Omitted: any staff member who performs the service and is free. */
  staffId: id.optional(),
  start: instant,
  customerId: id.optional(),
  customer: customerDetails.optional(),
  note: z.string().max(2000).optional(),
  /** For a new customer; omitted at the desk: on, as appointment messages are service messages. */
  smsConsent: z.boolean().optional(),
  emailConsent: z.boolean().optional(),
  /** Hold the slot unpaid (pending_payment) for the business's hold time. */
  hold: z.boolean().optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
});

export type NewAppointment = z.infer<typeof newAppointment>;

export const appointmentsChannels = {
  'appointments.list': {
    input: z.object({
      from: periodBound,
      to: periodBound,
      staffId: id.optional(),
      customerId: id.optional(),
    }),
    output: z.array(listedAppointment),
  },
  'appointments.get': { input: byId, output: appointment },
  'appointments.history': { input: byId, output: z.array(appointmentEvent) },
  'appointments.create': { input: newAppointment, output: appointment },
  'appointments.reschedule': {
    input: z.object({
      id,
      start: instant,
      staffId: id.optional(),
      /** A new length (the calendar's resize); omitted keeps the booked length. */
      durationMinutes: z
        .int()
        .min(5)
        .max(12 * 60)
        .optional(),
    }),
    output: appointment,
  },
  'appointments.cancel': {
    input: z.object({ id, reason: z.string().max(500).optional() }),
    output: appointment,
  },
  'appointments.complete': { input: byId, output: appointment },
  'appointments.markNoShow': { input: byId, output: appointment },
  'availability.get': {
    input: z.object({
      serviceId: id,
      staffId: id.optional(),
      from: dateInRange(localDate),
      days: z.int().min(1).max(62).optional(),
    }),
    output: z.object({ timeZone: z.string(), days: z.array(dayAvailability) }),
  },
} as const;

export const appointmentsEvents = {
  'appointments.changed': z.object({
    appointmentId: id,
    status: appointmentStatus,
    change: z.enum(['created', 'rescheduled', 'status_changed', 'updated']),
  }),
} as const;
