// The public listener's HTML and script for people, beside the JSON API: widget.js for other
// sites to embed, the hosted booking page (/book) and the manage page (/book/manage/{token}).
// Both pages only load widget.js from this origin; the widget does the rest through the API.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** dist/widget beside dist/server.js when bundled, or the repository's dist/ when run from source. */
function defaultWidgetDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'widget'), join(here, '..', '..', 'dist', 'widget')];
  return candidates.find((dir) => existsSync(join(dir, 'widget.js'))) ?? join(here, 'widget');
}

/** Ids and tokens go into an HTML attribute: only characters that cannot break out of one. */
const SERVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MANAGE_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Scripts from this origin only (widget.js), no inline script. Inline styles are allowed for the
 * page's own few rules and browsers without constructable stylesheets in the Shadow DOM.
 */
const pageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(title: string, scriptAttributes: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>body{margin:0;background:#f3f4f6;font-family:system-ui,sans-serif}main{max-width:600px;margin:0 auto;padding:16px 8px}</style>
</head>
<body>
<main>
<script src="/widget.js"${scriptAttributes}></script>
</main>
</body>
</html>
`;
}

function sendPage(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .header('content-security-policy', pageCsp)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

export interface WidgetRoutesOptions {
  /** Folder holding the built widget.js; dist/widget by default. */
  widgetDir?: string;
}

export function widgetRoutes(server: FastifyInstance, options: WidgetRoutesOptions = {}): void {
  const file = join(options.widgetDir ?? defaultWidgetDir(), 'widget.js');
  // widget.js travels compressed to every browser that accepts it: 16 KB instead of 41 KB, most
  // of its download on a phone network. Only where a route asks (reply.compress); the script
  // route is declared once the plugin has loaded, so its replies have the method.
  void server.register(async (scope) => {
    await scope.register(compress, { global: false });
    scope.get('/widget.js', async (_request, reply) => {
      // Read per request (a few dozen KB): a rebuilt widget is served without a restart.
      const script = await readFile(file).catch(() => null);
      if (!script) {
        return reply.code(404).send({
          error: { code: 'NOT_FOUND', message: 'The widget has not been built (npm run build)' },
        });
      }
      reply
        .header('access-control-allow-origin', '*')
        // helmet's default (same-origin) would stop other sites' <script src> from loading it.
        .header('cross-origin-resource-policy', 'cross-origin')
        // Short: a new version reaches the business's site within minutes.
        .header('cache-control', 'public, max-age=300')
        .type('text/javascript; charset=utf-8')
        .compress(script);
      return reply;
    });
  });

  server.get<{ Querystring: { service?: string } }>('/book', async (request, reply) => {
    const service = request.query.service;
    const attribute = service && SERVICE_ID.test(service) ? ` data-service="${service}"` : '';
    return sendPage(reply, page('Book an appointment', attribute));
  });

  server.get<{ Params: { token: string } }>('/book/manage/:token', async (request, reply) => {
    const { token } = request.params;
    // A malformed token names no booking; the widget shows the API's "not found" in words.
    const safe = MANAGE_TOKEN.test(token) ? token : 'invalid-token-0000';
    return sendPage(reply, page('Your booking', ` data-manage="${safe}"`));
  });
}
