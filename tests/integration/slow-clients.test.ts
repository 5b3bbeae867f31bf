// A client that announces a body and never sends it must not keep its socket: both listeners give
// a request a limited time to arrive, then answer 408 and close. Raw sockets on loopback, because
// fetch cannot stall halfway through a body; the limit is shortened so the test is quick.
import { get } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host.js';
import { tempDir } from '../support/app.js';

const LIMIT_MS = 300;
/** Far beyond the limit; a socket still open then is held for good. */
const PATIENCE_MS = 5_000;

let host: RunningHost | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await host?.close();
  dir?.remove();
  host = dir = undefined;
});

async function start(): Promise<RunningHost> {
  dir = tempDir();
  host = await startHost({
    dbPath: join(dir.path, 'business.sqlite'),
    host: '127.0.0.1',
    port: 0,
    adminPort: 0,
    log: () => {},
    publicApi: { requestTimeoutMs: LIMIT_MS },
    adminApi: { requestTimeoutMs: LIMIT_MS },
  });
  return host;
}

/** Sends the head and one byte of a 100-byte body, then waits for the server to close. */
function stall(url: string, path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<{ answer: string; closedAfterMs: number }>((resolve, reject) => {
    const began = Date.now();
    const socket = connect(Number(port), hostname);
    let answer = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${PATIENCE_MS} ms; answered so far: ${answer}`));
    }, PATIENCE_MS);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ answer, closedAfterMs: Date.now() - began });
    });
    const head = [
      `POST ${path} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      'Content-Type: application/json',
      'Content-Length: 100',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n{`);
  });
}

describe('a request body that never finishes', () => {
  it('is answered 408 and closed by the public listener', async () => {
    const running = await start();
    const stalled = await stall(running.publicUrl, '/api/bookings');
    expect(stalled.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(stalled.answer).toContain('"code":"VALIDATION"');
    expect(stalled.closedAfterMs).toBeGreaterThanOrEqual(LIMIT_MS);
    // Others are served meanwhile and after.
    expect((await fetch(`${running.publicUrl}/healthz`)).status).toBe(200);
  });

  it('is answered 408 and closed by the receptionist listener', async () => {
    const running = await start();
    const stalled = await stall(running.adminUrl, '/rpc/settings.get', {
      Authorization: `Bearer ${running.adminToken}`,
    });
    expect(stalled.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(stalled.closedAfterMs).toBeGreaterThanOrEqual(LIMIT_MS);
  });

  it('leaves the desk event stream open: its request has arrived in full', async () => {
    const running = await start();
    const { origin } = new URL(running.adminUrl);
    const received = await new Promise<string>((resolve, reject) => {
      const request = get(
        `${origin}/events`,
        { headers: { authorization: `Bearer ${running.adminToken}` } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('event: customers.changed')) {
              request.destroy();
              resolve(text);
            }
          });
          response.on('close', () => reject(new Error(`stream closed; got: ${text}`)));
          // Well past the limit, then something happens at the desk.
          setTimeout(() => {
            void running.app.router.dispatch('customers.create', {
              name: 'Late Arrival',
              email: 'late@example.com',
            });
          }, 4 * LIMIT_MS);
        },
      );
      request.on('error', reject);
    });
    expect(received).toContain('event: customers.changed');
  });
});
