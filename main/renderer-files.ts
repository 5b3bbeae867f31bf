// The desk UI's built files (dist/renderer), as both hosts serve them: the Electron window through
// its app:// scheme and server mode through the admin listener. One list of the types the UI
// ships, and one rule: a path that climbs out of the folder names nothing.
import { extname, relative, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface RendererFile {
  /** Absolute path inside the folder (it may not exist). */
  path: string;
  type: string;
}

/** The file a request path names inside `root`; undefined outside it or for another type. */
export function rendererFile(root: string, requestPath: string): RendererFile | undefined {
  const base = resolve(root);
  const path = resolve(base, `.${requestPath.startsWith('/') ? '' : '/'}${requestPath}`);
  const inside = relative(base, path);
  const type = contentTypes[extname(path)];
  if (!type || inside === '' || inside.startsWith('..') || inside.startsWith(sep)) return undefined;
  return { path, type };
}
