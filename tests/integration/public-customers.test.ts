// The seed's customer API on the public listener: admin API keys made through the contract, and
// nothing about customers without one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, startPublicHost, type PublicHost } from '../support/public-host.js';
import type { RpcClient } from '../support/rpc.js';

let server: PublicHost;
beforeEach(async () => {
  server = await startPublicHost();
});
afterEach(() => server.close());

interface Failure {
  error: { code: string; message: string; details: Record<string, unknown> };
}
interface AdminCustomer {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  sms_consent: boolean;
  created_at: string;
}

const rpc: RpcClient['value'] = (channel, input) => server.desk.value(channel, input);

async function newKey(name = 'CRM sync') {
  return rpc('apiKeys.create', { name });
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('admin API keys', () => {
  it('are shown once, listed without the secret, and stored only as a hash', async () => {
    const made = await newKey();
    expect(made.key).toMatch(/^bs_live_[\w-]{43}$/);
    expect(made.key.startsWith(made.prefix)).toBe(true);
    const listed = await rpc('apiKeys.list', {});
    expect(listed).toEqual([
      {
        id: made.id,
        name: 'CRM sync',
        prefix: made.prefix,
        createdAt: expect.any(Number),
        revokedAt: null,
      },
    ]);
    const rows = JSON.stringify(server.host.app.db.$client.prepare('select * from api_keys').all());
    expect(rows).not.toContain(made.key);
    expect(await server.desk.call('apiKeys.create', { name: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'name' }] } },
    });
  });

  it('answers 401 on every customer route without a live key', async () => {
    const live = await newKey();
    const revoked = await newKey('old');
    const revokedAt = (await rpc('apiKeys.revoke', { id: revoked.id })).revokedAt;
    expect(revokedAt).toBeGreaterThan(0);
    expect(await rpc('apiKeys.revoke', { id: revoked.id })).toMatchObject({ revokedAt });
    const customer = (
      await call<{ customer: AdminCustomer }>(`${server.url}/api/customers`, {
        method: 'POST',
        body: { name: 'Jane Doe', email: 'jane@example.com' },
        headers: bearer(live.key),
      })
    ).body.customer;

    const routes: [string, string, unknown?][] = [
      ['GET', '/api/customers'],
      ['POST', '/api/customers', { name: 'Eve', email: 'eve@example.com' }],
      ['GET', `/api/customers/${customer.id}`],
      ['GET', `/api/customers/${customer.id}/bookings`],
    ];
    const wrongCredentials: Record<string, string>[] = [
      {},
      bearer('bs_live_not-a-key'),
      bearer(revoked.key),
      bearer(live.key.slice(0, -1)),
      { authorization: `Basic ${Buffer.from(`x:${live.key}`).toString('base64')}` },
      { authorization: live.key },
    ];
    for (const [method, path, body] of routes) {
      for (const headers of wrongCredentials) {
        const answer = await call<Failure>(`${server.url}${path}`, { method, body, headers });
        expect(answer.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(answer.body.error.code).toBe('POLICY');
        expect(answer.body.error.message).toBe(
          'An admin API key is required (Authorization: Bearer …)',
        );
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(JSON.stringify(answer.body)).not.toContain('jane');
      }
    }
    const unknownRevoke = await server.desk.call('apiKeys.revoke', { id: 'key_x' });
    expect(unknownRevoke).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Nobody got in: the one customer is still the only one.
    expect(server.host.app.services.customers.list({}).total).toBe(1);
  });
});

describe('customer routes with a key', () => {
  it('add, list, find and show the bookings of customers', async () => {
    const { key } = await newKey();
    const headers = bearer(key);
    const created = await call<{ customer: AdminCustomer } & Failure>(
      `${server.url}/api/customers`,
      {
        method: 'POST',
        body: { name: 'Jane Doe', phone: '07911 123456', sms_consent: true },
        headers,
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.customer).toMatchObject({
      name: 'Jane Doe',
      phone: '+447911123456',
      email: null,
      sms_consent: true,
      created_at: '2026-11-30T08:00:00+00:00',
    });
    const id = created.body.customer.id;

    const twin = await call<Failure>(`${server.url}/api/customers`, {
      method: 'POST',
      body: { name: 'Janet', phone: '+44 7911 123456' },
      headers,
    });
    expect(twin.status).toBe(409);
    expect(twin.body.error.details).toMatchObject({ field: 'phone', customer_id: id });

    const bad = await call<Failure>(`${server.url}/api/customers`, {
      method: 'POST',
      body: { name: '', email: 'not-an-email', smsConsent: true },
      headers,
    });
    expect(bad.status).toBe(422);
    const fields = (bad.body.error.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields.sort()).toEqual(['email', 'name', 'smsConsent']);

    await call(`${server.url}/api/customers`, {
      method: 'POST',
      body: { name: 'Sam Smith', email: 'sam@example.com' },
      headers,
    });
    const page = await call<{ customers: AdminCustomer[]; total: number }>(
      `${server.url}/api/customers?search=jane&limit=10`,
      { headers },
    );
    expect(page.body).toMatchObject({ total: 1, customers: [{ id }] });
    const all = await call<{ customers: AdminCustomer[]; total: number }>(
      `${server.url}/api/customers?limit=1&offset=1`,
      { headers },
    );
    expect(all.body.total).toBe(2);
    expect(all.body.customers.map((c) => c.name)).toEqual(['Sam Smith']);
    const badPage = await call<Failure>(`${server.url}/api/customers?limit=0`, { headers });
    expect(badPage.status).toBe(422);

    const one = await call<{ customer: AdminCustomer }>(`${server.url}/api/customers/${id}`, {
      headers,
    });
    expect(one.body.customer.id).toBe(id);
    const missing = await call<Failure>(`${server.url}/api/customers/cus_nope`, { headers });
    expect(missing.status).toBe(404);

    const booked = await call(`${server.url}/api/bookings`, {
      method: 'POST',
      body: {
        service_id: server.cut,
        start: '2026-12-01T09:00:00+00:00',
        customer: { name: 'Jane', phone: '07911123456' },
        note: 'Fringe only',
      },
    });
    expect(booked.status).toBe(201);
    const bookings = await call<{ bookings: Record<string, unknown>[] }>(
      `${server.url}/api/customers/${id}/bookings`,
      { headers },
    );
    expect(bookings.body.bookings).toEqual([
      expect.objectContaining({
        status: 'confirmed',
        source: 'api',
        start: '2026-12-01T09:00:00+00:00',
        service_name: 'Cut',
        note: 'Fringe only',
      }),
    ]);
    expect((await call(`${server.url}/api/customers/cus_nope/bookings`, { headers })).status).toBe(
      404,
    );
  });
});
