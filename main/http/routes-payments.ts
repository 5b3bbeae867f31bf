// Payments on the public listener: Stripe's webhook, the pages a customer returns to after
// checkout, and demo mode's fake checkout page. None of these is a widget route: no CORS, and the
// webhook does not count against the booking write limit (Stripe retries in bursts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { App } from '../app.js';
import { formatMoney } from '../domain/payment-policy.js';
import { hashManageToken } from '../appointments/index.js';
import { appointmentUid } from '../integrations/email/calendar.js';
import { WebhookSignatureError } from '../integrations/payments/payment-provider.js';
import type { CheckoutOutcome } from '../payments/index.js';
import {
  STRIPE_SIGNATURE_HEADER,
  stripeWebhook,
  type StripeWebhookAnswer,
} from './webhook-stripe.js';

/** Checkout Session ids as Stripe and the demo provider make them. */
// Stripe's ids are letters, digits and underscores; the demo provider's carry our own random ids,
// which are base64url and so may hold '-' as well.
const SESSION_ID = /^cs_[A-Za-z0-9_-]{1,200}$/;

/** Whether a returned session_id is worth looking up (anything else is answered "unknown"). */
export function isCheckoutSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}

const pageCsp = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function sendPage(reply: FastifyReply, status: number, title: string, body: string) {
  return reply
    .status(status)
    .header('content-security-policy', pageCsp)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta name="robots" content="noindex"><title>${escape(title)}</title>` +
        `<style>body{margin:0;background:#f3f4f6;font-family:system-ui,sans-serif}` +
        `main{max-width:480px;margin:40px auto;padding:24px;background:#fff;border-radius:12px}` +
        `button{font:inherit;padding:10px 18px;border-radius:8px;border:1px solid #3b5bdb;margin-right:8px}` +
        `.pay{background:#3b5bdb;color:#fff}</style></head>` +
        `<body><main>${body}</main></body></html>`,
    );
}

const outcomeWords: Record<CheckoutOutcome, { state: string; title: string; text: string }> = {
  confirmed: {
    state: 'confirmed',
    title: 'Booking confirmed',
    text: 'Thank you: your deposit is paid and your booking is confirmed.',
  },
  already_applied: {
    state: 'confirmed',
    title: 'Booking confirmed',
    text: 'Thank you: your deposit is paid and your booking is confirmed.',
  },
  open: {
    state: 'processing',
    title: 'Payment processing',
    text: 'We have not received your payment yet. This page will say so once we do; you will also get a confirmation.',
  },
  refunded_slot_taken: {
    state: 'refunded',
    title: 'Payment refunded',
    text: 'Sorry: your payment arrived after the hold on the time ran out and someone else booked it. We have refunded your payment in full.',
  },
  refunded_booking_gone: {
    state: 'refunded',
    title: 'Payment refunded',
    text: 'This booking is no longer active, so we have refunded your payment in full.',
  },
  refunded_paid_in_person: {
    state: 'refunded',
    title: 'Payment refunded',
    text: 'Your booking is confirmed: the deposit was already paid at the desk, so we have refunded this payment in full.',
  },
  expired: {
    state: 'expired',
    title: 'Checkout expired',
    text: 'This checkout expired before it was paid. Please book again.',
  },
  unknown: { state: 'unknown', title: 'Unknown checkout', text: 'We do not know this checkout.' },
};

export function paymentRoutes(server: FastifyInstance, app: App): void {
  const { payments, paymentRuntime, bookings, settings, catalog } = app.services;

  // Stripe signs the exact bytes it sent: the body must reach the check unparsed, so this scope
  // keeps JSON as a Buffer (the rest of the listener still parses JSON as usual).
  void server.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
      done(null, body);
    });
    scope.post(stripeWebhook.path, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers[STRIPE_SIGNATURE_HEADER.toLowerCase()];
      try {
        const result = await payments.handleWebhook(
          raw,
          typeof signature === 'string' ? signature : undefined,
        );
        const answer: StripeWebhookAnswer = { received: true, duplicate: result.duplicate };
        return reply.status(200).send(answer);
      } catch (error) {
        if (error instanceof WebhookSignatureError) {
          return reply.status(400).send({
            error: {
              code: 'VALIDATION',
              message: 'The webhook signature does not verify',
              details: {},
            },
          });
        }
        throw error;
      }
    });
  });

  /** "Monday 7 December 2026 at 10:00", in the business's zone and its country's English. */
  function inWords(ms: number): string {
    const { timeZone, country } = settings.get();
    const part = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(`en-${country}`, { timeZone, ...options }).format(ms);
    return `${part({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).replace(',', '')} at ${part({ hour: 'numeric', minute: '2-digit' })}`;
  }

  /** One event with the booking emails' UID, so adding it twice updates rather than duplicates. */
  function icsHref(a: ReturnType<typeof bookings.row>, title: string): string {
    const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const text = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`);
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//BookingSync//BookingSync//EN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      `UID:${appointmentUid(a.id)}`,
      `DTSTAMP:${utc(Date.now())}`,
      `DTSTART:${utc(a.startAt)}`,
      `DTEND:${utc(a.endAt)}`,
      `SUMMARY:${text(title)}`,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
  }

  /**
   * The booking in words, and what the customer needs next: the manage link (only when the
   * returned token really is this booking's), the calendar file and the way back.
   */
  function bookingSummary(appointmentId: string, manageToken: string | undefined): string {
    const a = bookings.row(appointmentId);
    const business = settings.get().name;
    const service = catalog.serviceRow(a.serviceId).name;
    const title = `${service} at ${business}`;
    const tokenFits =
      manageToken !== undefined &&
      /^[A-Za-z0-9_-]{16,128}$/.test(manageToken) &&
      a.manageTokenHash === hashManageToken(manageToken);
    return (
      `<p><strong>${escape(service)}</strong> with ${escape(catalog.staffRow(a.staffId).name)}</p>` +
      `<p data-testid="result-when" style="font-size:1.15rem">${escape(inWords(a.startAt))}</p>` +
      `<p><a data-testid="result-ics" download="appointment.ics" href="${escape(icsHref(a, title))}">Add to calendar</a></p>` +
      (tokenFits
        ? `<p><a data-testid="result-manage" href="/book/manage/${escape(manageToken)}">Change or cancel this booking</a></p>`
        : '') +
      `<p><a data-testid="result-back" href="/book">Back to ${escape(business)}</a></p>`
    );
  }

  /** Where Checkout sends the customer back: applies the session now rather than await the webhook. */
  server.get<{ Querystring: { session_id?: string; booking?: string } }>(
    '/pay/done',
    async (request, reply) => {
      const sessionId = request.query.session_id ?? '';
      if (!isCheckoutSessionId(sessionId)) {
        return sendPage(reply, 404, 'Unknown checkout', '<h1>Unknown checkout</h1>');
      }
      let outcome: CheckoutOutcome;
      try {
        outcome = await payments.applyCheckout(sessionId);
      } catch (error) {
        paymentRuntime.log('applying a returned checkout failed', error);
        outcome = 'open';
      }
      const words = outcomeWords[outcome];
      const row = payments.paymentForSession(sessionId);
      return sendPage(
        reply,
        outcome === 'unknown' ? 404 : 200,
        words.title,
        `<h1 data-testid="payment-result" data-state="${words.state}">${words.title}</h1>` +
          `<p>${escape(words.text)}</p>` +
          (words.state === 'refunded' || words.state === 'expired'
            ? `<p><a href="/book">Pick another time</a></p>`
            : row
              ? bookingSummary(row.appointmentId, request.query.booking)
              : ''),
      );
    },
  );

  server.get('/pay/cancelled', async (_request, reply) =>
    sendPage(
      reply,
      200,
      'Payment not completed',
      `<h1 data-testid="payment-result" data-state="cancelled">Payment not completed</h1>` +
        `<p>Your booking is not confirmed until the deposit is paid. The time stays held for a short while; ` +
        `after that it may be booked by someone else.</p><p><a href="/book">Start again</a></p>`,
    ),
  );

  // ── demo mode's checkout ──────────────────────────────────────────────────

  server.get<{ Params: { session: string } }>('/pay/demo/:session', async (request, reply) => {
    const session = paymentRuntime.demo.session(request.params.session);
    if (!session) return sendPage(reply, 404, 'Unknown checkout', '<h1>Unknown checkout</h1>');
    const id = escape(session.id);
    return sendPage(
      reply,
      200,
      'Demo checkout',
      `<h1>Demo checkout</h1><p>No card is charged: this is BookingSync's demo payment page.</p>` +
        `<p>${escape(session.description)}: <strong data-testid="demo-amount">` +
        `${escape(formatMoney(session.amount, session.currency))}</strong></p>` +
        (session.state === 'open'
          ? `<form method="post" action="/pay/demo/${id}/pay" style="display:inline">` +
            `<button class="pay" type="submit" data-testid="demo-pay">Pay</button></form>` +
            `<form method="post" action="/pay/demo/${id}/cancel" style="display:inline">` +
            `<button type="submit" data-testid="demo-cancel">Cancel</button></form>`
          : `<p data-testid="demo-state">This checkout is ${escape(session.state)}.</p>`),
    );
  });

  // The fake checkout's buttons post empty forms; their bodies carry nothing to parse.
  void server.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, _body, done) => done(null, {}),
    );
    demoActions(scope);
  });

  function demoActions(scope: FastifyInstance): void {
    scope.post<{ Params: { session: string } }>(
      '/pay/demo/:session/pay',
      async (request, reply) => {
        const session = paymentRuntime.demo.session(request.params.session);
        if (!session) return sendPage(reply, 404, 'Unknown checkout', '<h1>Unknown checkout</h1>');
        paymentRuntime.demo.pay(session.id);
        await payments.applyCheckout(session.id);
        return reply.redirect(session.successUrl.replace('{CHECKOUT_SESSION_ID}', session.id), 303);
      },
    );

    scope.post<{ Params: { session: string } }>(
      '/pay/demo/:session/cancel',
      async (request, reply) => {
        const session = paymentRuntime.demo.session(request.params.session);
        if (!session) return sendPage(reply, 404, 'Unknown checkout', '<h1>Unknown checkout</h1>');
        return reply.redirect(session.cancelUrl, 303);
      },
    );
  }
}
