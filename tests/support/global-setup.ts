// Builds dist/server.js, the receptionist UI (dist/renderer) and the booking widget
// (dist/widget/widget.js) once per test run, so process and browser tests run the bundles that
// ship.
// @ts-expect-error: the build script is plain JavaScript without type declarations.
import { buildMain, buildRenderer, buildWidget } from '../../esbuild.config.mjs';

export default async function setup(): Promise<void> {
  await Promise.all([
    (buildMain as () => Promise<void>)(),
    (buildRenderer as () => Promise<void>)(),
    (buildWidget as () => Promise<unknown>)(),
  ]);
}
