// What the public listener needs because it faces the internet (DESIGN.md §8): security headers,
// CORS for the widget's routes only, a per-client limit on booking writes, the admin-key check for
// the customer routes, and a request log that carries no personal data. The @fastify plugins (and
// helmet itself) do the work; this file decides where each applies.
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import helmet from 'helmet';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { readTrustedProxies, type ApiKeyService } from '../connections/index.js';
import { HttpPolicyError } from './errors.js';
import { pathPattern, type AnyRoute, type Guards } from './route-spec.js';

export interface RateLimit {
  /** Writes allowed per client (IP address) in one window. */
  max: number;
  windowMs: number;
}

/**
 * A person books, moves or cancels a handful of times a minute at most; 30 leaves room for a
 * family booking together behind one router while stopping a script from filling the calendar.
 */
export const defaultBookingWriteLimit: RateLimit = { max: 30, windowMs: 60_000 };

/**
 * How long a client has to send a whole request, headers and body. Fastify's default is no limit
 * at all, so a client that announced a body and never sent it held its socket for good: a few
 * hundred of them fill the listener. 30 s is ample for a 64 KB body (1 MB on loopback, admin).
 */
export const defaultRequestTimeoutMs = 30_000;

/** Fastify options that answer 408 and close a request still arriving after `requestTimeoutMs`. */
export function slowClientTimeouts(requestTimeoutMs = defaultRequestTimeoutMs) {
  return {
    requestTimeout: requestTimeoutMs,
    http: {
      // Given to Node as well, which then keeps its headers timeout within it.
      requestTimeout: requestTimeoutMs,
      // Node looks for expired requests every 30 s by default, which would let one live for up
      // to twice its limit.
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(requestTimeoutMs / 4))),
    },
  };
}

/** The --trust-proxy flag's value (see connections/trusted-proxies.ts); throws what is wrong with it. */
export function parseTrustedProxies(raw: string): string[] {
  const read = readTrustedProxies(raw);
  if (!read.ok) throw new Error(`--trust-proxy: ${read.problem}`);
  return read.entries;
}

const widgetCors: FastifyCorsOptions = {
  origin: '*',
  methods: ['GET', 'POST', 'PATCH', 'DELETE'],
  allowedHeaders: ['Content-Type', 'Idempotency-Key'],
  exposedHeaders: [
    'Retry-After',
    'Idempotent-Replayed',
    'X-RateLimit-Limit',
    'X-RateLimit-Remaining',
    'X-RateLimit-Reset',
  ],
  maxAge: 600,
  // A preflight without Origin is not a browser's; answering it like any other keeps the error
  // shape, instead of the plugin's plain-text 400.
  strictPreflight: false,
};

function pathOf(url: string): string {
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

export interface HardeningOptions {
  routes: AnyRoute[];
  /** One line per request: method, route pattern, status, duration. Off unless asked for. */
  logRequests?: (line: string) => void;
  /** Log only the requests answered 5xx. */
  logOnlyFailures?: boolean;
}

/** Plugins and hooks that apply to the whole listener, 404s included. */
export function installHardening(server: FastifyInstance, options: HardeningOptions): void {
  // helmet's middleware, built once. @fastify/helmet builds it again on every request (checking
  // and joining every CSP directive), which was 4% of a booking's time and more of a cheap GET.
  const securityHeaders = helmet({
    // Nothing under this policy is an HTML page: the pages (/docs, /book, the checkout pages)
    // send a policy of their own, so inline styles are not needed here either.
    contentSecurityPolicy: {
      directives: {
        'style-src': ["'self'"],
        // The listener often runs on plain HTTP (a LAN address, loopback in server mode), where
        // upgrading its own links to https would break them.
        'upgrade-insecure-requests': null,
      },
    },
  });
  server.addHook('onRequest', (request, reply, done) => {
    // helmet 8 throws rather than passing an error on; it calls back with nothing.
    securityHeaders(request.raw, reply.raw, () => done());
  });

  // Decided per request path rather than per route, because a browser's preflight (OPTIONS) is
  // answered before routing: /api/customers must not be granted one either.
  const open = options.routes.filter((r) => r.access.cors).map((r) => pathPattern(r.path));
  void server.register(cors, {
    delegator: async (request: FastifyRequest) =>
      open.some((pattern) => pattern.test(pathOf(request.url))) ? widgetCors : { origin: false },
  });

  void server.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpPolicyError(
        429,
        `Too many booking changes from this address; try again in ${context.after}`,
        { retry_after_seconds: Math.ceil(context.ttl / 1000) },
      ),
  });

  const logLine = options.logRequests;
  if (logLine) {
    server.addHook('onResponse', async (request, reply) => {
      if (options.logOnlyFailures && reply.statusCode < 500) return;
      // The route pattern, never the raw URL: paths carry manage tokens, queries carry searches.
      const route = request.routeOptions.url ?? '(no route)';
      logLine(`${request.method} ${route} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)} ms`);
    });
  }
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
}

/**
 * Guards attached to single routes. Needs the rate-limit plugin loaded, so it is called from
 * inside a plugin registered after installHardening.
 */
export function createGuards(
  scope: FastifyInstance,
  apiKeys: ApiKeyService,
  bookingWriteLimit: RateLimit,
): Guards {
  // One limiter for POST, PATCH and DELETE together: a client's budget is for booking writes of
  // any kind, not per route.
  const bookingWrite: onRequestAsyncHookHandler = scope.rateLimit({
    max: bookingWriteLimit.max,
    timeWindow: bookingWriteLimit.windowMs,
  });

  const adminKey: onRequestAsyncHookHandler = async (request, reply) => {
    const key = presentedKey(request);
    if (key !== undefined && apiKeys.verify(key)) return;
    reply.header('www-authenticate', 'Bearer realm="BookingSync customer API"');
    throw new HttpPolicyError(401, 'An admin API key is required (Authorization: Bearer …)', {
      reason: key === undefined ? 'missing' : 'not a live key',
    });
  };

  return { adminKey, bookingWrite };
}
