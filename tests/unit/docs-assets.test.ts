// Where /docs finds Swagger UI: the copy the build puts beside the bundle (what an installed app
// has, dist/ being all electron-builder packages), else the swagger-ui-dist package (runs from
// source, no build needed).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SWAGGER_UI_DIR, SWAGGER_UI_FILES, swaggerUiDir } from '../../main/http/docs-page.js';
import { tempDir } from '../support/app.js';
import { repoRoot } from '../support/server-process.js';

const packageDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

describe('swaggerUiDir', () => {
  it('takes the copy beside the bundle when there is one', () => {
    const dir = tempDir();
    try {
      mkdirSync(join(dir.path, SWAGGER_UI_DIR));
      writeFileSync(join(dir.path, SWAGGER_UI_DIR, 'swagger-ui-bundle.js'), '');
      expect(swaggerUiDir(dir.path)).toBe(join(dir.path, SWAGGER_UI_DIR));
    } finally {
      dir.remove();
    }
  });

  it('falls back to the installed package when run from source', () => {
    const dir = tempDir();
    try {
      expect(swaggerUiDir(dir.path)).toBe(packageDir);
      for (const file of SWAGGER_UI_FILES) expect(existsSync(join(packageDir, file))).toBe(true);
    } finally {
      dir.remove();
    }
  });

  it('finds every file the page loads, with the licence, in the build beside dist/server.js', () => {
    // dist/ is built by tests/support/global-setup.ts, as npm run build / dist do.
    const dist = join(repoRoot, 'dist');
    expect(swaggerUiDir(dist)).toBe(join(dist, SWAGGER_UI_DIR));
    for (const file of [...SWAGGER_UI_FILES, 'LICENSE', 'NOTICE']) {
      expect(existsSync(join(dist, SWAGGER_UI_DIR, file)), file).toBe(true);
    }
  });
});
