// `npm run serve -- [--demo] [--db FILE] [--host H] [--port N] [--admin-port N] [--trust-proxy …]
// [--verbose]`. Runs BookingSync under plain Node: the public listener and the receptionist's
// listener on loopback. Prints exactly two ready lines; then, on stderr, a line for each request
// the listener failed (with --verbose, for every request). A bad flag is its reason and the usage
// line, a busy port one line; both exit 2.
import { parseArgs } from 'node:util';
import { DatabaseTooNewError } from '../db/open.js';
import { parseTrustedProxies } from './http/hardening.js';
import { startHost, type RunningHost } from './host.js';
import { defaultDatabasePath } from './paths.js';

const usage =
  'usage: npm run serve -- [--demo] [--db FILE] [--host H] [--port N] [--admin-port N] [--trust-proxy ADDR[,ADDR…]] [--verbose]';

function fail(message: string): never {
  process.stderr.write(`bookingsync: ${message}\n`);
  process.exit(2);
}

function port(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    fail(`${flag} must be a port number from 0 to 65535, got "${value}"`);
  return n;
}

function readFlags() {
  try {
    const { values } = parseArgs({
      options: {
        demo: { type: 'boolean', default: false },
        db: { type: 'string' },
        host: { type: 'string', default: '0.0.0.0' },
        port: { type: 'string' },
        'admin-port': { type: 'string' },
        'trust-proxy': { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    return {
      demo: values.demo,
      verbose: values.verbose,
      dbPath: values.db ?? defaultDatabasePath(),
      host: values.host,
      port: port(values.port, '--port', 8787),
      adminPort: port(values['admin-port'], '--admin-port', 8788),
      trustProxy:
        values['trust-proxy'] === undefined ? [] : parseTrustedProxies(values['trust-proxy']),
    };
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}

function describeStartError(error: unknown, flags: ReturnType<typeof readFlags>): string {
  if (error instanceof DatabaseTooNewError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const address = (error as { address?: string; port?: number } | undefined) ?? {};
  if (code === 'EADDRINUSE') {
    return `port ${address.port ?? ''} on ${address.address ?? flags.host} is already in use (choose another with --port/--admin-port, 0 = any free port)`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `cannot listen on host ${flags.host}`;
  if (code === 'EACCES') return `not allowed to listen on that port (${address.port ?? ''})`;
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_NOTADB') {
    return `cannot open the database ${flags.dbPath}: ${(error as Error).message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const flags = readFlags();
  let running: RunningHost;
  try {
    running = await startHost({
      ...flags,
      publicApi: {
        logRequests: flags.verbose ? true : 'failures',
        trustProxy: flags.trustProxy,
      },
    });
  } catch (error) {
    fail(describeStartError(error, flags));
  }
  process.stdout.write(`public: ${running.publicUrl}\nadmin: ${running.adminUrl}\n`);
  const stop = (signal: NodeJS.Signals) => {
    void running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`bookingsync: error while stopping on ${signal}: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
