// The public listener's pages and script for people: widget.js for other sites, the hosted
// booking page and the manage page, with the headers that keep them safe to embed and open.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet as rawGetFrom, startPublicHost, type PublicHost } from '../support/public-host.js';

let h: PublicHost;

beforeAll(async () => {
  h = await startPublicHost();
});

afterAll(async () => {
  await h?.close();
});

describe('GET /widget.js', () => {
  it('is a script any origin may load and cache briefly', async () => {
    const response = await fetch(`${h.url}/widget.js`, {
      headers: { origin: 'https://salon.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toContain('BookingSync');
  });

  it('travels compressed to a browser that accepts it, and whole to one that does not', async () => {
    const plain = await rawGet('/widget.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toContain('BookingSync');

    const gzipped = await rawGet('/widget.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);

    const brotli = await rawGet('/widget.js', { 'accept-encoding': 'br, gzip' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
  });
});

const rawGet = (path: string, headers: Record<string, string>) =>
  rawGetFrom(`${h.url}${path}`, headers);

describe('GET /book', () => {
  it('loads the widget from this origin only, under a CSP without inline scripts', async () => {
    const response = await fetch(`${h.url}/book?service=${h.cut}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await response.text();
    expect(html).toContain(`<script src="/widget.js" data-service="${h.cut}"></script>`);
    expect(html).not.toMatch(/<script>/);
  });

  it('drops a service parameter that could break out of the attribute', async () => {
    const evil = encodeURIComponent('x"><script>alert(1)</script>');
    const html = await (await fetch(`${h.url}/book?service=${evil}`)).text();
    expect(html).not.toContain('alert(1)');
    expect(html).toContain('<script src="/widget.js"></script>');
  });
});

describe('GET /book/manage/{token}', () => {
  it('hands the token to the widget, is never cached, and sends no referrer on', async () => {
    const token = 'A'.repeat(22);
    const response = await fetch(`${h.url}/book/manage/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.text()).toContain(`data-manage="${token}"`);
  });

  it('never echoes a malformed token into the page', async () => {
    const evil = encodeURIComponent('"><img src=x onerror=alert(1)>');
    const html = await (await fetch(`${h.url}/book/manage/${evil}`)).text();
    expect(html).not.toContain('onerror');
  });
});

describe('GET /api/services for the widget', () => {
  it('names the staff who perform each service, in staff_ids order', async () => {
    const response = await fetch(`${h.url}/api/services`);
    const body = (await response.json()) as {
      services: { id: string; staff_ids: string[]; staff: { id: string; name: string }[] }[];
    };
    const cut = body.services.find((s) => s.id === h.cut)!;
    expect(cut.staff.map((s) => s.id)).toEqual(cut.staff_ids);
    expect(cut.staff.every((s) => s.name.length > 0)).toBe(true);
  });
});
