// Builds dist/server.js once per test run, so process tests run the bundle that ships.
// @ts-expect-error: the build script is plain JavaScript without type declarations.
import { buildMain } from '../../esbuild.config.mjs';

export default async function setup(): Promise<void> {
  await (buildMain as () => Promise<void>)();
}
