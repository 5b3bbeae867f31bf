// Server mode's receptionist listener (loopback only): the same router as Electron IPC over
// POST /rpc/:channel, events over SSE at /events. Every request must carry the per-start token
// (query ?token=, Authorization: Bearer, or the cookie set when the page was opened with it).
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { App } from '../app.js';
import { installErrorHandler } from './errors.js';

const COOKIE = 'bookingsync_admin';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function presentedToken(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  if (typeof query?.token === 'string') return query.token;
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  const cookie = request.headers.cookie
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE}=`));
  return cookie?.slice(COOKIE.length + 1);
}

const placeholderPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>BookingSync</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>BookingSync is running</h1>
<p>The receptionist's screens are not part of this build yet. The desk API answers at
<code>POST /rpc/&lt;channel&gt;</code> and live updates stream from <code>/events</code>.</p>
</body></html>`;

export interface AdminApiOptions {
  token: string;
  log: (message: string, error?: unknown) => void;
}

export function createAdminApi(app: App, options: AdminApiOptions): FastifyInstance {
  const server = Fastify({ bodyLimit: 1024 * 1024, logger: false, forceCloseConnections: true });
  installErrorHandler(server, options.log);
  const expected = digest(options.token);

  server.addHook('onRequest', async (request, reply) => {
    const token = presentedToken(request);
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (token === undefined || !timingSafeEqual(digest(token), expected)) {
      return reply.status(401).send({
        error: {
          code: 'VALIDATION',
          message: 'Open the admin address printed at start (it carries the token).',
        },
      });
    }
  });

  server.get('/', async (_request, reply) => {
    reply.header('set-cookie', `${COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`);
    reply.type('text/html; charset=utf-8');
    return placeholderPage;
  });

  server.post<{ Params: { channel: string } }>('/rpc/:channel', async (request) => {
    return app.router.dispatch(request.params.channel, request.body);
  });

  server.get('/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = app.events.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    keepAlive.unref();
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  return server;
}
