// SMS through Twilio's Messages API with the official `twilio` client.
//
// Tests (and a staging proxy) reach a different host the way twilio-node documents it: a custom
// `httpClient` — here a RequestClient whose request() swaps the origin of every Twilio URL for
// `baseUrl`, including the next-page URLs the client builds from `next_page_uri`.
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { DAY_MS } from '../../domain/time.js';
import {
  SmsError,
  type OutgoingSms,
  type SentSms,
  type SmsReceipt,
  type SmsSender,
} from './sms-sender.js';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** Our sender: an E.164 number, or a Messaging Service SID ("MG…"). */
  from: string;
  /** Where the API lives; default https://api.twilio.com. */
  baseUrl?: string;
  /** Per request; default 15 s (the client's own default of 30 s holds up the loop). */
  timeoutMs?: number;
}

class RebasingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly base: URL,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    if (!target.hostname.endsWith('.twilio.com')) {
      throw new Error(`Refusing to send a Twilio request to ${target.origin}`);
    }
    const prefix = this.base.pathname.replace(/\/$/, '');
    const uri = `${this.base.origin}${prefix}${target.pathname}${target.search}`;
    return super.request<TData>({ ...opts, uri });
  }
}

/** Network failures that happen before a byte reaches the provider. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

function isRestException(error: unknown): error is InstanceType<typeof twilio.RestException> {
  return error instanceof twilio.RestException;
}

/** Turns what the twilio client throws into an SmsError; anything else (a bug) passes through. */
export function toSmsError(error: unknown): unknown {
  if (isRestException(error)) {
    const { status, code } = error;
    const provider = { code: code ?? null, httpStatus: status };
    const message = `Twilio ${status}${code ? ` (${code})` : ''}: ${error.message}`;
    if (code === 21211 || code === 21614) return new SmsError('invalid_number', message, provider);
    if (code === 21610) return new SmsError('unsubscribed', message, provider);
    if (status === 401 || status === 403 || code === 20003) {
      return new SmsError('auth', message, provider);
    }
    if (status === 429 || code === 20429) return new SmsError('transient', message, provider);
    if (status >= 500) {
      return new SmsError('transient', message, { ...provider, deliveryUnknown: true });
    }
    return new SmsError('permanent', message, provider);
  }
  // axios marks its own errors; the twilio client passes them through unchanged.
  const network = error as { isAxiosError?: boolean; code?: string; message?: string } | null;
  if (network?.isAxiosError) {
    const code = network.code ?? 'ERR_NETWORK';
    return new SmsError(
      'transient',
      `Twilio unreachable: ${code} ${network.message ?? ''}`.trim(),
      {
        deliveryUnknown: !NEVER_CONNECTED.has(code),
      },
    );
  }
  return error;
}

export function createTwilioSmsSender(settings: TwilioSettings): SmsSender {
  const timeoutMs = settings.timeoutMs ?? 15_000;
  const client = twilio(settings.accountSid, settings.authToken, {
    httpClient: new RebasingRequestClient(
      new URL(settings.baseUrl ?? 'https://api.twilio.com'),
      timeoutMs,
    ),
  });
  const viaService = settings.from.startsWith('MG');
  const sender = viaService ? { messagingServiceSid: settings.from } : { from: settings.from };

  return {
    async send({ to, body }: OutgoingSms): Promise<SmsReceipt> {
      try {
        const message = await client.messages.create({ to, body, ...sender });
        return { providerId: message.sid, status: message.status };
      } catch (error) {
        throw toSmsError(error);
      }
    },

    async findSentSince({ to, since }): Promise<SentSms[]> {
      try {
        // Twilio's DateSent filter works on whole UTC days; narrow to the instant here.
        const messages = await client.messages.list({
          to,
          ...(viaService ? {} : { from: settings.from }),
          dateSentAfter: new Date(Math.floor(since / DAY_MS) * DAY_MS),
          limit: 1000,
        });
        return messages
          .map((m) => ({
            providerId: m.sid,
            body: m.body,
            dateCreated: m.dateCreated.getTime(),
            status: m.status,
          }))
          .filter((m) => m.dateCreated >= since)
          .sort((a, b) => b.dateCreated - a.dateCreated);
      } catch (error) {
        throw toSmsError(error);
      }
    },
  };
}
