// A business's own website on another origin (its own loopback port): a page that embeds the
// widget with the snippet from the docs, plus hostile CSS that would wreck the widget if the
// Shadow DOM let it in.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbeddingSite {
  /** http://127.0.0.1:PORT/ — the page; `?service=`, `?locale=`, `?manage=` and the like become data attributes. */
  url: string;
  close(): Promise<void>;
}

const hostileCss = `
  body { font-family: "Comic Sans MS", cursive; background: #fffbe6; margin: 0; }
  button { background: red !important; font-size: 30px; border: 5px dashed lime; }
  div, p, h2 { color: magenta; }
  input { display: none; }
`;

const attr = (value: string) => value.replace(/[^A-Za-z0-9_:./#-]/g, '');

export async function startEmbeddingSite(widgetOrigin: string): Promise<EmbeddingSite> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/') {
      response.writeHead(404).end();
      return;
    }
    const data = ['service', 'staff', 'locale', 'mode', 'primary', 'radius', 'manage']
      .filter((k) => url.searchParams.has(k))
      .map((k) => ` data-${k}="${attr(url.searchParams.get(k) ?? '')}"`)
      .join('');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Willow &amp; Birch</title><style>${hostileCss}</style></head>
<body><h1>Willow &amp; Birch Hair Studio</h1><p>Book online below.</p>
<script src="${widgetOrigin}/widget.js"${data}></script>
<p data-testid="after-widget">Find us at 1 High Street.</p>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
