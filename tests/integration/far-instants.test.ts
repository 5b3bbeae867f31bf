// Instants and dates far from any booking (the largest Date, the largest safe integer, the year
// 9999), sent to a real `npm run serve` by the desk and by a public client. Each is refused at its
// field, and the process goes on answering: one such request once held its only thread for good.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/app.js';
import type { Envelope } from '../../preload/contract/index.js';
import { clientOver } from '../support/rpc.js';
import { onLoopback, startServer, type ServerProcess } from '../support/server-process.js';

let dir: ReturnType<typeof tempDir>;
let server: ServerProcess;

beforeAll(async () => {
  dir = tempDir();
  server = await startServer(['--demo', '--db', join(dir.path, 'demo.sqlite'), ...onLoopback]);
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  dir.remove();
});

/** Long enough for any honest answer; a request that hangs fails here instead of at the suite's end. */
const PATIENCE_MS = 5_000;

async function send(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(PATIENCE_MS),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The desk's typed RPC over the admin listener, with the same patience. */
const desk = clientOver(async (channel, input) => {
  const answer = await send(`${server.adminBase}/rpc/${channel}`, {
    method: 'POST',
    body: input,
    headers: { authorization: `Bearer ${server.token}` },
  });
  return answer.body as unknown as Envelope<unknown>;
});

async function stillAnswering(): Promise<void> {
  expect((await send(`${server.publicUrl}/healthz`)).body).toEqual({ ok: true });
}

const refusedAt = (field: string, message: RegExp) => ({
  ok: false,
  error: {
    code: 'VALIDATION',
    details: { fields: [{ field, message: expect.stringMatching(message) }] },
  },
});

const publicRefusalAt = (field: string, message: RegExp) => ({
  error: {
    code: 'VALIDATION',
    details: { fields: [{ field, message: expect.stringMatching(message) }] },
  },
});

const RANGE = /between 2000-01-01 and 2200-12-31/;
const DATE_RANGE = /a date from 2000-01-01 to 2200-12-31/;

async function firstService(): Promise<{ id: string; staffIds: string[] }> {
  const [service] = await desk.value('services.list', {});
  if (!service) throw new Error('the demo business has no service');
  return service;
}

describe('the desk', () => {
  it('refuses a start at the largest Date, and at the largest safe integer, naming start', async () => {
    const service = await firstService();
    for (const start of [8.64e15, 8.64e15 - 1000, Number.MAX_SAFE_INTEGER, 946684799999]) {
      const body = await desk.call('appointments.create', {
        serviceId: service.id,
        start,
        customer: { name: 'Far Future', phone: '07911 123456' },
      });
      expect(body, String(start)).toMatchObject(refusedAt('start', RANGE));
    }
    await stillAnswering();
  });

  it('refuses to move an appointment to the largest safe integer', async () => {
    const listed = await desk.call('appointments.list', {
      from: 0,
      to: Date.UTC(2200, 0, 1),
    });
    const [appointment] = listed.ok ? listed.value : [];
    const body = await desk.call('appointments.reschedule', {
      id: appointment!.id,
      start: Number.MAX_SAFE_INTEGER,
    });
    expect(body).toMatchObject(refusedAt('start', RANGE));
    await stillAnswering();
  });

  it('refuses time off and a listed period beyond the range', async () => {
    const service = await firstService();
    const timeOff = await desk.call('timeOff.create', {
      staffId: service.staffIds[0]!,
      startAt: Date.UTC(2026, 0, 1),
      endAt: 8.64e15,
    });
    expect(timeOff).toMatchObject(refusedAt('endAt', RANGE));
    const listed = await desk.call('appointments.list', { from: 0, to: 8.64e15 });
    expect(listed).toMatchObject(refusedAt('to', RANGE));
    await stillAnswering();
  });

  it('refuses availability from the year 9999, naming from', async () => {
    const service = await firstService();
    for (const from of ['9999-12-31', '1999-12-31']) {
      const body = await desk.call('availability.get', { serviceId: service.id, from, days: 62 });
      expect(body, from).toMatchObject(refusedAt('from', DATE_RANGE));
    }
    // The last day of the range still answers, 62 days running into 2201 and all.
    const body = await desk.call('availability.get', {
      serviceId: service.id,
      from: '2200-12-31',
      days: 62,
    });
    expect(body).toMatchObject({ ok: true, value: { timeZone: 'Europe/London' } });
  });
});

describe('a public client', () => {
  it('is refused a booking in the year 9999, naming start (422)', async () => {
    const service = await firstService();
    const answer = await send(`${server.publicUrl}/api/bookings`, {
      method: 'POST',
      body: {
        service_id: service.id,
        start: '9999-12-31T09:00:00+00:00',
        customer: { name: 'Far Future', phone: '07911 123456' },
      },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject(publicRefusalAt('start', RANGE));
    await stillAnswering();
  });

  it('is refused availability from the year 9999 with a 422 naming from, not a 500', async () => {
    const service = await firstService();
    const answer = await send(
      `${server.publicUrl}/api/availability?service_id=${service.id}&from=9999-12-31&days_ahead=62`,
    );
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject(publicRefusalAt('from', DATE_RANGE));
    await stillAnswering();
  });
});
