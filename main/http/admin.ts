// Server mode's receptionist listener (loopback only): the receptionist UI (dist/renderer) at /,
// the same router as Electron IPC over POST /rpc/:channel, events over SSE at /events. Every
// request must carry the per-start token (query ?token=, Authorization: Bearer, or the cookie set
// when the page was opened with it).
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { App } from '../app.js';
import { installErrorHandler } from './errors.js';
import { slowClientTimeouts } from './hardening.js';
import { deskContentSecurityPolicy } from '../desk-csp.js';
import { rendererFile } from '../renderer-files.js';

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

// ── the built UI ─────────────────────────────────────────────────────────────

/**
 * dist/renderer: beside dist/server.js when running the bundle, two folders up when this file
 * runs from source (tests that start the host in-process).
 */
function defaultRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'renderer'), join(here, '..', '..', 'dist', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? join(here, 'renderer');
}

interface StaticFile {
  type: string;
  body: Buffer;
}

/** Reads files of the build folder only; a path that climbs out of it, or any other type, is none. */
function rendererFiles(dir: string) {
  const root = resolve(dir);
  return {
    /** index.html with the bridge script in front of the UI's bundle; undefined when not built. */
    indexHtml(): string | undefined {
      const file = join(root, 'index.html');
      if (!existsSync(file)) return undefined;
      // Server mode's equivalent of Electron's preload: window.bookingSync exists before the UI runs.
      return readFileSync(file, 'utf8').replace(
        '<head>',
        '<head>\n    <script src="./bridge.js"></script>',
      );
    },
    file(path: string): StaticFile | undefined {
      const found = rendererFile(root, path);
      // index.html is only ever served by indexHtml(), with the bridge in front of the UI.
      if (!found || found.type.startsWith('text/html') || !existsSync(found.path)) return undefined;
      return { type: found.type, body: readFileSync(found.path) };
    },
  };
}

const placeholderPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>BookingSync</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>BookingSync is running</h1>
<p>The receptionist's screens were not found: <code>dist/renderer</code> is missing from this
build. Run <code>npm run build</code> (or <code>npm run serve</code>, which builds first) and reload.
The desk API answers at <code>POST /rpc/&lt;channel&gt;</code> and live updates stream from
<code>/events</code>.</p>
</body></html>`;

export interface AdminApiOptions {
  token: string;
  log: (message: string, error?: unknown) => void;
  /** The built UI; dist/renderer beside the bundle (or the repository's, from source) by default. */
  rendererDir?: string;
  /**
   * Time a client has to send its whole request before a 408; default 30 s (tests: less). The
   * event stream is unaffected: its request is complete once its headers are in.
   */
  requestTimeoutMs?: number;
}

export function createAdminApi(app: App, options: AdminApiOptions): FastifyInstance {
  const server = Fastify({
    bodyLimit: 1024 * 1024,
    logger: false,
    forceCloseConnections: true,
    ...slowClientTimeouts(options.requestTimeoutMs),
  });
  installErrorHandler(server, options.log);
  const expected = digest(options.token);
  const files = rendererFiles(options.rendererDir ?? defaultRendererDir());

  server.addHook('onSend', async (_request, reply) => {
    reply.header(
      'content-security-policy',
      deskContentSecurityPolicy(app.services.publicAddress.previewOrigin()),
    );
    reply.header('x-content-type-options', 'nosniff');
    // The first address carries the token in its query: never hand it on as a referrer.
    reply.header('referrer-policy', 'no-referrer');
  });

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
    reply.header('cache-control', 'no-store');
    reply.type('text/html; charset=utf-8');
    return files.indexHtml() ?? placeholderPage;
  });

  server.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    const asset = files.file(`assets/${request.params['*']}`);
    if (!asset) return reply.callNotFound();
    // File names carry a content hash: a changed file is a new name.
    reply.header('cache-control', 'private, max-age=31536000, immutable');
    return reply.type(asset.type).send(asset.body);
  });

  server.get('/bridge.js', async (_request, reply) => {
    const bridge = files.file('bridge.js');
    if (!bridge) return reply.callNotFound();
    reply.header('cache-control', 'no-cache');
    return reply.type(bridge.type).send(bridge.body);
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
