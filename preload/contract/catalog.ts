// The catalog's part of the contract: the business's settings, staff, services, weekly hours and
// time off.
import { z } from 'zod';
import {
  id,
  epochMs,
  instant,
  periodBound,
  minuteOfDay,
  currency,
  timeZone,
  name,
  color,
  messageChannel,
  emailInput,
  empty,
  byId,
  ok,
} from './shared.js';

export const settings = z.object({
  name,
  timeZone,
  currency,
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as GB'),
  /** Shown to customers who can no longer change a booking online; written as people dial it. */
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d ()-]{6,40}$/, 'must be a phone number such as 01632 960123')
    .nullable(),
  slotStepMinutes: z.int().min(5).max(240),
  minimumNoticeMinutes: z
    .int()
    .min(0)
    .max(60 * 24 * 30),
  horizonDays: z.int().min(1).max(730),
  cancellationCutoffMinutes: z
    .int()
    .min(0)
    .max(60 * 24 * 30),
  holdMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
});

export type Settings = z.infer<typeof settings>;

export const staffMember = z.object({
  id,
  name,
  email: z.email().nullable(),
  color,
  active: z.boolean(),
  sortOrder: z.int(),
});

export type StaffMember = z.infer<typeof staffMember>;

export const depositRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('fixed'), amount: z.int().positive() }),
  z.object({ kind: z.literal('percent'), percent: z.int().min(1).max(100) }),
]);

export type DepositRule = z.infer<typeof depositRule>;

/** What a no-show costs the customer, as agreed when booking. */
export const noShowFee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('keep_deposit') }),
  /** Charge the card saved at checkout, off-session, up to this amount (minor units). */
  z.object({ kind: z.literal('charge_card'), maxAmount: z.int().positive() }),
]);

export type NoShowFee = z.infer<typeof noShowFee>;

/** How much of the deposit a customer's own cancellation gets back. */
export const cancellationRefund = z.object({
  /** Cancelling at least this long before the start refunds the whole deposit. */
  windowMinutes: z
    .int()
    .min(0)
    .max(30 * 24 * 60),
  /** Share refunded for a later cancellation, whole percent. */
  latePercent: z.int().min(0).max(100),
});

export type CancellationRefund = z.infer<typeof cancellationRefund>;

/** One reminder in a schedule: this channel, this long before the start. */
export const reminderOffset = z.object({
  channel: messageChannel,
  offsetMinutes: z
    .int()
    .min(1)
    .max(60 * 24 * 60),
});

const serviceFields = {
  name,
  description: z.string().max(2000),
  durationMinutes: z
    .int()
    .min(5)
    .max(24 * 60),
  priceAmount: z.int().nonnegative(),
  bufferBeforeMinutes: z.int().min(0).max(240),
  bufferAfterMinutes: z.int().min(0).max(240),
  deposit: depositRule,
  noShowFee,
  cancellationRefund,
  /** null = the business's reminder schedule. */
  reminderSchedule: z.array(reminderOffset).max(12).nullable(),
  rebookingIntervalDays: z.int().min(1).max(730).nullable(),
  staffIds: z.array(id).min(1, 'at least one staff member must perform the service'),
  active: z.boolean(),
};

export const service = z.object({ id, currency, ...serviceFields });

export type Service = z.infer<typeof service>;

export const workingInterval = z
  .object({ weekday: z.int().min(1).max(7), startMinute: minuteOfDay, endMinute: minuteOfDay })
  .refine((v) => v.startMinute < v.endMinute, {
    message: 'must end after it starts',
    path: ['endMinute'],
  });

export type WorkingIntervalInput = z.infer<typeof workingInterval>;

export const timeOffPeriod = z.object({
  id,
  staffId: id,
  startAt: epochMs,
  endAt: epochMs,
  reason: z.string(),
});

export const catalogChannels = {
  'settings.get': { input: empty, output: settings },
  'settings.update': { input: settings.partial(), output: settings },
  'staff.list': { input: empty, output: z.array(staffMember) },
  'staff.create': {
    input: z.object({ name, email: emailInput.nullable().optional(), color: color.optional() }),
    output: staffMember,
  },
  'staff.update': {
    input: z.object({
      id,
      name: name.optional(),
      email: emailInput.nullable().optional(),
      color: color.optional(),
      active: z.boolean().optional(),
      sortOrder: z.int().optional(),
    }),
    output: staffMember,
  },
  'services.list': {
    input: z.object({ includeInactive: z.boolean().optional() }),
    output: z.array(service),
  },
  'services.create': {
    input: z.object(serviceFields).partial({
      description: true,
      bufferBeforeMinutes: true,
      bufferAfterMinutes: true,
      deposit: true,
      noShowFee: true,
      cancellationRefund: true,
      reminderSchedule: true,
      rebookingIntervalDays: true,
      active: true,
    }),
    output: service,
  },
  'services.update': {
    input: z
      .object({ id, ...serviceFields })
      .partial()
      .required({ id: true }),
    output: service,
  },
  'hours.get': { input: z.object({ staffId: id }), output: z.array(workingInterval) },
  'hours.set': {
    input: z.object({ staffId: id, intervals: z.array(workingInterval).max(100) }),
    output: z.array(workingInterval),
  },
  'timeOff.list': {
    input: z.object({ staffId: id.optional(), from: periodBound, to: periodBound }),
    output: z.array(timeOffPeriod),
  },
  'timeOff.create': {
    input: z
      .object({
        staffId: id,
        startAt: instant,
        endAt: instant,
        reason: z.string().max(500).optional(),
      })
      .refine((v) => v.startAt < v.endAt, { message: 'must end after it starts', path: ['endAt'] }),
    output: timeOffPeriod,
  },
  'timeOff.delete': { input: byId, output: ok },
} as const;
