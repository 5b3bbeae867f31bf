// The payment provider on Stripe, through the official client. Checkout Sessions take deposits
// (the PaymentIntent saves the card off-session when the policy may charge a no-show fee), Refunds
// give money back, an off-session PaymentIntent charges a no-show fee. `api` points the client at
// another host (the wire-level fake in tests/fakes/stripe.ts); by default it talks to Stripe.
import Stripe from 'stripe';
import {
  WebhookSignatureError,
  type CheckoutSession,
  type OffSessionCharge,
  type PaymentProvider,
  type ProviderEvent,
  type ProviderRefund,
} from './payment-provider.js';

export interface StripeApiAddress {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string | null;
  api?: StripeApiAddress;
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.id;

function toRefund(refund: Stripe.Refund): ProviderRefund {
  const state =
    refund.status === 'succeeded'
      ? 'succeeded'
      : refund.status === 'failed' || refund.status === 'canceled'
        ? 'failed'
        : 'pending';
  return {
    id: refund.id,
    state,
    amount: refund.amount,
    paymentIntentId: idOf(refund.payment_intent) ?? '',
    failureMessage: refund.failure_reason ?? null,
  };
}

const checkoutEvents = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
]);
const refundEvents = new Set(['refund.created', 'refund.updated', 'refund.failed']);

export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    // The client retries network failures itself, with the idempotency key we pass.
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(options.api ?? {}),
  });

  async function toCheckout(session: Stripe.Checkout.Session): Promise<CheckoutSession> {
    const paid = session.status === 'complete' && session.payment_status === 'paid';
    const paymentIntentId = idOf(session.payment_intent);
    let customerId = idOf(session.customer);
    let paymentMethodId: string | null = null;
    if (paid && paymentIntentId) {
      // The saved card lives on the PaymentIntent, not on the session.
      const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
      paymentMethodId = idOf(intent.payment_method);
      customerId = idOf(intent.customer) ?? customerId;
    }
    return {
      id: session.id,
      url: session.url,
      state: paid ? 'paid' : session.status === 'expired' ? 'expired' : 'open',
      amount: session.amount_total ?? 0,
      currency: (session.currency ?? '').toUpperCase(),
      paymentIntentId,
      customerId,
      paymentMethodId,
    };
  }

  return {
    name: 'stripe',

    async createCheckout(request) {
      const metadata = { appointment_id: request.appointmentId, payment_id: request.paymentId };
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: request.appointmentId,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency.toLowerCase(),
                unit_amount: request.amount,
                product_data: { name: request.description },
              },
            },
          ],
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          expires_at: Math.floor(request.expiresAt / 1000),
          metadata,
          ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
          ...(request.saveCard ? { customer_creation: 'always' as const } : {}),
          payment_intent_data: {
            metadata,
            ...(request.saveCard ? { setup_future_usage: 'off_session' as const } : {}),
          },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return toCheckout(session);
    },

    async retrieveCheckout(id) {
      return toCheckout(await stripe.checkout.sessions.retrieve(id));
    },

    async refund(input) {
      const refund = await stripe.refunds.create(
        {
          payment_intent: input.paymentIntentId,
          amount: input.amount,
          metadata: { reason: input.reason.slice(0, 500) },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return toRefund(refund);
    },

    async retrieveRefund(id) {
      return toRefund(await stripe.refunds.retrieve(id));
    },

    async chargeOffSession(request): Promise<OffSessionCharge> {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amount,
            currency: request.currency.toLowerCase(),
            customer: request.customerId,
            payment_method: request.paymentMethodId,
            off_session: true,
            confirm: true,
            description: request.description,
            metadata: { appointment_id: request.appointmentId, kind: 'no_show_fee' },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        if (intent.status === 'succeeded')
          return { state: 'succeeded', paymentIntentId: intent.id };
        return {
          state: 'declined',
          paymentIntentId: intent.id,
          message: `The charge needs the customer (${intent.status})`,
        };
      } catch (error) {
        if (error instanceof Stripe.errors.StripeCardError) {
          return {
            state: 'declined',
            paymentIntentId: error.payment_intent?.id ?? null,
            message: error.message,
          };
        }
        throw error;
      }
    },

    verifyWebhook(rawBody, signatureHeader) {
      if (!options.webhookSecret) {
        throw new WebhookSignatureError('No Stripe webhook secret is configured');
      }
      if (!signatureHeader) throw new WebhookSignatureError('Missing Stripe-Signature header');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signatureHeader, options.webhookSecret);
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : 'Bad signature');
      }
      const object = event.data.object as { id?: string; object?: string };
      if (checkoutEvents.has(event.type) && typeof object.id === 'string') {
        return { id: event.id, type: event.type, kind: 'checkout', checkoutSessionId: object.id };
      }
      if (refundEvents.has(event.type) && object.object === 'refund') {
        return {
          id: event.id,
          type: event.type,
          kind: 'refund',
          refund: toRefund(event.data.object as Stripe.Refund),
        };
      }
      return { id: event.id, type: event.type, kind: 'other' } satisfies ProviderEvent;
    },
  };
}
