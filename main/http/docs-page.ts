// GET /docs: an interactive reference of the OpenAPI document (Swagger UI: every operation, its
// schemas, and "Try it out" against this very listener), served from local files so it works on a
// machine without internet and sends no visitor to a CDN.
//
// Where the files come from: the build copies them from swagger-ui-dist into dist/swagger-ui,
// beside the bundle (esbuild.config.mjs), which electron-builder packages with the rest of dist/;
// run from source (tests, tsx), the same files are read from the installed swagger-ui-dist. The
// copy is what a package relies on, because the app ships as a bundle and a package's
// node_modules are not something to count on; the fallback keeps source runs free of a build.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import type { OpenApiDocument } from './openapi.js';

/** The files of swagger-ui-dist the page loads; the build copies these and their licence. */
export const SWAGGER_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css', 'favicon-32x32.png'];

/** The folder beside the bundle that the build copies them into. */
export const SWAGGER_UI_DIR = 'swagger-ui';

/**
 * `here` is the folder of the running code: dist/ when bundled, main/http/ from source. Null
 * when neither the copy nor the package is there.
 */
export function swaggerUiDir(here = dirname(fileURLToPath(import.meta.url))): string | null {
  const beside = join(here, SWAGGER_UI_DIR);
  if (existsSync(join(beside, 'swagger-ui-bundle.js'))) return beside;
  try {
    return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch {
    return null;
  }
}

/**
 * This page's own policy; the rest of the listener keeps helmet's (hardening.ts). Scripts and
 * styles from this origin only: Swagger UI's and the few lines that start it. React sets its
 * styles through the DOM, which CSP allows, so no 'unsafe-inline' (the browser test runs the page
 * under this policy and fails on any violation). Its icons are data: SVGs; "Try it out" calls
 * this origin only.
 */
export const docsPageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Our own start-up script, a file rather than inline so script-src stays 'self'. The validator
 * badge is off: it would send the document to validator.swagger.io.
 */
const startScript = `window.ui = SwaggerUIBundle({
  url: '/docs/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  displayOperationId: false,
  defaultModelsExpandDepth: 0,
});
`;

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function renderDocsPage(doc: OpenApiDocument): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)}</title>
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<noscript><p>This reference needs JavaScript. The document itself: <a href="/docs/openapi.json">/docs/openapi.json</a> (OpenAPI ${doc.openapi}).</p></noscript>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/start.js"></script>
</body></html>
`;
}

const types: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  png: 'image/png',
};

export interface DocsRoutesOptions {
  /** Where the Swagger UI files are; found beside the bundle or in node_modules by default. */
  assetDir?: string | null;
}

export function docsRoutes(
  server: FastifyInstance,
  doc: OpenApiDocument,
  options: DocsRoutesOptions = {},
): void {
  const page = renderDocsPage(doc);
  const dir = options.assetDir === undefined ? swaggerUiDir() : options.assetDir;
  // Read on first use and kept: 1.7 MB that a start of the app should not wait for.
  const kept = new Map<string, Promise<Buffer | null>>();
  const asset = (name: string): Promise<Buffer | null> => {
    if (name === 'start.js') return Promise.resolve(Buffer.from(startScript));
    if (!dir || !SWAGGER_UI_FILES.includes(name)) return Promise.resolve(null);
    let file = kept.get(name);
    if (!file) {
      file = readFile(join(dir, name)).catch(() => null);
      kept.set(name, file);
    }
    return file;
  };

  server.get('/docs/openapi.json', async () => doc);
  server.get('/docs', async (_request, reply) =>
    reply
      .header('content-security-policy', docsPageCsp)
      .type('text/html; charset=utf-8')
      .send(page),
  );
  // The bundle travels compressed (1.7 MB → about 0.5 MB gzip); only these replies ask for it.
  void server.register(async (scope) => {
    await scope.register(compress, { global: false });
    scope.get<{ Params: { name: string } }>('/docs/assets/:name', async (request, reply) => {
      const { name } = request.params;
      const body = await asset(name);
      if (!body) {
        return reply.code(404).send({
          error: { code: 'NOT_FOUND', message: 'No such documentation file' },
        });
      }
      reply
        .header('cache-control', 'public, max-age=3600')
        .type(types[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream')
        .compress(body);
      return reply;
    });
  });
}
