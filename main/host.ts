// Server mode without the command line: the core plus both listeners, started and stopped as one.
// main/server.ts is the CLI around it; integration tests start it in-process.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from './app.js';
import { createAdminApi, type AdminApiOptions } from './http/admin.js';
import { createPublicApi, type PublicApiOptions } from './http/public-api.js';
import { seedDemoBusiness } from './demo/index.js';

export interface HostOptions extends AppOptions {
  demo?: boolean;
  host?: string;
  port?: number;
  adminPort?: number;
  /** Fixed admin token for tests; a fresh random one per start otherwise. */
  adminToken?: string;
  /** Rate limit and request logging of the public listener. */
  publicApi?: Omit<PublicApiOptions, 'log'>;
  /** The receptionist listener's limits (tests shorten its request timeout). */
  adminApi?: Pick<AdminApiOptions, 'requestTimeoutMs'>;
}

export interface RunningHost {
  app: App;
  publicUrl: string;
  adminUrl: string;
  adminToken: string;
  /** Closes sockets, then checkpoints and closes the database; safe to call twice. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log =
    options.log ??
    ((message: string, error?: unknown) =>
      error === undefined ? console.error(message) : console.error(message, error));
  const app = createApp({ backgroundCheckpoints: true, ...options, log });
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  const publicApi = createPublicApi(app, { ...options.publicApi, log });
  const adminApi = createAdminApi(app, { ...options.adminApi, token: adminToken, log });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await Promise.allSettled([
        publicApi.close(),
        adminApi.close(),
        app.reminderLoop.stop(),
        app.paymentReconciler.stop(),
      ]);
      await app.close();
    })());
  try {
    if (options.demo) seedDemoBusiness(app, { now: app.core.clock.now() });
    const host = options.host ?? '0.0.0.0';
    await publicApi.listen({ host, port: options.port ?? 8787 });
    await adminApi.listen({ host: '127.0.0.1', port: options.adminPort ?? 8788 });
    // Only once both listeners are up: a host that fails to start sends nothing.
    await app.reminderLoop.start();
    const publicPort = (publicApi.server.address() as AddressInfo).port;
    const adminPort = (adminApi.server.address() as AddressInfo).port;
    const publicUrl = `http://${urlHost(host)}:${publicPort}`;
    // Links, checkout pages and the widget preview start from here (a wildcard bind becomes
    // loopback there: it is not an address a browser can open).
    app.services.publicAddress.setListening(publicUrl);
    app.paymentReconciler.start();
    return {
      app,
      publicUrl,
      adminUrl: `http://127.0.0.1:${adminPort}/?token=${adminToken}`,
      adminToken,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
