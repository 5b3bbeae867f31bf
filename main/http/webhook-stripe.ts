// What POST /webhooks/stripe is, for the handler in routes-payments.ts and for /docs alike: the
// path, the signature header it reads, and its answers. The body is Stripe's signed event, checked
// and read by Stripe's own library over the exact bytes, so it is described rather than parsed here.
import { z } from 'zod';
import { failure } from './public-schemas.js';
import type { RouteDoc } from './route-spec.js';

export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';

/** What Stripe sends; only what a reader needs to recognise it. */
const stripeEvent = z.looseObject({
  id: z
    .string()
    .meta({ description: "Stripe's event id; an event delivered twice is applied once" }),
  type: z.string().meta({
    description:
      'checkout.session.* events confirm or release a deposit booking, refund.* events settle ' +
      'refunds; any other type is acknowledged and ignored',
    examples: ['checkout.session.completed'],
  }),
  data: z.looseObject({ object: z.looseObject({}) }),
});

export const stripeWebhookAnswer = z.object({
  received: z.literal(true),
  duplicate: z.boolean().meta({ description: 'The event was already applied; nothing changed' }),
});

export type StripeWebhookAnswer = z.output<typeof stripeWebhookAnswer>;

export const stripeWebhook: RouteDoc = {
  operationId: 'stripeWebhook',
  method: 'POST',
  path: '/webhooks/stripe',
  tag: 'Webhooks',
  summary: 'Stripe reports a payment or refund (Stripe webhook endpoint)',
  description:
    'Add {public address}/webhooks/stripe as a webhook endpoint in Stripe and save its signing ' +
    "secret in the app's settings. Not counted against the booking-write limit: Stripe retries " +
    'in bursts.',
  access: { cors: false, adminKey: false, bookingWrite: false },
  body: stripeEvent,
  headers: [
    {
      name: STRIPE_SIGNATURE_HEADER,
      required: true,
      description: 'Signature with the webhook signing secret over the exact body bytes',
      schema: z.string(),
    },
  ],
  responses: {
    200: { description: 'Applied, or recognised as already applied', schema: stripeWebhookAnswer },
    400: failure(
      'The signature does not verify (forged, altered, unsigned, or no signing secret set); nothing is applied',
    ),
  },
};
