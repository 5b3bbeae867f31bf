// What the public listener does because it faces the internet: CORS only where the widget needs
// it, security headers, a rate limit on booking writes, the error shape for malformed requests, a
// request log without personal data, and the reference at /docs written from the handlers' schemas.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bookingRequest } from '../../main/http/public-schemas.js';
import { twilioSmsForm } from '../../main/http/webhook-twilio.js';
import { call, startPublicHost, type PublicHost } from '../support/public-host.js';

let server: PublicHost | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Failure {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const origin = 'https://salon.example';

function preflight(url: string, method: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'content-type, idempotency-key',
    },
  });
}

describe('CORS', () => {
  it('is open on the booking routes and shut on the customer routes', async () => {
    server = await startPublicHost();
    const { url } = server;
    const { key } = server.host.app.services.apiKeys.create({ name: 'crm' });

    for (const path of ['/api/services', `/api/availability?service_id=${server.cut}`]) {
      const answer = await fetch(`${url}${path}`, { headers: { origin } });
      expect(answer.headers.get('access-control-allow-origin'), path).toBe('*');
    }
    for (const path of ['/api/bookings', '/api/bookings/some-manage-token-value']) {
      const answer = await preflight(`${url}${path}`, path.endsWith('bookings') ? 'POST' : 'PATCH');
      expect(answer.status, path).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-allow-methods')).toMatch(/PATCH.*DELETE/);
      expect(answer.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
    }

    for (const path of ['/api/customers', '/api/customers/cus_1/bookings']) {
      const answer = await fetch(`${url}${path}`, {
        headers: { origin, authorization: `Bearer ${key}` },
      });
      expect(answer.headers.get('access-control-allow-origin'), path).toBeNull();
      const pre = await preflight(`${url}${path}`, 'GET');
      expect(pre.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(pre.headers.get('access-control-allow-methods')).toBeNull();
    }
    // A look-alike path is not a booking route.
    const lookalike = await preflight(`${url}/api/bookingsx`, 'POST');
    expect(lookalike.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  it('come with every answer, errors included', async () => {
    server = await startPublicHost();
    for (const path of ['/api/services', '/api/nothing-here', '/docs']) {
      const answer = await fetch(`${server.url}${path}`);
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
      // /docs runs a script, under a policy of its own (below); everything else keeps helmet's.
      expect(answer.headers.get('content-security-policy')).toMatch(
        path === '/docs' ? /default-src 'none'/ : /default-src 'self'/,
      );
      expect(answer.headers.get('content-security-policy')).not.toMatch(/upgrade-insecure/);
      expect(answer.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
      expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(answer.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('rate limit on booking writes', () => {
  it('answers 429 with Retry-After once a client has used its budget, for any write', async () => {
    server = await startPublicHost({ bookingWriteLimit: { max: 3, windowMs: 60_000 } });
    const { url } = server;
    const body = {
      service_id: server.cut,
      start: '2026-12-01T09:00:00+00:00',
      customer: { name: 'Jane', email: 'jane@example.com' },
    };
    const first = await call<{ manage_token: string }>(`${url}/api/bookings`, {
      method: 'POST',
      body,
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
    const token = first.body.manage_token;
    const move = { start: '2026-12-02T09:00:00+00:00' };
    expect(
      (await call(`${url}/api/bookings/${token}`, { method: 'PATCH', body: move })).status,
    ).toBe(200);
    expect((await call(`${url}/api/bookings`, { method: 'POST', body: '{}' })).status).toBe(422);

    for (const [method, path] of [
      ['POST', '/api/bookings'],
      ['PATCH', `/api/bookings/${token}`],
      ['DELETE', `/api/bookings/${token}`],
    ] as const) {
      const limited = await call<Failure>(`${url}${path}`, {
        method,
        body: method === 'DELETE' ? undefined : move,
        headers: { origin },
      });
      expect(limited.status, method).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('access-control-allow-origin')).toBe('*');
      expect(limited.body.error.code).toBe('POLICY');
      expect(limited.body.error.message).toMatch(/Too many/);
      expect(limited.body.error.details?.retry_after_seconds).toBeGreaterThan(0);
    }
    // Reading stays open, and the refused writes changed nothing.
    const view = await call<{ booking: { status: string; start: string } }>(
      `${url}/api/bookings/${token}`,
    );
    expect(view.status).toBe(200);
    expect(view.body.booking).toMatchObject({ status: 'confirmed', start: move.start });
  });
});

describe('malformed requests', () => {
  it('get the error shape and a 4xx, never a stack trace or SQL', async () => {
    server = await startPublicHost();
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${server!.url}/api/bookings`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
    const cases: [Promise<Response>, number][] = [
      [post('{"service_id": '), 400],
      [post('{"__proto__": {"x": 1}}'), 400],
      [post(''), 400],
      [post(JSON.stringify({ note: 'x'.repeat(70 * 1024) })), 413],
      [post('service_id=1', 'application/x-www-form-urlencoded'), 415],
      [post('hello', 'text/plain'), 422],
      [fetch(`${server.url}/api/bookings/%E0%A4%A`), 400],
      [fetch(`${server.url}/api/availability?service_id=${'x'.repeat(5000)}`), 422],
      [fetch(`${server.url}/api/availability?days_ahead=NaN&service_id=x`), 422],
      [fetch(`${server.url}/api/nothing-here`), 404],
    ];
    for (const [pending, status] of cases) {
      const answer = await pending;
      const text = await answer.text();
      expect(answer.status, text.slice(0, 200)).toBe(status);
      const body = JSON.parse(text) as Failure;
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.code).toMatch(/^(VALIDATION|NOT_FOUND)$/);
      expect(text).not.toMatch(/\n\s+at |\.ts:\d|SQLITE|select |insert /i);
    }
  });
});

describe('request log', () => {
  it('has one line per request with the route pattern, and no token or personal data', async () => {
    const lines: string[] = [];
    server = await startPublicHost({ logRequests: true }, (message) => lines.push(message));
    const made = await call<{ manage_token: string }>(`${server.url}/api/bookings`, {
      method: 'POST',
      body: {
        service_id: server.cut,
        start: '2026-12-01T09:00:00+00:00',
        customer: { name: 'Jane Doe', email: 'jane@example.com', phone: '07911 123456' },
      },
    });
    await call(`${server.url}/api/bookings/${made.body.manage_token}`);
    await call(`${server.url}/api/customers?search=jane`);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^POST \/api\/bookings 201 \d+\.\d ms$/);
    expect(lines[1]).toMatch(/^GET \/api\/bookings\/:manage_token 200 /);
    expect(lines[2]).toMatch(/^GET \/api\/customers 401 /);
    const all = lines.join('\n');
    for (const secret of [made.body.manage_token, 'Jane', 'jane', '7911']) {
      expect(all).not.toContain(secret);
    }
  });

  it('is off unless asked for', async () => {
    const lines: string[] = [];
    server = await startPublicHost({}, (message) => lines.push(message));
    await call(`${server.url}/api/services`);
    expect(lines).toEqual([]);
  });
});

describe('/docs', () => {
  it('serves OpenAPI generated from the very schemas the handlers parse with', async () => {
    server = await startPublicHost();
    const doc = await call<{
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    }>(`${server.url}/docs/openapi.json`);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(
      Object.entries(doc.body.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    ).toEqual([
      'GET /healthz',
      'GET /api/services',
      'GET /api/availability',
      'POST /api/bookings',
      'GET /api/bookings/{manage_token}',
      'PATCH /api/bookings/{manage_token}',
      'DELETE /api/bookings/{manage_token}',
      'GET /api/customers',
      'POST /api/customers',
      'GET /api/customers/{id}',
      'GET /api/customers/{id}/bookings',
      'POST /webhooks/twilio/sms',
      'POST /webhooks/stripe',
    ]);
    const create = doc.body.paths['/api/bookings']!.post!;
    const { $schema: _dialect, ...expected } = z.toJSONSchema(bookingRequest, { io: 'input' });
    expect(create.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: expected } },
    });
    expect(Object.keys(create.responses as object)).toEqual([
      '201',
      '400',
      '409',
      '413',
      '415',
      '422',
      '429',
      '502',
    ]);
    expect(create.parameters).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
    ]);
    expect(doc.body.paths['/api/customers']!.get!.security).toEqual([{ adminApiKey: [] }]);
    const availability = doc.body.paths['/api/availability']!.get!.parameters as {
      name: string;
      required: boolean;
    }[];
    expect(availability.map((p) => [p.name, p.required])).toEqual([
      ['service_id', true],
      ['staff_id', false],
      ['from', false],
      ['days_ahead', false],
      ['locale', false],
    ]);
  });

  it('lists the Twilio and Stripe webhooks with the refusals they really give', async () => {
    server = await startPublicHost();
    server.host.app.services.connections.update({
      twilio: { accountSid: `AC${'0'.repeat(32)}`, authToken: 'a'.repeat(32), fromNumber: null },
    });
    const doc = await call<{
      paths: Record<string, Record<string, Record<string, unknown>>>;
    }>(`${server.url}/docs/openapi.json`);
    const sms = doc.body.paths['/webhooks/twilio/sms']!.post!;
    const stripe = doc.body.paths['/webhooks/stripe']!.post!;
    // The form the handler parses with, as Twilio writes it.
    const { $schema: _dialect, ...form } = z.toJSONSchema(twilioSmsForm, { io: 'input' });
    expect(sms.requestBody).toEqual({
      required: true,
      content: { 'application/x-www-form-urlencoded': { schema: form } },
    });
    expect(sms.parameters).toEqual([
      expect.objectContaining({ name: 'X-Twilio-Signature', in: 'header', required: true }),
    ]);
    expect(sms.responses).toMatchObject({ 200: { content: { 'text/xml': {} } } });
    expect(Object.keys(sms.responses as object)).toEqual([
      '200',
      '400',
      '403',
      '413',
      '415',
      '422',
    ]);
    expect(stripe.parameters).toEqual([
      expect.objectContaining({ name: 'Stripe-Signature', in: 'header', required: true }),
    ]);
    expect(Object.keys(stripe.responses as object)).toEqual(['200', '400', '413', '415']);

    // What a forger gets is what the reference says they get.
    const forgedSms = await fetch(`${server.url}/webhooks/twilio/sms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': 'bm90IGEgc2lnbmF0dXJl',
      },
      body: 'MessageSid=SM1&From=%2B447700900123&Body=CANCEL',
    });
    expect(forgedSms.status).toBe(403);
    const forgedStripe = await fetch(`${server.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      body: JSON.stringify({ id: 'evt_1', type: 'checkout.session.completed', data: {} }),
    });
    expect(forgedStripe.status).toBe(400);
    for (const [op, answer] of [
      [sms, forgedSms],
      [stripe, forgedStripe],
    ] as const) {
      expect(Object.keys(op.responses as object)).toContain(String(answer.status));
      expect(((await answer.json()) as Failure).error.code).toMatch(/POLICY|VALIDATION/);
    }
  });

  it('serves the interactive reference from its own files, under a CSP for that page only', async () => {
    server = await startPublicHost();
    const answer = await fetch(`${server.url}/docs`);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:/);
    const html = await answer.text();
    // Nothing from elsewhere, and no inline script: only files of this origin.
    const references = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(references.every((ref) => ref.startsWith('/docs/'))).toBe(true);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(references).toEqual(
      expect.arrayContaining([
        '/docs/assets/swagger-ui.css',
        '/docs/assets/swagger-ui-bundle.js',
        '/docs/assets/start.js',
      ]),
    );
    for (const ref of references.filter((r) => r.startsWith('/docs/assets/'))) {
      const file = await fetch(`${server.url}${ref}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(file.status, ref).toBe(200);
      expect(file.headers.get('content-type'), ref).toMatch(
        /^(text\/javascript|text\/css|image\/png)/,
      );
      expect((await file.arrayBuffer()).byteLength, ref).toBeGreaterThan(50);
    }
    const bundle = await fetch(`${server.url}/docs/assets/swagger-ui-bundle.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(bundle.headers.get('content-encoding')).toBe('gzip');
    // Only the files the page loads, by name: nothing else of the package or the disk.
    for (const name of ['package.json', 'swagger-ui-bundle.js.map', '..%2F..%2Fpackage.json']) {
      expect((await fetch(`${server.url}/docs/assets/${name}`)).status, name).toBe(404);
    }
    // The page's policy is its own: the API's answers keep helmet's.
    const api = await fetch(`${server.url}/api/services`);
    expect(api.headers.get('content-security-policy')).not.toBe(csp);
  });
});
