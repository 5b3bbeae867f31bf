// Bundles the Node side into dist/: server mode (dist/server.js) and the Electron shell
// (dist/index.js), with the migrations beside them. One bundled file starts in about half the
// time of thousands of separate modules, which is what keeps "start to ready" under a second.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
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
  ]);
  rmSync(join(outdir, 'migrations'), { recursive: true, force: true });
  cpSync(join(root, 'db/migrations'), join(outdir, 'migrations'), { recursive: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildMain();
}
