// The public listener: what the internet may see. Liveness, the widget's booking routes, the
// seed's customer API behind an admin key, and the reference at /docs. Query and body fields are
// snake_case (DESIGN.md §5); the routes themselves are described in routes-*.ts.
import proxyAddr from '@fastify/proxy-addr';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ErrorBody } from '../../preload/contract/index.js';
import type { App } from '../app.js';
import type { AppError } from '../core/errors.js';
import { docsRoutes } from './docs-page.js';
import { clientErrorReply, frameworkErrorReply, installErrorHandler } from './errors.js';
import {
  createGuards,
  defaultBookingWriteLimit,
  installHardening,
  slowClientTimeouts,
  type RateLimit,
} from './hardening.js';
import { openApiDocument } from './openapi.js';
import { ClientInputError, mount, type RouteDoc } from './route-spec.js';
import { bookingRoutes } from './routes-bookings.js';
import { catalogRoutes } from './routes-catalog.js';
import { customerRoutes } from './routes-customers.js';
import { paymentRoutes } from './routes-payments.js';
import { widgetRoutes } from './routes-widget.js';
import { stripeWebhook } from './webhook-stripe.js';
import { twilioSmsWebhook, twilioWebhookRoute } from './webhook-twilio.js';

export interface PublicApiOptions {
  log: (message: string, error?: unknown) => void;
  /** Booking writes (POST/PATCH/DELETE /api/bookings…) allowed per client; default 30 a minute. */
  bookingWriteLimit?: RateLimit;
  /**
   * Reverse proxies / tunnels in front of this listener (addresses or CIDR ranges). A request
   * from one of them is counted under the client its X-Forwarded-For names; from anyone else the
   * header is ignored, so a customer cannot pick the address their rate limit is kept under.
   */
  trustProxy?: readonly string[];
  /**
   * One line per request (method, route pattern, status, time) through `log`: `true` for every
   * request, `'failures'` only for those the listener failed (5xx), so a quiet log still shows
   * when something is wrong.
   */
  logRequests?: boolean | 'failures';
  /** Time a client has to send its whole request before a 408; default 30 s (tests: less). */
  requestTimeoutMs?: number;
}

/**
 * The services name fields as the desk spells them (serviceId); this listener's clients sent
 * snake_case (service_id). Errors from parsing the request already use the client's names.
 */
const fieldNames: Record<string, string> = { idempotencyKey: 'Idempotency-Key' };

function snake(name: string): string {
  return (
    fieldNames[name] ??
    name
      .split('.')
      .map((part) =>
        /^[a-z][A-Za-z0-9]*$/.test(part)
          ? part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
          : part,
      )
      .join('.')
  );
}

export function presentPublicError(error: AppError): ErrorBody {
  const body = error.toBody();
  if (error instanceof ClientInputError || !body.details) return body;
  const details = Object.fromEntries(
    Object.entries(body.details).map(([key, value]) => {
      if (key === 'field' && typeof value === 'string') return [key, snake(value)];
      if (key === 'fields' && Array.isArray(value)) {
        return [
          key,
          value.map((issue: { field: string; message: string }) => ({
            ...issue,
            field: snake(issue.field),
          })),
        ];
      }
      return [snake(key), value];
    }),
  );
  const message = body.message.replace(/\b(serviceId|staffId|idempotencyKey)\b/g, snake);
  return { ...body, message, details };
}

/** Liveness, for a monitor or the proxy in front; documented like the routes it sits beside. */
const healthz: RouteDoc = {
  operationId: 'healthz',
  method: 'GET',
  path: '/healthz',
  tag: 'Service',
  summary: 'Liveness: the listener answers',
  access: { cors: false, adminKey: false, bookingWrite: false },
  responses: { 200: { description: 'Up', schema: z.object({ ok: z.literal(true) }) } },
};

export function createPublicApi(app: App, options: PublicApiOptions): FastifyInstance {
  // The --trust-proxy flag's proxies and those saved at the desk (Settings → Connections), the
  // latter followed as soon as they are saved: no restart, which the desk app has no way to ask.
  // A saved list that cannot apply is left out and logged rather than thrown: a stored setting
  // must never stop the listener from starting (the desk shows the warning, see connections.get).
  const trustedNow = () => {
    const connections = app.services.connections;
    const problem = connections.trustedProxiesProblem();
    if (problem) options.log(`Settings → Connections: saved trusted proxies ignored: ${problem}`);
    const all = [...(options.trustProxy ?? []), ...connections.trustedProxies()];
    return all.length > 0 ? proxyAddr.compile(all) : () => false;
  };
  let trusted = trustedNow();
  const stopFollowing = app.services.connections.onChange(() => {
    trusted = trustedNow();
  });
  const server = Fastify({
    bodyLimit: 64 * 1024,
    logger: false,
    forceCloseConnections: true,
    ...slowClientTimeouts(options.requestTimeoutMs),
    trustProxy: (address, hop) => trusted(address, hop),
    frameworkErrors: frameworkErrorReply,
    clientErrorHandler: clientErrorReply,
  });
  server.addHook('onClose', async () => stopFollowing());
  installErrorHandler(server, options.log, { present: presentPublicError });
  const routes = [...catalogRoutes(app), ...bookingRoutes(app), ...customerRoutes(app)];
  installHardening(server, {
    routes,
    ...(options.logRequests
      ? {
          logRequests: (line: string) => options.log(line),
          logOnlyFailures: options.logRequests === 'failures',
        }
      : {}),
  });

  server.get(healthz.path, async () => ({ ok: true }));
  widgetRoutes(server);
  paymentRoutes(server, app);
  twilioWebhookRoute(server, app);

  // The webhooks register themselves (their own body parsers) but are documented all the same.
  const document = openApiDocument([healthz, ...routes, twilioSmsWebhook, stripeWebhook]);
  docsRoutes(server, document);

  // Inside a plugin so that the rate-limit plugin registered above is loaded when guards are made.
  void server.register(async (scope) => {
    const guards = createGuards(
      scope,
      app.services.apiKeys,
      options.bookingWriteLimit ?? defaultBookingWriteLimit,
    );
    mount(scope, routes, guards);
  });

  return server;
}
