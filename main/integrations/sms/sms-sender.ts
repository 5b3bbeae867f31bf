// The SMS capability: what the reminder loop needs from a provider, and how a failure is told
// apart — retry it, give up on it, or change the customer's record because of it.
import { IntegrationError } from '../../core/errors.js';

export interface OutgoingSms {
  /** E.164. */
  to: string;
  body: string;
  /**
   * The outbox row's key. Twilio's Messages API has no idempotency parameter, so "never twice"
   * rests on the loop (record the attempt first, ask findSentSince after a crash); the key still
   * names the attempt in logs and gives demo messages a stable id.
   */
  idempotencyKey: string;
}

export interface SmsReceipt {
  providerId: string;
  /** The provider's word for it: "queued", "sent", … or "demo". */
  status: string;
}

export interface SentSms {
  providerId: string;
  body: string;
  dateCreated: number;
  status: string;
}

export interface SmsSender {
  send(message: OutgoingSms): Promise<SmsReceipt>;
  /**
   * Messages to `to` created at or after `since` (UTC ms), newest first: after a crash between
   * "attempt recorded" and "result recorded", the loop asks this whether the SMS went out.
   * Pass `since` a few minutes early: the provider's clock is not ours.
   */
  findSentSince(query: { to: string; since: number }): Promise<SentSms[]>;
}

/**
 * - invalid_number: the number can never receive SMS — fail the row for good, flag the customer;
 * - unsubscribed: the customer texted STOP to our number — fail for good, turn SMS consent off;
 * - auth: our credentials are wrong — nothing will send until the desk fixes the settings;
 * - transient: rate limit, provider outage, network — retry with backoff;
 * - permanent: any other refusal — fail the row, show the provider's message.
 */
export type SmsFailureKind = 'invalid_number' | 'unsubscribed' | 'auth' | 'transient' | 'permanent';

export class SmsError extends IntegrationError {
  constructor(
    readonly kind: SmsFailureKind,
    message: string,
    readonly provider: {
      /** Twilio's error code (21211, 21610, 20429, …) when it sent one. */
      code?: number | null;
      httpStatus?: number | null;
      /**
       * True when the request may have reached the provider before it failed (a timeout, a
       * dropped connection, a 5xx): ask findSentSince before retrying, or risk sending twice.
       */
      deliveryUnknown?: boolean;
    } = {},
  ) {
    super(message, {
      kind,
      providerCode: provider.code ?? null,
      httpStatus: provider.httpStatus ?? null,
    });
    // IntegrationError types `name` as its own literal; logs should still say what failed.
    Object.defineProperty(this, 'name', { value: 'SmsError' });
  }

  get retryable(): boolean {
    return this.kind === 'transient';
  }

  get deliveryUnknown(): boolean {
    return this.provider.deliveryUnknown ?? false;
  }
}

/** Roughly E.164: what a normalised number looks like (libphonenumber-js does the real check). */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
