// A small Twilio on loopback that speaks the documented Messages API (2010-04-01): form-encoded
// POST to create, JSON message resources back, the list with To/From/DateSent filters and
// Page/PageSize paging, Twilio's error body ({ code, message, more_info, status }) and HTTP Basic
// auth with the account SID and auth token. Messages are "delivered" the moment they are
// created: the create answer says "queued" as Twilio's does, the list shows them "sent".
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TwilioFakeOptions {
  accountSid?: string;
  authToken?: string;
  /** The fake's clock for date_created; defaults to the real one. */
  now?: () => number;
  /** Largest page the fake serves, whatever the client asks (Twilio's is 1000). */
  maxPageSize?: number;
}

export interface RecordedTwilioRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
  authorized: boolean;
}

export interface FakeSms {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  dateCreated: number;
}

/** What the next request should meet instead of an answer. */
export type TwilioFailure = { status: number; code?: number; message?: string } | 'drop-connection';

export interface TwilioFake {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  requests: RecordedTwilioRequest[];
  messages: FakeSms[];
  failNext(failure: TwilioFailure): void;
  /** The number has texted STOP: sending to it fails with 21610, as on Twilio. */
  unsubscribe(number: string): void;
  close(): Promise<void>;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const API = '/2010-04-01';

/** Twilio's RFC 2822 dates: "Tue, 01 Dec 2026 09:00:00 +0000". */
const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

function errorBody(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** DateSent filters take a day (YYYY-MM-DD) or an instant. */
function parseDateFilter(value: string, endOfDay: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return Date.parse(`${value}T00:00:00Z`) + (endOfDay ? 86_400_000 - 1 : 0);
  }
  return Date.parse(value);
}

export async function startTwilioFake(options: TwilioFakeOptions = {}): Promise<TwilioFake> {
  const accountSid = options.accountSid ?? 'AC00000000000000000000000000000001';
  const authToken = options.authToken ?? 'test-auth-token';
  const now = options.now ?? Date.now;
  const requests: RecordedTwilioRequest[] = [];
  const messages: FakeSms[] = [];
  const failures: TwilioFailure[] = [];
  const unsubscribed = new Set<string>();
  const messagesPath = `${API}/Accounts/${accountSid}/Messages.json`;

  function resource(m: FakeSms, listed: boolean) {
    return {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body: m.body,
      date_created: rfc2822(m.dateCreated),
      date_sent: listed ? rfc2822(m.dateCreated) : null,
      date_updated: rfc2822(m.dateCreated),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid: m.sid,
      status: listed ? 'sent' : 'queued',
      subresource_uris: { media: `${API}/Accounts/${accountSid}/Messages/${m.sid}/Media.json` },
      to: m.to,
      uri: `${API}/Accounts/${accountSid}/Messages/${m.sid}.json`,
    };
  }

  function create(form: Record<string, string>): [number, unknown] {
    const { To: to, Body: body, From: from, MessagingServiceSid: service } = form;
    if (!to) return [400, errorBody(400, 21604, "A 'To' phone number is required.")];
    if (!body) return [400, errorBody(400, 21602, 'Message body is required.')];
    if (!from && !service) {
      return [
        400,
        errorBody(400, 21603, "The source 'from' phone number is required to send an SMS"),
      ];
    }
    if (!E164.test(to)) {
      return [400, errorBody(400, 21211, `The 'To' number ${to} is not a valid phone number.`)];
    }
    if (unsubscribed.has(to)) {
      return [400, errorBody(400, 21610, 'Attempt to send to unsubscribed recipient')];
    }
    const sid = `SM${(messages.length + 1).toString(16).padStart(32, '0')}`;
    const message: FakeSms = {
      sid,
      to,
      from: from ?? null,
      messagingServiceSid: service ?? null,
      body,
      dateCreated: now(),
    };
    messages.push(message);
    return [201, resource(message, false)];
  }

  function list(query: Record<string, string>): [number, unknown] {
    const after = query['DateSent>'];
    const before = query['DateSent<'];
    const on = query['DateSent'];
    const matching = messages
      .filter((m) => !query.To || m.to === query.To)
      .filter((m) => !query.From || m.from === query.From)
      .filter((m) => !after || m.dateCreated >= parseDateFilter(after, false))
      .filter((m) => !before || m.dateCreated <= parseDateFilter(before, true))
      .filter(
        (m) =>
          !on ||
          (m.dateCreated >= parseDateFilter(on, false) &&
            m.dateCreated <= parseDateFilter(on, true)),
      )
      .sort((a, b) => b.dateCreated - a.dateCreated);
    const pageSize = Math.min(Number(query.PageSize ?? 50), options.maxPageSize ?? 1000);
    const page = Number(query.Page ?? 0);
    const start = page * pageSize;
    const slice = matching.slice(start, start + pageSize);
    const uriFor = (p: number) => {
      const params = new URLSearchParams({ ...query, PageSize: String(pageSize), Page: String(p) });
      return `${messagesPath}?${params.toString()}`;
    };
    return [
      200,
      {
        messages: slice.map((m) => resource(m, true)),
        page,
        page_size: pageSize,
        start,
        end: start + Math.max(slice.length - 1, 0),
        uri: uriFor(page),
        first_page_uri: uriFor(0),
        previous_page_uri: page > 0 ? uriFor(page - 1) : null,
        next_page_uri: start + pageSize < matching.length ? uriFor(page + 1) : null,
      },
    ];
  }

  function isAuthorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return false;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    return decoded === `${accountSid}:${authToken}`;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const recorded: RecordedTwilioRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      authorized: isAuthorized(req),
    };
    requests.push(recorded);
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };

    const failure = failures.shift();
    if (failure === 'drop-connection') {
      req.socket.destroy();
      return;
    }
    if (failure) {
      const code = failure.code ?? (failure.status === 429 ? 20429 : 20500);
      return answer(failure.status, errorBody(failure.status, code, failure.message ?? 'Injected'));
    }
    if (!recorded.authorized) return answer(401, errorBody(401, 20003, 'Authenticate'));
    if (url.pathname === messagesPath && req.method === 'POST')
      return answer(...create(recorded.form));
    if (url.pathname === messagesPath && req.method === 'GET')
      return answer(...list(recorded.query));
    return answer(
      404,
      errorBody(404, 20404, `The requested resource ${url.pathname} was not found`),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(errorBody(500, 20500, String(error))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | null = null;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    requests,
    messages,
    failNext: (failure) => void failures.push(failure),
    unsubscribe: (number) => void unsubscribed.add(number),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
