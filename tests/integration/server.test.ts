// Server mode as a user runs it: a real process, real sockets on loopback.
import Database from 'better-sqlite3';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  adminClient,
  onLoopback,
  runServerToExit,
  startServer,
  type ServerProcess,
} from '../support/server-process.js';
import { tempDir } from '../support/app.js';

let dir: ReturnType<typeof tempDir>;
let server: ServerProcess | undefined;

beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
  dir.remove();
});

describe('npm run serve', () => {
  it('prints exactly the two ready lines, serves both listeners, and stops cleanly', async () => {
    const db = join(dir.path, 'demo.sqlite');
    server = await startServer(['--demo', '--db', db, ...onLoopback]);
    const lines = server.stdout().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^public: http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toMatch(/^admin: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);

    expect(await (await fetch(`${server.publicUrl}/healthz`)).json()).toEqual({ ok: true });

    const services = (await (await fetch(`${server.publicUrl}/api/services`)).json()) as {
      services: { id: string; name: string; deposit: unknown; staff_ids: string[] }[];
    };
    expect(services.services).toHaveLength(5);
    const service = services.services[0]!;
    const availability = await fetch(
      `${server.publicUrl}/api/availability?service_id=${service.id}&days_ahead=7`,
    );
    expect(availability.status).toBe(200);
    const body = (await availability.json()) as {
      timezone: string;
      days: { date: string; slots: { start: string; end: string; staff_id: string }[] }[];
    };
    expect(body.timezone).toBe('Europe/London');
    expect(body.days).toHaveLength(7);
    const slot = body.days.flatMap((d) => d.slots)[0];
    expect(slot?.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
    expect(service.staff_ids).toContain(slot?.staff_id);

    // adminClient refuses any status but 200.
    const staff = await adminClient(server).call('staff.list', {});
    expect(staff).toMatchObject({ ok: true });
    expect(staff.ok && staff.value.length).toBe(3);

    expect(await server.stop('SIGTERM')).toBe(0);
    // A clean stop checkpoints the WAL into the main file.
    const file = new Database(db, { readonly: true });
    expect(file.prepare('select count(*) from staff').pluck().get()).toBe(3);
    file.close();
  });

  it('serves the interactive /docs and its Swagger UI files from the bundle', async () => {
    server = await startServer(['--db', join(dir.path, 'docs.sqlite'), ...onLoopback]);
    const page = await (await fetch(`${server.publicUrl}/docs`)).text();
    expect(page).toContain('<div id="swagger-ui"></div>');
    for (const name of ['swagger-ui-bundle.js', 'swagger-ui.css', 'start.js']) {
      const asset = await fetch(`${server.publicUrl}/docs/assets/${name}`);
      expect(asset.status, name).toBe(200);
    }
  });

  it('answers 401 on the admin listener without the token', async () => {
    server = await startServer(['--db', join(dir.path, 'x.sqlite'), ...onLoopback]);
    await expect(adminClient(server, 'wrong').call('staff.list', {})).rejects.toThrow(
      /^staff\.list: HTTP 401 /,
    );
    expect((await fetch(`${server.adminBase}/rpc/staff.list`, { method: 'POST' })).status).toBe(
      401,
    );
    expect((await fetch(`${server.adminBase}/`)).status).toBe(401);
    expect((await fetch(server.adminUrl)).status).toBe(200);
  });

  it('serves the desk UI files and nothing outside their folder', async () => {
    server = await startServer(['--db', join(dir.path, 'x.sqlite'), ...onLoopback]);
    const auth = { authorization: `Bearer ${server.token}` };
    const bridge = await fetch(`${server.adminBase}/bridge.js`, { headers: auth });
    expect(bridge.status).toBe(200);
    expect(bridge.headers.get('content-type')).toContain('text/javascript');
    // dist/server.js sits one folder above dist/renderer.
    const climbing = await fetch(`${server.adminBase}/assets/..%2f..%2fserver.js`, {
      headers: auth,
    });
    expect(climbing.status).toBe(404);
  });

  it('answers bad public input with the field at fault, never a stack trace', async () => {
    server = await startServer(['--db', join(dir.path, 'x.sqlite'), ...onLoopback]);
    const missing = await fetch(`${server.publicUrl}/api/availability?from=2026-13-01`);
    expect(missing.status).toBe(422);
    const body = (await missing.json()) as {
      error: { code: string; details: { fields: { field: string }[] } };
    };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.fields.map((f) => f.field).sort()).toEqual(['from', 'service_id']);
    const unknown = await fetch(`${server.publicUrl}/api/availability?service_id=svc_nope`);
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(await unknown.json())).not.toMatch(/at .*\.ts/);
  });

  it('streams appointment changes to the desk over SSE', async () => {
    server = await startServer(['--demo', '--db', join(dir.path, 'demo.sqlite'), ...onLoopback]);
    const controller = new AbortController();
    const events = await fetch(`${server.adminBase}/events`, {
      headers: { authorization: `Bearer ${server.token}` },
      signal: controller.signal,
    });
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const reader = events.body!.getReader();
    const desk = adminClient(server);
    const serviceId = (await desk.value('services.list', {}))[0]!.id;
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const free = await desk.value('availability.get', { serviceId, from: day, days: 7 });
    const slot = free.days.flatMap((d) => d.slots)[0]!;
    const created = await desk.call('appointments.create', {
      serviceId,
      staffId: slot.staffId,
      start: slot.start,
      customer: { name: 'Event Test', email: 'event@example.com' },
    });
    expect(created).toMatchObject({ ok: true });
    let text = '';
    while (!text.includes('appointments.changed')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain(`"appointmentId":"${created.ok && created.value.id}"`);
    controller.abort();
  });

  it('keeps stderr quiet for answered requests, and lists every request with --verbose', async () => {
    const db = join(dir.path, 'quiet.sqlite');
    server = await startServer(['--db', db, ...onLoopback]);
    await fetch(`${server.publicUrl}/healthz`);
    await fetch(`${server.publicUrl}/api/services`);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.stderr()).toBe('');

    server = await startServer(['--db', db, '--verbose', ...onLoopback]);
    await fetch(`${server.publicUrl}/healthz`);
    await fetch(`${server.publicUrl}/api/services`);
    await expect
      .poll(() => server!.stderr().trim().split('\n'))
      .toEqual([
        expect.stringMatching(/^GET \/healthz 200 \d+\.\d ms$/),
        expect.stringMatching(/^GET \/api\/services 200 \d+\.\d ms$/),
      ]);
  });

  it('fails with one line and exit code 2 on a bad flag', async () => {
    const result = await runServerToExit(['--prot', '80']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')[0]).toMatch(/^bookingsync: Unknown option '--prot'/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const badPort = await runServerToExit(['--port', 'eighty']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/--port must be a port number/);
  });

  it('fails with one line and exit code 2 when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runServerToExit([
        '--db',
        join(dir.path, 'x.sqlite'),
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--admin-port',
        '0',
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(new RegExp(`port ${port} .*already in use`));
    } finally {
      blocker.close();
    }
  });
});
