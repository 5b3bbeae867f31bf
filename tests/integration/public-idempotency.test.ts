// Retried bookings over real sockets: the Idempotency-Key header makes a retry answer the first
// booking, is kept only as a hash, and is refused when it is sent twice, empty or too long.
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appointmentCount,
  call,
  fieldsOf,
  startPublicHost,
  type Failure,
  type PublicHost,
} from '../support/public-host.js';

let server: PublicHost;
beforeEach(async () => {
  server = await startPublicHost({ bookingWriteLimit: { max: 1000, windowMs: 60_000 } });
});
afterEach(() => server.close());

interface Created {
  booking: { id: string; status: string };
  manage_token: string;
}

function bookingBody(overrides: Record<string, unknown> = {}) {
  return {
    service_id: server.cut,
    staff_id: server.alice,
    start: '2026-12-01T09:00:00+00:00',
    customer: { name: 'Jane Doe', phone: '07911 123456', email: 'jane@example.com' },
    ...overrides,
  };
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return call<Created & Failure>(`${server.url}/api/bookings`, { method: 'POST', body, headers });
}

describe('Idempotency-Key', () => {
  it('answers a retry with the first booking and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': 'order-7f3a' };
    const first = await post(bookingBody(), headers);
    const retry = await post(bookingBody(), headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(appointmentCount(server)).toBe(1);

    const other = await post(bookingBody({ start: '2026-12-01T14:00:00+00:00' }), headers);
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'Idempotency-Key' },
    });
    expect(appointmentCount(server)).toBe(1);
  });

  it('keeps neither the key nor the manage token readable in the database', async () => {
    const made = (await post(bookingBody(), { 'idempotency-key': 'order-7f3a' })).body;
    const stored = JSON.stringify(
      server.host.app.db.$client.prepare('select * from idempotency_keys').all(),
    );
    expect(stored).not.toContain('order-7f3a');
    expect(stored).not.toContain(made.manage_token);
  });

  it('refuses a key sent on two header lines with 400 naming the header, and books nothing', async () => {
    // fetch folds repeated headers into one line; node:http sends raw pairs line by line.
    const postWithLines = (lines: string[]) =>
      new Promise<{ status: number; body: Failure }>((resolve, reject) => {
        const payload = JSON.stringify(bookingBody());
        const raw = [
          ...['Host', new URL(server.url).host, 'Content-Type', 'application/json'],
          ...['Content-Length', `${Buffer.byteLength(payload)}`],
        ];
        for (const line of lines) raw.push('Idempotency-Key', line);
        const sent = request(
          `${server.url}/api/bookings`,
          { method: 'POST', headers: raw },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => {
              try {
                resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Failure });
              } catch (error) {
                reject(new Error(`${response.statusCode} ${text}`, { cause: error }));
              }
            });
          },
        );
        sent.on('error', reject);
        sent.end(payload);
      });

    for (const lines of [
      ['order-1', 'order-2'],
      ['order-1', 'order-1'],
    ]) {
      const answer = await postWithLines(lines);
      expect(answer.status, lines.join(' + ')).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: 'Idempotency-Key' }] },
      });
    }
    expect(appointmentCount(server)).toBe(0);
    // One line is one key, commas and all.
    expect((await postWithLines(['order-1, order-2'])).status).toBe(201);
  });

  it('refuses an empty or oversized key with the header named', async () => {
    const answer = await post(bookingBody(), { 'idempotency-key': 'k'.repeat(201) });
    expect(answer.status).toBe(422);
    expect(fieldsOf(answer.body)).toEqual(['Idempotency-Key']);
  });
});
