// The payment provider of demo mode: no credentials, no network. Sessions live in memory and are
// paid on the app's own fake checkout page (GET /pay/demo/{session}, routes-payments.ts), which
// calls pay() or abandon(); every money movement still becomes a row, as with Stripe.
import { randomBytes } from 'node:crypto';
import {
  WebhookSignatureError,
  type CheckoutRequest,
  type CheckoutSession,
  type PaymentProvider,
  type ProviderRefund,
} from './payment-provider.js';

export interface DemoCheckout extends CheckoutSession {
  description: string;
  successUrl: string;
  cancelUrl: string;
  saveCard: boolean;
  expiresAt: number;
}

export interface DemoPaymentProvider extends PaymentProvider {
  readonly name: 'demo';
  session(id: string): DemoCheckout | undefined;
  /** The customer pressed Pay on the fake checkout page. */
  pay(id: string): DemoCheckout;
}

const demoId = (prefix: string) => `${prefix}_demo_${randomBytes(9).toString('base64url')}`;

export function createDemoPaymentProvider(options: {
  /** The public listener's base URL, for the checkout page's address. */
  baseUrl: () => string;
  now: () => number;
}): DemoPaymentProvider {
  const sessions = new Map<string, DemoCheckout>();
  const refunds = new Map<string, ProviderRefund>();
  const byKey = new Map<string, string>();

  function known(id: string): DemoCheckout {
    const found = sessions.get(id);
    if (!found) throw new Error(`No demo checkout session ${id}`);
    if (found.state === 'open' && found.expiresAt <= options.now()) found.state = 'expired';
    return found;
  }

  return {
    name: 'demo',

    async createCheckout(request: CheckoutRequest) {
      const earlier = byKey.get(request.idempotencyKey);
      if (earlier) return { ...known(earlier) };
      const id = demoId('cs');
      const session: DemoCheckout = {
        id,
        url: `${options.baseUrl()}/pay/demo/${id}`,
        state: 'open',
        amount: request.amount,
        currency: request.currency,
        paymentIntentId: null,
        customerId: null,
        paymentMethodId: null,
        description: request.description,
        successUrl: request.successUrl,
        cancelUrl: request.cancelUrl,
        saveCard: request.saveCard,
        expiresAt: request.expiresAt,
      };
      sessions.set(id, session);
      byKey.set(request.idempotencyKey, id);
      return { ...session };
    },

    async retrieveCheckout(id) {
      return { ...known(id) };
    },

    session: (id) => (sessions.has(id) ? known(id) : undefined),

    pay(id) {
      const session = known(id);
      if (session.state === 'open') {
        session.state = 'paid';
        session.paymentIntentId = demoId('pi');
        if (session.saveCard) {
          session.customerId = demoId('cus');
          session.paymentMethodId = demoId('pm');
        }
      }
      return session;
    },

    async refund(input) {
      const earlier = byKey.get(input.idempotencyKey);
      if (earlier) {
        const refund = refunds.get(earlier);
        if (refund) return { ...refund };
      }
      const refund: ProviderRefund = {
        id: demoId('re'),
        state: 'succeeded',
        amount: input.amount,
        paymentIntentId: input.paymentIntentId,
        failureMessage: null,
      };
      refunds.set(refund.id, refund);
      byKey.set(input.idempotencyKey, refund.id);
      return { ...refund };
    },

    async retrieveRefund(id) {
      const refund = refunds.get(id);
      if (!refund) throw new Error(`No demo refund ${id}`);
      return { ...refund };
    },

    async chargeOffSession() {
      return { state: 'succeeded', paymentIntentId: demoId('pi') };
    },

    verifyWebhook() {
      // Demo mode pays on our own page; nothing outside may claim a payment happened.
      throw new WebhookSignatureError('Payments are in demo mode: no webhooks are accepted');
    },
  };
}
