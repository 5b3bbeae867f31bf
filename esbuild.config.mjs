// Bundles the Node side into dist/: server mode (dist/server.js) and the Electron shell
// (dist/index.js, its window's preload dist/preload.cjs), with the migrations beside them. One
// bundled file starts in about half the time of thousands of separate modules, which is what
// keeps "start to ready" under a second.
// buildRenderer() builds the receptionist UI (Vite, renderer/) into dist/renderer/ and server
// mode's bridge (preload/browser.ts) beside it. buildWidget() builds the embeddable booking
// widget (renderer/widget, React's API on preact/compat) into one script, dist/widget/widget.js.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const outdir = join(root, 'dist');

export async function buildMain() {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Native addon: loaded from node_modules at run time (electron-builder unpacks it).
    external: ['better-sqlite3', 'electron'],
    // Bundled CommonJS packages still call require(); give ESM output one.
    banner: {
      js: "import { createRequire as __bsCreateRequire } from 'node:module'; const require = __bsCreateRequire(import.meta.url);",
    },
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'main/server.ts')],
      outfile: join(outdir, 'server.js'),
    }),
    build({
      ...common,
      entryPoints: [join(root, 'main/index.ts')],
      outfile: join(outdir, 'index.js'),
    }),
    // The Electron window's preload runs sandboxed, where require() knows only 'electron': the
    // names it checks against (preload/contract-names.ts, not the contract and zod) are bundled
    // into this one small CommonJS file.
    build({
      entryPoints: [join(root, 'preload/electron.ts')],
      outfile: join(outdir, 'preload.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'chrome130',
      external: ['electron'],
      minify: true,
      sourcemap: 'linked',
      logLevel: 'warning',
    }),
  ]);
  rmSync(join(outdir, 'migrations'), { recursive: true, force: true });
  cpSync(join(root, 'db/migrations'), join(outdir, 'migrations'), { recursive: true });
  copySwaggerUi();
}

/**
 * /docs serves Swagger UI from local files (main/http/docs-page.ts). Copied beside the bundle so
 * the package (dist/ only) has them whatever becomes of its node_modules; the licence goes too.
 */
function copySwaggerUi() {
  const from = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const to = join(outdir, 'swagger-ui');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const file of [
    'swagger-ui-bundle.js',
    'swagger-ui.css',
    'favicon-32x32.png',
    'LICENSE',
    'NOTICE',
  ]) {
    cpSync(join(from, file), join(to, file));
  }
}

export async function buildRenderer() {
  // Imported here, not at the top: building only the Node side should not load Vite.
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  // Server mode's stand-in for Electron's preload script: the admin listener injects it into
  // index.html, so it must not be part of the renderer bundle itself.
  await build({
    entryPoints: [join(root, 'preload/browser.ts')],
    outfile: join(outdir, 'renderer/bridge.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

/** The widget must stay small enough for a business's own site: 70 KB gzip at most. */
export const WIDGET_GZIP_BUDGET = 70 * 1024;

export async function buildWidget() {
  const outfile = join(outdir, 'widget/widget.js');
  await build({
    entryPoints: [join(root, 'renderer/widget/index.tsx')],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    // A sourcemap beside it would be public too; the widget's sources are not secret, but a
    // second request per page view is not worth it on the business's site.
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const raw = readFileSync(outfile);
  const gzip = gzipSync(raw, { level: 9 }).length;
  if (gzip > WIDGET_GZIP_BUDGET) {
    throw new Error(`widget.js is ${gzip} bytes gzip, over the ${WIDGET_GZIP_BUDGET} budget`);
  }
  return { file: outfile, raw: raw.length, gzip };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [, , widget] = await Promise.all([buildMain(), buildRenderer(), buildWidget()]);
  console.log(
    `widget.js: ${(widget.raw / 1024).toFixed(1)} KB, ${(widget.gzip / 1024).toFixed(1)} KB gzip`,
  );
}
