// Email through the business's own SMTP server with nodemailer.
import nodemailer from 'nodemailer';
import {
  EmailError,
  type EmailReceipt,
  type EmailSender,
  type OutgoingEmail,
} from './email-sender.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send without STARTTLS on a non-secure port. */
  requireTls?: boolean;
  user?: string;
  pass?: string;
  /** '"Studio North" <bookings@studio.example>' */
  from: string;
  /** Per connection stage; nodemailer's defaults (up to 10 min) would stall the loop. */
  timeoutMs?: number;
}

/** Failures before the server could have seen the message: by error code, or by the command. */
const BEFORE_MESSAGE = new Set(['ECONNECTION', 'EDNS', 'ETLS', 'EAUTH', 'EENVELOPE']);
const BEFORE_DATA = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH\b.*|MAIL FROM|RCPT TO)$/;

interface NodemailerError {
  code?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/** Turns what nodemailer throws into an EmailError; anything else (a bug) passes through. */
export function toEmailError(error: unknown): unknown {
  const e = error as NodemailerError | null;
  if (!e || (typeof e.code !== 'string' && typeof e.responseCode !== 'number')) return error;
  const responseCode = e.responseCode ?? null;
  const message = `SMTP ${responseCode ?? e.code}: ${e.message ?? ''}`.trim();
  const server = { responseCode };
  if (e.code === 'EAUTH' || responseCode === 530 || responseCode === 535) {
    return new EmailError('auth', message, server);
  }
  if (responseCode !== null && responseCode >= 400 && responseCode < 500) {
    return new EmailError('transient', message, server);
  }
  if (e.code === 'EENVELOPE' || (e.command === 'RCPT TO' && responseCode !== null)) {
    return new EmailError('invalid_address', message, server);
  }
  if (responseCode !== null && responseCode >= 500) {
    return new EmailError('permanent', message, server);
  }
  return new EmailError('transient', message, {
    ...server,
    deliveryUnknown: !BEFORE_MESSAGE.has(e.code ?? '') && !BEFORE_DATA.test(e.command ?? ''),
  });
}

export function createSmtpEmailSender(settings: SmtpSettings): EmailSender {
  const timeout = settings.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTls ?? false,
    auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
    // A batch of reminders shares a few connections instead of a handshake per message.
    pool: true,
    maxConnections: 3,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
  });
  let closed = false;

  return {
    async send(email: OutgoingEmail): Promise<EmailReceipt> {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
          ...(email.icalEvent
            ? {
                icalEvent: {
                  method: email.icalEvent.method,
                  content: email.icalEvent.content,
                  filename: email.icalEvent.filename,
                },
              }
            : {}),
        });
        if (info.rejected.length > 0) {
          throw new EmailError('invalid_address', `SMTP refused ${email.to}: ${info.response}`);
        }
        return { providerId: info.messageId, status: info.response };
      } catch (error) {
        throw toEmailError(error);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      transport.close();
    },
  };
}
