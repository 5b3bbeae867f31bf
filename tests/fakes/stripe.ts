// A small Stripe on loopback that speaks the documented v1 endpoints BookingSync uses, the way the
// official client sends them: form-encoded POSTs with bracketed keys, JSON resources back, Bearer
// auth with the secret key, and Stripe's error body ({ error: { type, code, message, … } }).
//   POST/GET /v1/checkout/sessions[/{id}], GET/POST /v1/payment_intents[/{id}],
//   POST/GET /v1/refunds[/{id}]
// Like Stripe, a POST repeated with the same Idempotency-Key answers the first response again and
// makes nothing new. The test plays the customer (pay, expire) and the card network (decline),
// and signs webhook events with the test secret as Stripe does (Stripe-Signature, v1 HMAC).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  form: Record<string, string>;
}

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  url: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_total: number;
  currency: string;
  payment_intent: string | null;
  customer: string | null;
  customer_email: string | null;
  client_reference_id: string | null;
  expires_at: number;
  success_url: string;
  cancel_url: string;
  metadata: Record<string, string>;
  /** Not Stripe's: what the create call asked, for assertions. */
  setup_future_usage: string | null;
}

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: 'succeeded' | 'requires_payment_method';
  customer: string | null;
  payment_method: string | null;
  setup_future_usage: string | null;
  off_session: boolean;
  metadata: Record<string, string>;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: 'pending' | 'succeeded' | 'failed';
  failure_reason: string | null;
  metadata: Record<string, string>;
}

export interface StripeFake {
  /** For `new Stripe(key, { host, port, protocol })`. */
  api: { host: string; port: number; protocol: 'http' };
  secretKey: string;
  webhookSecret: string;
  requests: RecordedStripeRequest[];
  sessions: Map<string, FakeSession>;
  paymentIntents: Map<string, FakePaymentIntent>;
  refunds: Map<string, FakeRefund>;
  /** The customer pays on the checkout page. */
  pay(sessionId: string): FakeSession;
  expire(sessionId: string): FakeSession;
  /** Off-session charges are declined from now on (insufficient funds). */
  declineOffSession(decline: boolean): void;
  /** Refunds are created pending (the bank takes its time) until settleRefund. */
  refundsPending(pending: boolean): void;
  settleRefund(id: string, status: 'succeeded' | 'failed'): FakeRefund;
  /** The next n requests fail with a 500 (the client retries with the same key). */
  failNext(n?: number): void;
  /** A webhook event body and its Stripe-Signature header, signed with the webhook secret. */
  event(
    type: string,
    object: object,
    options?: { id?: string; secret?: string },
  ): { id: string; body: string; signature: string };
  close(): Promise<void>;
}

function nestedForm(form: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith(`${prefix}[`) && key.endsWith(']')) {
      out[key.slice(prefix.length + 1, -1)] = value;
    }
  }
  return out;
}

const stripeError = (type: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { type, message, ...extra },
});

export async function startStripeFake(
  options: { secretKey?: string; webhookSecret?: string } = {},
): Promise<StripeFake> {
  const secretKey = options.secretKey ?? 'sk_test_fake_bookingsync';
  const webhookSecret = options.webhookSecret ?? 'whsec_test_bookingsync';
  const signer = new Stripe(secretKey);
  const requests: RecordedStripeRequest[] = [];
  const sessions = new Map<string, FakeSession>();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const refunds = new Map<string, FakeRefund>();
  const idempotent = new Map<string, [number, unknown]>();
  let sequence = 0;
  let declining = false;
  let pendingRefunds = false;
  let failures = 0;
  const nextId = (prefix: string) => `${prefix}_fake${String(++sequence).padStart(6, '0')}`;
  let port = 0;

  function createSession(form: Record<string, string>): [number, unknown] {
    const amount = Number(form['line_items[0][price_data][unit_amount]']);
    const currency = form['line_items[0][price_data][currency]'];
    if (!Number.isInteger(amount) || amount <= 0 || !currency || !form.success_url) {
      return [400, stripeError('invalid_request_error', 'Missing line item or success_url')];
    }
    const id = nextId('cs_test');
    const session: FakeSession = {
      id,
      object: 'checkout.session',
      url: `http://127.0.0.1:${port}/pay/${id}`,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount,
      currency,
      payment_intent: null,
      customer: null,
      customer_email: form.customer_email ?? null,
      client_reference_id: form.client_reference_id ?? null,
      expires_at: Number(form.expires_at ?? 0),
      success_url: form.success_url,
      cancel_url: form.cancel_url ?? '',
      metadata: nestedForm(form, 'metadata'),
      setup_future_usage: form['payment_intent_data[setup_future_usage]'] ?? null,
    };
    sessions.set(id, session);
    return [200, session];
  }

  function createPaymentIntent(form: Record<string, string>): [number, unknown] {
    const amount = Number(form.amount);
    if (!Number.isInteger(amount) || amount <= 0 || !form.currency) {
      return [400, stripeError('invalid_request_error', 'Missing amount or currency')];
    }
    const intent: FakePaymentIntent = {
      id: nextId('pi'),
      object: 'payment_intent',
      amount,
      currency: form.currency,
      status: 'succeeded',
      customer: form.customer ?? null,
      payment_method: form.payment_method ?? null,
      setup_future_usage: null,
      off_session: form.off_session === 'true',
      metadata: nestedForm(form, 'metadata'),
    };
    if (declining && intent.off_session) {
      intent.status = 'requires_payment_method';
      paymentIntents.set(intent.id, intent);
      return [
        402,
        stripeError('card_error', 'Your card has insufficient funds.', {
          code: 'card_declined',
          decline_code: 'insufficient_funds',
          payment_intent: intent,
        }),
      ];
    }
    paymentIntents.set(intent.id, intent);
    return [200, intent];
  }

  function createRefund(form: Record<string, string>): [number, unknown] {
    const intent = paymentIntents.get(form.payment_intent ?? '');
    if (!intent || intent.status !== 'succeeded') {
      return [
        400,
        stripeError('invalid_request_error', 'No such payment_intent', {
          code: 'resource_missing',
        }),
      ];
    }
    const refunded = [...refunds.values()]
      .filter((r) => r.payment_intent === intent.id && r.status !== 'failed')
      .reduce((sum, r) => sum + r.amount, 0);
    const amount = form.amount === undefined ? intent.amount - refunded : Number(form.amount);
    if (amount <= 0 || refunded + amount > intent.amount) {
      return [
        400,
        stripeError('invalid_request_error', 'Refund amount is greater than unrefunded amount', {
          code: 'charge_already_refunded',
        }),
      ];
    }
    const refund: FakeRefund = {
      id: nextId('re'),
      object: 'refund',
      amount,
      currency: intent.currency,
      payment_intent: intent.id,
      status: pendingRefunds ? 'pending' : 'succeeded',
      failure_reason: null,
      metadata: nestedForm(form, 'metadata'),
    };
    refunds.set(refund.id, refund);
    return [200, refund];
  }

  function route(method: string, path: string, form: Record<string, string>): [number, unknown] {
    const found = (value: unknown) =>
      value === undefined
        ? ([
            404,
            stripeError('invalid_request_error', 'No such object', { code: 'resource_missing' }),
          ] as [number, unknown])
        : ([200, value] as [number, unknown]);
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(form);
    if (method === 'GET' && (m = /^\/v1\/checkout\/sessions\/([\w-]+)$/.exec(path))) {
      return found(sessions.get(m[1] ?? ''));
    }
    if (method === 'GET' && path === '/v1/checkout/sessions') {
      return [200, { object: 'list', data: [...sessions.values()].reverse(), has_more: false }];
    }
    if (method === 'POST' && path === '/v1/payment_intents') return createPaymentIntent(form);
    if (method === 'GET' && (m = /^\/v1\/payment_intents\/([\w-]+)$/.exec(path))) {
      return found(paymentIntents.get(m[1] ?? ''));
    }
    if (method === 'POST' && path === '/v1/refunds') return createRefund(form);
    if (method === 'GET' && (m = /^\/v1\/refunds\/([\w-]+)$/.exec(path))) {
      return found(refunds.get(m[1] ?? ''));
    }
    if (method === 'GET' && path === '/v1/refunds') {
      return [200, { object: 'list', data: [...refunds.values()].reverse(), has_more: false }];
    }
    return [
      404,
      stripeError('invalid_request_error', `Unrecognized request URL (${method}: ${path})`),
    ];
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = Buffer.concat(chunks).toString('utf8');
    const form = Object.fromEntries(
      new URLSearchParams(req.method === 'GET' ? url.search : raw).entries(),
    );
    const keyHeader = req.headers['idempotency-key'];
    const idempotencyKey = typeof keyHeader === 'string' ? keyHeader : null;
    requests.push({ method: req.method ?? '', path: url.pathname, idempotencyKey, form });
    const send = ([status, body]: [number, unknown]) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': nextId('req') });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return send([401, stripeError('invalid_request_error', 'Invalid API Key provided')]);
    }
    if (failures > 0) {
      failures--;
      return send([500, stripeError('api_error', 'Something went wrong on the fake')]);
    }
    if (req.method === 'POST' && idempotencyKey) {
      const earlier = idempotent.get(idempotencyKey);
      if (earlier) return send(earlier);
      const answer = route(req.method, url.pathname, form);
      if (answer[0] < 500) idempotent.set(idempotencyKey, answer);
      return send(answer);
    }
    return send(route(req.method ?? 'GET', url.pathname, form));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  function session(id: string): FakeSession {
    const found = sessions.get(id);
    if (!found) throw new Error(`The fake has no session ${id}`);
    return found;
  }

  return {
    api: { host: '127.0.0.1', port, protocol: 'http' },
    secretKey,
    webhookSecret,
    requests,
    sessions,
    paymentIntents,
    refunds,
    pay(id) {
      const s = session(id);
      if (s.status !== 'open') throw new Error(`Session ${id} is ${s.status}`);
      const saves = s.setup_future_usage === 'off_session';
      const intent: FakePaymentIntent = {
        id: nextId('pi'),
        object: 'payment_intent',
        amount: s.amount_total,
        currency: s.currency,
        status: 'succeeded',
        customer: saves ? nextId('cus') : null,
        payment_method: nextId('pm'),
        setup_future_usage: s.setup_future_usage,
        off_session: false,
        metadata: s.metadata,
      };
      paymentIntents.set(intent.id, intent);
      Object.assign(s, {
        status: 'complete',
        payment_status: 'paid',
        payment_intent: intent.id,
        customer: intent.customer,
      });
      return s;
    },
    expire(id) {
      const s = session(id);
      if (s.status === 'open') s.status = 'expired';
      return s;
    },
    declineOffSession(decline) {
      declining = decline;
    },
    refundsPending(pending) {
      pendingRefunds = pending;
    },
    settleRefund(id, status) {
      const refund = refunds.get(id);
      if (!refund) throw new Error(`The fake has no refund ${id}`);
      refund.status = status;
      if (status === 'failed') refund.failure_reason = 'expired_or_canceled_card';
      return refund;
    },
    failNext(n = 1) {
      failures = n;
    },
    event(type, object, eventOptions = {}) {
      const id = eventOptions.id ?? nextId('evt');
      const body = JSON.stringify({
        id,
        object: 'event',
        api_version: '2026-10-28.endive',
        created: Math.floor(Date.now() / 1000),
        type,
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        data: { object },
      });
      const signature = signer.webhooks.generateTestHeaderString({
        payload: body,
        secret: eventOptions.secret ?? webhookSecret,
      });
      return { id, body, signature };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
