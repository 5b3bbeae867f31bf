// What BookingSync needs from a card processor, in our words. stripe.ts speaks it through the
// official client; demo.ts answers it on this machine so the whole flow runs without credentials.
// Every call that moves money carries an idempotency key derived from our own ids: a retried call
// (a double click, a crash between call and commit, a reconciliation pass) is one movement.

export interface CheckoutRequest {
  /** Goes into the provider's metadata so its dashboard leads back to the booking. */
  appointmentId: string;
  paymentId: string;
  amount: number;
  currency: string;
  description: string;
  customerEmail: string | null;
  /** Save the card for an off-session no-show fee. */
  saveCard: boolean;
  successUrl: string;
  cancelUrl: string;
  /** Instant (ms) after which the provider stops accepting payment for it. */
  expiresAt: number;
  idempotencyKey: string;
}

export type CheckoutState = 'open' | 'paid' | 'expired';

export interface CheckoutSession {
  id: string;
  /** Where the customer pays. */
  url: string | null;
  state: CheckoutState;
  amount: number;
  currency: string;
  paymentIntentId: string | null;
  /** The saved card, when saveCard was asked for and the customer paid. */
  customerId: string | null;
  paymentMethodId: string | null;
}

export type ProviderRefundState = 'pending' | 'succeeded' | 'failed';

export interface ProviderRefund {
  id: string;
  state: ProviderRefundState;
  amount: number;
  paymentIntentId: string;
  failureMessage: string | null;
}

export interface OffSessionChargeRequest {
  appointmentId: string;
  amount: number;
  currency: string;
  customerId: string;
  paymentMethodId: string;
  description: string;
  idempotencyKey: string;
}

export type OffSessionCharge =
  | { state: 'succeeded'; paymentIntentId: string }
  | { state: 'declined'; paymentIntentId: string | null; message: string };

/** A verified webhook, reduced to what we act on. */
export type ProviderEvent =
  | { id: string; type: string; kind: 'checkout'; checkoutSessionId: string }
  | { id: string; type: string; kind: 'refund'; refund: ProviderRefund }
  | { id: string; type: string; kind: 'other' };

export interface PaymentProvider {
  readonly name: 'stripe' | 'demo';
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  retrieveCheckout(id: string): Promise<CheckoutSession>;
  refund(input: {
    paymentIntentId: string;
    amount: number;
    reason: string;
    idempotencyKey: string;
  }): Promise<ProviderRefund>;
  retrieveRefund(id: string): Promise<ProviderRefund>;
  chargeOffSession(request: OffSessionChargeRequest): Promise<OffSessionCharge>;
  /** Throws WebhookSignatureError when the body was not signed with our secret. */
  verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined): ProviderEvent;
}

/** A webhook whose signature does not verify: answered 400, and nothing changes. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
}
