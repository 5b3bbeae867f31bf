// The reminder loop's SMS and email senders, chosen from the connection settings: Twilio and the
// business's SMTP server when their credentials are saved, demo senders (the outbox records,
// nothing leaves) otherwise. The loop holds one pair of stable objects that delegate to the
// current provider, so a change of settings takes effect on the next message without rebuilding
// the loop: rebuild() swaps the providers and closes the old SMTP pool.
import { createDemoEmailSender } from './email/demo.js';
import type { EmailSender } from './email/email-sender.js';
import type { SmtpSettings } from './email/smtp.js';
import { createDemoSmsSender } from './sms/demo.js';
import type { SmsSender } from './sms/sms-sender.js';
import type { TwilioSettings } from './sms/twilio.js';
import {
  smtpCredentialsOf,
  twilioCredentialsOf,
  type ConnectionRow,
} from '../connections/index.js';

// The twilio and nodemailer packages are loaded on first use: importing twilio alone costs about
// a second, which every start (and every demo, which never texts anyone) would otherwise pay.

function lazyTwilio(settings: TwilioSettings): SmsSender {
  let loaded: Promise<SmsSender> | undefined;
  const sender = () =>
    (loaded ??= import('./sms/twilio.js').then((m) => m.createTwilioSmsSender(settings)));
  return {
    send: async (message) => (await sender()).send(message),
    findSentSince: async (query) => (await sender()).findSentSince(query),
  };
}

function lazySmtp(settings: SmtpSettings): EmailSender {
  let loaded: Promise<EmailSender> | undefined;
  let closed = false;
  const sender = () =>
    (loaded ??= import('./email/smtp.js').then((m) => m.createSmtpEmailSender(settings)));
  return {
    send: async (email) => (await sender()).send(email),
    close() {
      if (closed) return;
      closed = true;
      void loaded?.then((s) => s.close());
    },
  };
}

export interface LiveSendersOptions {
  /** Where the Twilio API lives (tests point it at the fake); default api.twilio.com. */
  twilioBaseUrl?: string;
}

export interface LiveSenders {
  sms: SmsSender;
  email: EmailSender;
  /** The sending address now in use ('' in demo mode). */
  emailFrom(): string;
  /** Which provider each channel uses now. */
  modes(): { sms: 'twilio' | 'demo'; email: 'smtp' | 'demo' };
  /** Rebuilds from the settings row; returns the channels whose provider changed. */
  rebuild(row: ConnectionRow | undefined): ('sms' | 'email')[];
  /** Closes the current SMTP pool; calling it twice is harmless. */
  close(): void;
}

export function createLiveSenders(
  row: ConnectionRow | undefined,
  options: LiveSendersOptions = {},
): LiveSenders {
  let sms: SmsSender = createDemoSmsSender();
  let email: EmailSender = createDemoEmailSender();
  let smsKey = 'demo';
  let emailKey = 'demo';
  let from = '';
  let closed = false;

  function rebuild(next: ConnectionRow | undefined): ('sms' | 'email')[] {
    const changed: ('sms' | 'email')[] = [];
    const twilio = twilioCredentialsOf(next);
    const newSmsKey = twilio ? JSON.stringify(twilio) : 'demo';
    if (newSmsKey !== smsKey) {
      sms = twilio
        ? lazyTwilio({
            accountSid: twilio.accountSid,
            authToken: twilio.authToken,
            from: twilio.from,
            ...(options.twilioBaseUrl ? { baseUrl: options.twilioBaseUrl } : {}),
          })
        : createDemoSmsSender();
      smsKey = newSmsKey;
      changed.push('sms');
    }
    const smtp = smtpCredentialsOf(next);
    const newEmailKey = smtp ? JSON.stringify(smtp) : 'demo';
    if (newEmailKey !== emailKey) {
      const old = email;
      email = smtp
        ? lazySmtp({
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure,
            ...(smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : {}),
            from: smtp.from,
          })
        : createDemoEmailSender();
      from = smtp?.from ?? '';
      emailKey = newEmailKey;
      // A message in flight on the old pool may fail with it: it is retried on the new one, with
      // the same Message-ID (dispatch.ts).
      old.close();
      changed.push('email');
    }
    return changed;
  }

  rebuild(row);
  return {
    sms: {
      send: (message) => sms.send(message),
      findSentSince: (query) => sms.findSentSince(query),
    },
    email: {
      send: (message) => email.send(message),
      close: () => {
        // The loop's own close() is the app's, below: one owner for the pool.
      },
    },
    emailFrom: () => from,
    modes: () => ({
      sms: smsKey === 'demo' ? 'demo' : 'twilio',
      email: emailKey === 'demo' ? 'demo' : 'smtp',
    }),
    rebuild: (next) => (closed ? [] : rebuild(next)),
    close() {
      if (closed) return;
      closed = true;
      email.close();
    },
  };
}
