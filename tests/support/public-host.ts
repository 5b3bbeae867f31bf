// The whole server in-process (both listeners, real sockets on loopback, a temporary SQLite file)
// holding the test salon of app.ts, with a clock the test moves by hand.
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../main/host.js';
import type { PublicApiOptions } from '../../main/http/public-api.js';
import {
  london,
  seedTestSalon,
  tempDir,
  testClock,
  type TestClock,
  type TestSalon,
} from './app.js';
import { rpcClient, type RpcClient } from './rpc.js';

export interface PublicHost extends TestSalon {
  host: RunningHost;
  /** The host's RPC, as the desk calls it. */
  desk: RpcClient;
  clock: TestClock;
  /** http://127.0.0.1:PORT of the public listener. */
  url: string;
  close(): Promise<void>;
}

export async function startPublicHost(
  publicApi: Omit<PublicApiOptions, 'log'> = {},
  log: (message: string, error?: unknown) => void = () => {},
): Promise<PublicHost> {
  const dir = tempDir();
  const clock = testClock(london('2026-11-30', '08:00'));
  const host = await startHost({
    dbPath: join(dir.path, 'business.sqlite'),
    clock,
    host: '127.0.0.1',
    port: 0,
    adminPort: 0,
    log,
    publicApi,
  });
  return {
    host,
    desk: rpcClient(() => host.app.router),
    clock,
    url: host.publicUrl,
    ...seedTestSalon(host.app),
    async close() {
      await host.close();
      dir.remove();
    },
  };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** fetch, then the JSON body (every answer of the public API is JSON except /docs). */
export async function call<T = Record<string, unknown>>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const hasBody = init.body !== undefined;
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(hasBody
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
      : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as T };
}

/** A GET without fetch's own decoding, so the bytes on the wire can be checked. */
export function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The error body of a refusal from the public API. */
export interface Failure {
  error: {
    code: string;
    message: string;
    details: { fields?: { field: string }[]; field?: string; [key: string]: unknown };
  };
}

/** The fields a refusal names, as the client spelled them. */
export const fieldsOf = (failure: Failure) => failure.error.details.fields?.map((f) => f.field);

/** How many appointments the host's database holds (what a refusal must leave unchanged). */
export function appointmentCount(server: PublicHost): number {
  return server.host.app.db.$client
    .prepare('select count(*) from appointments')
    .pluck()
    .get() as number;
}
