// The email capability: what the reminder loop needs from a mail server, and how failures are
// told apart.
import { IntegrationError } from '../../core/errors.js';

/** An iCalendar invitation sent with the message (see calendar.ts). */
export interface CalendarAttachment {
  method: 'REQUEST' | 'CANCEL';
  /** The VCALENDAR text. */
  content: string;
  filename: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * "<id@domain>", the same on every attempt for one outbox row (stableMessageId): a retry after
   * an unknown outcome then repeats the same message, which receiving servers and clients can
   * recognise, rather than a new one.
   */
  messageId: string;
  icalEvent?: CalendarAttachment;
}

export interface EmailReceipt {
  providerId: string;
  /** The server's last reply ("250 OK …") or "demo". */
  status: string;
}

export interface EmailSender {
  send(email: OutgoingEmail): Promise<EmailReceipt>;
  /** Closes pooled connections; calling it twice is harmless. */
  close(): void;
}

/**
 * - invalid_address: the server refused the recipient — fail for good, flag the customer;
 * - auth: our SMTP login is wrong — nothing will send until the desk fixes the settings;
 * - transient: a 4xx reply, a timeout, a dropped connection — retry with backoff;
 * - permanent: any other 5xx refusal.
 */
export type EmailFailureKind = 'invalid_address' | 'auth' | 'transient' | 'permanent';

export class EmailError extends IntegrationError {
  constructor(
    readonly kind: EmailFailureKind,
    message: string,
    readonly server: {
      responseCode?: number | null;
      /** True when the server may have accepted the message before the failure. */
      deliveryUnknown?: boolean;
    } = {},
  ) {
    super(message, { kind, responseCode: server.responseCode ?? null });
    // IntegrationError types `name` as its own literal; logs should still say what failed.
    Object.defineProperty(this, 'name', { value: 'EmailError' });
  }

  get retryable(): boolean {
    return this.kind === 'transient';
  }

  get deliveryUnknown(): boolean {
    return this.server.deliveryUnknown ?? false;
  }
}

/** The domain of an address, "Studio <a@b.example>" → "b.example"; "bookingsync" when none. */
function domainOf(address: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return match?.[1]?.toLowerCase() ?? 'bookingsync';
}

/** A Message-ID from the outbox row's id and our sending domain, stable across retries. */
export function stableMessageId(outboxId: string, fromAddress: string): string {
  const local = outboxId.replace(/[^A-Za-z0-9._-]/g, '.');
  return `<${local}@${domainOf(fromAddress)}>`;
}
