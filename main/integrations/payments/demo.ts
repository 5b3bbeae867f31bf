// The payment provider of demo mode: no credentials, no network. Sessions are kept by a store (the
// business's database, integrations/payments/demo-store.ts, so a restart strands no customer
// mid-payment) and paid on the app's own fake checkout page (GET /pay/demo/{session},
// routes-payments.ts), which calls pay(); every money movement still becomes a row, as with Stripe.
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

/** A session as kept: its address is not, since the public address may change between runs. */
export type StoredDemoCheckout = Omit<DemoCheckout, 'url'>;

/** Where demo sessions and refunds are kept, each found by id or by the key that made it. */
export interface DemoPaymentStore {
  checkout(id: string): StoredDemoCheckout | undefined;
  checkoutByKey(idempotencyKey: string): StoredDemoCheckout | undefined;
  addCheckout(session: StoredDemoCheckout, idempotencyKey: string): void;
  updateCheckout(session: StoredDemoCheckout): void;
  refund(id: string): ProviderRefund | undefined;
  refundByKey(idempotencyKey: string): ProviderRefund | undefined;
  addRefund(refund: ProviderRefund, idempotencyKey: string): void;
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
  store: DemoPaymentStore;
}): DemoPaymentProvider {
  const { store } = options;

  const withUrl = (session: StoredDemoCheckout): DemoCheckout => ({
    ...session,
    url: `${options.baseUrl()}/pay/demo/${session.id}`,
  });

  /** The session as it stands now: an open one past its expiry has expired. */
  function current(stored: StoredDemoCheckout): DemoCheckout {
    if (stored.state === 'open' && stored.expiresAt <= options.now()) {
      const expired: StoredDemoCheckout = { ...stored, state: 'expired' };
      store.updateCheckout(expired);
      return withUrl(expired);
    }
    return withUrl(stored);
  }

  function known(id: string): DemoCheckout {
    const found = store.checkout(id);
    if (!found) throw new Error(`No demo checkout session ${id}`);
    return current(found);
  }

  return {
    name: 'demo',

    async createCheckout(request: CheckoutRequest) {
      const earlier = store.checkoutByKey(request.idempotencyKey);
      if (earlier) return current(earlier);
      const session: StoredDemoCheckout = {
        id: demoId('cs'),
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
      store.addCheckout(session, request.idempotencyKey);
      return withUrl(session);
    },

    async retrieveCheckout(id) {
      return known(id);
    },

    session: (id) => {
      const found = store.checkout(id);
      return found ? current(found) : undefined;
    },

    pay(id) {
      const session = known(id);
      if (session.state !== 'open') return session;
      const paid: DemoCheckout = {
        ...session,
        state: 'paid',
        paymentIntentId: demoId('pi'),
        ...(session.saveCard ? { customerId: demoId('cus'), paymentMethodId: demoId('pm') } : {}),
      };
      store.updateCheckout(paid);
      return paid;
    },

    async refund(input) {
      const earlier = store.refundByKey(input.idempotencyKey);
      if (earlier) return earlier;
      const refund: ProviderRefund = {
        id: demoId('re'),
        state: 'succeeded',
        amount: input.amount,
        paymentIntentId: input.paymentIntentId,
        failureMessage: null,
      };
      store.addRefund(refund, input.idempotencyKey);
      return refund;
    },

    async retrieveRefund(id) {
      const refund = store.refund(id);
      if (!refund) throw new Error(`No demo refund ${id}`);
      return refund;
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
