// Behind a reverse proxy or tunnel every customer arrives from the proxy's address. With the proxy
// trusted, X-Forwarded-For names the client the booking-write limit counts; without it, the header
// is the customer's own word and is ignored, so a script cannot dodge the limit by varying it.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app.js';
import { parseTrustedProxies } from '../../main/http/hardening.js';
import { tempDir } from '../support/app.js';
import { call, startPublicHost, type PublicHost } from '../support/public-host.js';
import {
  adminClient,
  onLoopback,
  runServerToExit,
  startServer,
  type ServerProcess,
} from '../support/server-process.js';

let server: PublicHost | undefined;
let child: ServerProcess | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await server?.close();
  await child?.stop();
  dir?.remove();
  server = child = dir = undefined;
});

const oneWrite = { max: 1, windowMs: 60_000 };

/** A booking write that fails validation still spends the client's budget, and stores nothing. */
function write(url: string, forwardedFor: string) {
  return call(`${url}/api/bookings`, {
    method: 'POST',
    body: '{}',
    headers: { 'x-forwarded-for': forwardedFor },
  });
}

describe('booking-write limit behind a proxy', () => {
  it('counts each forwarded client on its own when the proxy is trusted', async () => {
    server = await startPublicHost({ bookingWriteLimit: oneWrite, trustProxy: ['127.0.0.1'] });
    expect((await write(server.url, '203.0.113.5')).status).toBe(422);
    expect((await write(server.url, '198.51.100.7')).status).toBe(422);
    // The same customer again is over its own budget…
    expect((await write(server.url, '203.0.113.5')).status).toBe(429);
    // …and a client address put in front by the customer does not reset it: only the hop the
    // trusted proxy appended (the right-most) names the client.
    expect((await write(server.url, '192.0.2.99, 203.0.113.5')).status).toBe(429);
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    server = await startPublicHost({ bookingWriteLimit: oneWrite });
    expect((await write(server.url, '203.0.113.5')).status).toBe(422);
    const spoofed = await write(server.url, '198.51.100.7');
    expect(spoofed.status).toBe(429);
  });

  it('ignores X-Forwarded-For from an address that is not the trusted proxy', async () => {
    server = await startPublicHost({ bookingWriteLimit: oneWrite, trustProxy: ['10.0.0.0/8'] });
    expect((await write(server.url, '203.0.113.5')).status).toBe(422);
    expect((await write(server.url, '198.51.100.7')).status).toBe(429);
  });
});

describe('proxies saved at the desk (Settings → Connections)', () => {
  const save = (trustedProxies: string | null) =>
    server!.desk.call('connections.update', { trustedProxies });

  it('are believed from the next request on, without a restart, and forgotten when cleared', async () => {
    server = await startPublicHost({ bookingWriteLimit: oneWrite });
    expect((await write(server.url, '203.0.113.5')).status).toBe(422);
    // Everyone arrives from the tunnel's address: a second customer is refused with the first.
    expect((await write(server.url, '198.51.100.7')).status).toBe(429);

    expect(await save(' 127.0.0.1 ,10.0.0.0/8')).toMatchObject({
      ok: true,
      value: { trustedProxies: '127.0.0.1, 10.0.0.0/8' },
    });
    expect((await write(server.url, '192.0.2.10')).status).toBe(422);
    expect((await write(server.url, '192.0.2.11')).status).toBe(422);
    expect((await write(server.url, '192.0.2.10')).status).toBe(429);

    await save('');
    expect(server.host.app.services.connections.get().trustedProxies).toBeNull();
    // Counted under the tunnel's address again, which is over its budget.
    expect((await write(server.url, '192.0.2.12')).status).toBe(429);
  });

  it('refuses what is not an address or range, by field, and keeps the saved list', async () => {
    server = await startPublicHost({ bookingWriteLimit: oneWrite });
    await save('127.0.0.1');
    const refused = await save('127.0.0.1, everyone');
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: {
          fields: [{ field: 'trustedProxies', message: expect.stringContaining('"everyone"') }],
        },
      },
    });
    expect(server.host.app.services.connections.get().trustedProxies).toBe('127.0.0.1');
    expect((await write(server.url, '203.0.113.5')).status).toBe(422);
    expect((await write(server.url, '198.51.100.7')).status).toBe(422);
  });
});

describe('a range the listener cannot apply (proxy-addr refuses /0: every address)', () => {
  it('is refused at the field when saved, and the saved list is kept', async () => {
    server = await startPublicHost({ bookingWriteLimit: oneWrite });
    await server.host.app.router.dispatch('connections.update', { trustedProxies: '127.0.0.1' });
    for (const everyone of ['::/0', '0.0.0.0/0', '127.0.0.1, 10.0.0.0/00']) {
      const refused = await server.host.app.router.dispatch('connections.update', {
        trustedProxies: everyone,
      });
      expect(refused, everyone).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          details: {
            fields: [
              { field: 'trustedProxies', message: expect.stringContaining('every address') },
            ],
          },
        },
      });
    }
    expect(server.host.app.services.connections.get()).toMatchObject({
      trustedProxies: '127.0.0.1',
      warnings: [],
    });
    // The listener still follows the list it had.
    expect((await write(server.url, '203.0.113.5')).status).toBe(422);
    expect((await write(server.url, '198.51.100.7')).status).toBe(422);
  });

  it('does not stop a start when it is already stored: logged, ignored, shown on the desk', async () => {
    dir = tempDir();
    const path = join(dir.path, 'x.sqlite');
    // As a version without the check left it: the value written straight into the row.
    createApp({ dbPath: path, log: () => {} }).close();
    const db = new Database(path);
    db.prepare(
      `insert into connection_settings (id, trusted_proxies, updated_at) values (1, '::/0', 0)
       on conflict (id) do update set trusted_proxies = excluded.trusted_proxies`,
    ).run();
    db.close();

    child = await startServer(['--db', path, ...onLoopback]);
    await expect
      .poll(() => child!.stderr())
      .toMatch(/saved trusted proxies ignored: "::\/0" is every address/);
    const connections = await adminClient(child).value('connections.get', {});
    expect(connections).toMatchObject({
      trustedProxies: '::/0',
      warnings: [{ field: 'trustedProxies', message: expect.stringContaining('"::/0"') }],
    });
    // Ignored: X-Forwarded-For is the customer's own word again, so both count as one client.
    const first = await write(child.publicUrl, '203.0.113.5');
    const second = await write(child.publicUrl, '198.51.100.7');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('29');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('28');
  });
});

describe('--trust-proxy', () => {
  it('is taken by npm run serve', async () => {
    dir = tempDir();
    child = await startServer([
      '--db',
      join(dir.path, 'x.sqlite'),
      ...onLoopback,
      '--trust-proxy',
      '127.0.0.1, ::1',
    ]);
    const first = await write(child.publicUrl, '203.0.113.5');
    const second = await write(child.publicUrl, '198.51.100.7');
    // Two clients, each with its own full budget less one.
    expect(first.headers.get('x-ratelimit-remaining')).toBe('29');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('29');
  });

  it('refuses what is not an address or range, with one line and exit code 2', async () => {
    for (const bad of ['loopback', '10.0.0.0/33', '', '300.1.1.1', '0.0.0.0/0']) {
      const result = await runServerToExit(['--trust-proxy', bad, ...onLoopback]);
      expect(result.code, bad).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^bookingsync: --trust-proxy/);
    }
  });

  it('reads a comma-separated list of addresses and CIDR ranges', () => {
    expect(parseTrustedProxies(' 10.0.0.1,192.168.0.0/16 , ::1,fd00::/8')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
    ]);
    expect(() => parseTrustedProxies('10.0.0.1/8/2')).toThrow(/"10.0.0.1\/8\/2"/);
  });
});
