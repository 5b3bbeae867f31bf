// Payments' part of the contract: an appointment's movements and balance, refunds, payment links,
// the Stripe connection.
import { z } from 'zod';
import { id, epochMs, currency, messageChannel, empty } from './shared.js';

/** One money movement: a deposit taken, a refund given, a no-show fee charged. */
export const paymentMovement = z.object({
  id,
  /** in_person: a deposit the desk took itself (cash, its own card terminal). */
  kind: z.enum(['deposit', 'refund', 'no_show_fee', 'in_person']),
  /** Positive minor units; the kind says which way the money went. */
  amount: z.int().positive(),
  currency,
  status: z.enum(['pending', 'succeeded', 'failed', 'cancelled']),
  provider: z.enum(['stripe', 'demo', 'desk']),
  reason: z.string().nullable(),
  /** Why it failed (a declined card), shown to the desk. */
  failureMessage: z.string().nullable(),
  providerReference: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});

export type PaymentMovement = z.infer<typeof paymentMovement>;

export const paymentBalance = z.object({
  collected: z.int(),
  refunded: z.int(),
  refundPending: z.int(),
  held: z.int(),
  /** Taken at the desk: given back at the desk, never through the provider. */
  takenInPerson: z.int(),
  /** What the provider can still refund. */
  refundable: z.int(),
});

export const appointmentPayments = z.object({
  appointmentId: id,
  currency,
  depositAmount: z.int().nonnegative(),
  /** The frozen policy in the words the customer read. */
  policy: z.array(z.string()),
  movements: z.array(paymentMovement),
  balance: paymentBalance,
});

export type AppointmentPayments = z.infer<typeof appointmentPayments>;

export const paymentConnection = z.object({
  provider: z.enum(['stripe', 'demo']),
  stripeKeySet: z.boolean(),
  webhookSecretSet: z.boolean(),
});

export const paymentsChannels = {
  'payments.forAppointment': {
    input: z.object({ appointmentId: id }),
    output: appointmentPayments,
  },
  /** A partial refund from the desk; the same requestId (one per dialog) is one refund. */
  'payments.refund': {
    input: z.object({
      appointmentId: id,
      amount: z.int().positive(),
      reason: z.string().trim().min(1, 'say why the money goes back').max(500),
      requestId: z.string().min(1).max(100),
    }),
    output: appointmentPayments,
  },
  /**
   * The deposit taken at the desk (cash, the desk's own terminal): recorded as an in_person
   * movement; a booking held for it is confirmed (CONFLICT when its lapsed hold's time was taken
   * meanwhile). The same requestId (one per dialog) is one movement.
   */
  'payments.takeInPerson': {
    input: z.object({
      appointmentId: id,
      amount: z.int().positive('must be more than 0'),
      note: z.string().trim().max(200).optional(),
      requestId: z.string().min(1).max(100),
    }),
    output: appointmentPayments,
  },
  /** A checkout link for a phone booking's deposit, sent through the outbox. */
  'payments.sendLink': {
    input: z.object({ appointmentId: id, channel: messageChannel.optional() }),
    output: z.object({ url: z.string(), channels: z.array(messageChannel) }),
  },
  'payments.connection.get': { input: empty, output: paymentConnection },
  /** Stripe credentials; null clears one (back to demo payments without a secret key). */
  'payments.connection.update': {
    input: z.object({
      stripeSecretKey: z
        .string()
        .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
        .nullable()
        .optional(),
      stripeWebhookSecret: z
        .string()
        .regex(/^whsec_\w+$/, 'must be a Stripe webhook signing secret (whsec_…)')
        .nullable()
        .optional(),
    }),
    output: paymentConnection,
  },
} as const;
