// The public listener's shapes (DESIGN.md §5), snake_case. Handlers parse with these and
// /docs/openapi.json is generated from them: there is no other copy.
import { z } from 'zod';
import {
  EARLIEST_DATE,
  EARLIEST_INSTANT,
  LATEST_DATE,
  LATEST_INSTANT,
  appointmentStatus,
  dateInRange,
  errorBody,
} from '../../preload/contract/index.js';
import { canonicalLocale } from '../domain/slot-labels.js';
import type { ResponseSpec } from './route-spec.js';

export const id = z.string().min(1).max(64);

/** How every instant leaves this listener: wall clock in the business's zone, with its offset. */
export const instant = z.string().meta({
  description: "ISO 8601 with the business zone's UTC offset at that instant",
  examples: ['2026-12-01T09:00:00+00:00'],
});

/** What a client must send: an unambiguous instant, so a visitor's own zone cannot shift it. */
export const instantInput = z.iso
  .datetime({
    offset: true,
    error: 'must be ISO 8601 with seconds and a UTC offset, like 2026-12-01T09:00:00+00:00',
  })
  .refine((iso) => {
    const ms = Date.parse(iso);
    // Text that is no date at all is the format check's to name.
    return Number.isNaN(ms) || (ms >= EARLIEST_INSTANT && ms <= LATEST_INSTANT);
  }, `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`)
  .meta({
    description: 'ISO 8601 date and time with seconds and a UTC offset (or Z)',
    examples: ['2026-12-01T09:00:00+00:00'],
  });

export const money = z.object({
  amount: z.int().meta({ description: 'Minor units (pence, cents)' }),
  currency: z.string().meta({ description: 'ISO 4217', examples: ['GBP'] }),
});

export const errorResponse = z.object({ error: errorBody });

/** A documented refusal: every one has the same `{ error }` body. */
export const failure = (description: string): ResponseSpec => ({
  description,
  schema: errorResponse,
});

// ── services and availability ───────────────────────────────────────────────

export const publicService = z.object({
  id,
  name: z.string(),
  description: z.string(),
  duration_minutes: z.int(),
  price: money,
  deposit: money.nullable().meta({ description: 'Taken when booking; null when none is asked' }),
  payment_policy: z
    .array(z.string())
    .meta({ description: 'Deposit, refund and no-show terms in plain words; empty when none' }),
  staff_ids: z.array(id),
  staff: z
    .array(z.object({ id, name: z.string() }))
    .meta({ description: 'Who performs the service, in staff_ids order, with names to show' }),
});
export type PublicService = z.output<typeof publicService>;

export const servicesResponse = z.object({ services: z.array(publicService) });

export const availabilityQuery = z.object({
  service_id: id,
  staff_id: id.optional().meta({ description: 'Omitted: anyone who performs the service' }),
  from: dateInRange(z.iso.date())
    .optional()
    .meta({ description: "First day (YYYY-MM-DD) in the business's zone; default today" }),
  days_ahead: z.coerce.number().int().min(1).max(62).default(7),
  locale: z
    .string()
    .max(100)
    .refine((tag) => canonicalLocale(tag) !== null, 'must be a BCP 47 language tag, like en-GB')
    .optional()
    .meta({
      description: "Language of the labels; default English as written in the business's country",
      examples: ['en-GB', 'de-DE'],
    }),
});

const label = (description: string, example: string) =>
  z.string().meta({ description, examples: [example] });

/** Whom a customer calls when the widget cannot do what they need. */
export const businessContact = z.object({
  name: z.string(),
  phone: z
    .string()
    .nullable()
    .meta({
      description: 'As the business writes it; null when it has not given one',
      examples: ['01632 960123'],
    }),
});

export const availabilityResponse = z.object({
  timezone: z.string().meta({ examples: ['Europe/London'] }),
  business: businessContact.extend({
    cancellation_cutoff_minutes: z.int().meta({
      description:
        'A booking starting sooner than this cannot be moved or cancelled online; the widget ' +
        'says so before the customer books such a time',
    }),
  }),
  locale: z.string().meta({
    description: 'The language the labels are in: the one asked for, or the nearest there is',
    examples: ['en-GB'],
  }),
  bookable_until: z.iso.date().meta({
    description: "The last day bookings open on (the business's horizon), in its zone",
  }),
  days: z.array(
    z.object({
      date: z.iso.date(),
      label: label('The day in short words, to show', 'Fri 27 Nov'),
      label_long: label('The day in full words, to show', 'Friday 27 November'),
      slots: z.array(
        z.object({
          start: instant,
          end: instant,
          staff_id: id,
          label: label("The start's wall-clock time in the business's zone, to show", '09:00'),
        }),
      ),
    }),
  ),
});

// ── bookings ─────────────────────────────────────────────────────────────────

const personName = z.string().trim().min(1, 'must not be empty').max(200);
const phone = z.string().trim().min(3).max(40);
const email = z.email().max(254);

export const bookingRequest = z.strictObject({
  service_id: id,
  staff_id: id.optional().meta({ description: 'Omitted: whoever is free' }),
  start: instantInput,
  customer: z
    .strictObject({ name: personName, phone: phone.optional(), email: email.optional() })
    .refine((c) => c.phone !== undefined || c.email !== undefined, {
      message: 'a phone number or an email address is needed to reach the customer',
      path: ['phone'],
    })
    // The refine above is code; anyOf says the same to a client's schema validator.
    .meta({
      description: 'A phone number, an email address or both',
      anyOf: [{ required: ['phone'] }, { required: ['email'] }],
    }),
  note: z.string().max(2000).optional(),
  sms_consent: z.boolean().optional().meta({ description: 'May the business text reminders' }),
});
export type BookingRequest = z.output<typeof bookingRequest>;

export const idempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: 'Any unique string per booking attempt, e.g. a UUID' });

/** The part of a booking every caller sees: the widget's manage page and the admin API alike. */
export const bookingFields = z.object({
  id,
  status: appointmentStatus,
  start: instant,
  end: instant,
  service_id: id,
  service_name: z.string(),
  staff_id: id,
  staff_name: z.string(),
  any_staff: z.boolean().meta({
    description:
      'The customer asked for anyone free rather than this person; moving the booking offers ' +
      "everyone's times first",
  }),
  price: money,
});

const minor = z.int().meta({ description: 'Minor units of `currency`' });

export const bookingPayment = z
  .object({
    state: z.enum(['none', 'awaiting_deposit', 'paid', 'part_refunded', 'refunded']).meta({
      description:
        'awaiting_deposit: asked and not yet paid; part_refunded / refunded: some or all of ' +
        'what was paid went back',
    }),
    currency: z.string().meta({ description: 'ISO 4217', examples: ['GBP'] }),
    deposit_required: z.boolean(),
    deposit: minor.meta({ description: 'The deposit agreed when booking; 0 when none' }),
    paid: minor.meta({ description: 'Deposits and fees received' }),
    refunded: minor.meta({ description: 'Refunds completed' }),
    refund_pending: minor.meta({ description: 'Refunds on their way back to the card' }),
    balance_due: minor.meta({
      description: 'Left to pay at the appointment: the price less what the business holds',
    }),
    refund_if_cancelled_now: minor.meta({
      description: 'What cancelling online now would give back, under the agreed policy',
    }),
    policy: z.object({
      full_refund_until: instant.meta({
        description: 'Cancelling before this refunds the whole deposit',
      }),
      late_refund_percent: z.int().meta({ description: 'Share of the deposit refunded later' }),
      no_show: z.enum(['none', 'keep_deposit', 'charge_card']),
      no_show_max_charge: minor
        .nullable()
        .meta({ description: 'charge_card only: the most a no-show costs in total' }),
      terms: z.string().meta({
        description: 'The agreed deposit, refund and no-show terms, with dates, in plain words',
      }),
    }),
  })
  .nullable()
  .meta({ description: 'null when the booking carries no payment terms and nothing was paid' });

/** What the holder of a manage token may see: this booking, nobody else's details. */
export const publicBooking = bookingFields.extend({
  hold_expires_at: instant
    .nullable()
    .meta({ description: 'Only for pending_payment: when the unpaid hold lapses' }),
  changes_allowed_until: instant.meta({
    description: 'Last moment the customer may reschedule or cancel online',
  }),
  can_change_online: z.boolean().meta({
    description:
      'Whether rescheduling or cancelling online is open now: false once the booking is past ' +
      'changes_allowed_until or no longer confirmed or awaiting payment',
  }),
  business: businessContact.meta({ description: 'Whom to call when it cannot change online' }),
  customer: z.object({ first_name: z.string() }),
  payment: bookingPayment,
  calendar_uid: z.string().meta({
    description:
      "The event's UID in calendar files: the booking emails' .ics use it, so a file made " +
      'with it updates (not duplicates) the same event',
  }),
});
export type PublicBooking = z.output<typeof publicBooking>;

export const bookingCreated = z.object({
  booking: publicBooking,
  manage_token: z.string().meta({
    description: 'Shown once: the key to view, reschedule or cancel this booking',
  }),
  checkout_url: z.string().optional().meta({
    description: 'With a deposit (status pending_payment): where the customer pays it',
  }),
  payment_policy: z.array(z.string()).optional().meta({
    description: 'The deposit, refund and no-show terms agreed, in plain words',
  }),
});

export const bookingResponse = z.object({ booking: publicBooking });

export const manageTokenParams = z.object({
  manage_token: z.string().meta({ description: 'From the answer that created the booking' }),
});

/** In a move: whoever performs the service and is free at the new time. */
export const ANY_STAFF = 'any';

export const rescheduleRequest = z.strictObject({
  start: instantInput,
  staff_id: z
    .union([z.literal(ANY_STAFF), id])
    .optional()
    .meta({
      description:
        'Omitted: stay with the same staff member. "any": anyone who performs the service and ' +
        'is free then (the same person when they are). An id: that staff member.',
    }),
});

export const cancelRequest = z
  .strictObject({ reason: z.string().trim().max(500).optional() })
  .optional();
