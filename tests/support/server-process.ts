// Starts the built server (dist/server.js, built once by tests/support/global-setup.ts) as a real
// child process, as `npm run serve` does, and reads its ready lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Envelope } from '../../preload/contract/index.js';
import { clientOver, type RpcClient } from './rpc.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  publicUrl: string;
  adminUrl: string;
  adminBase: string;
  token: string;
  stdout: () => string;
  stderr: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Flags for a server on loopback with both listeners on any free port. */
export const onLoopback = ['--host', '127.0.0.1', '--port', '0', '--admin-port', '0'];

/**
 * Calls contract channels on the admin listener, as the desk UI does. Every envelope comes with
 * status 200; any other status (a refused token is 401) throws, naming it.
 */
export function adminClient(s: ServerProcess, token = s.token): RpcClient {
  return clientOver(async (channel, input) => {
    const response = await fetch(`${s.adminBase}/rpc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    if (response.status !== 200) {
      throw new Error(`${channel}: HTTP ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as Envelope<unknown>;
  });
}

export function spawnServer(args: string[]): ChildProcess {
  return spawn(process.execPath, ['dist/server.js', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the server to completion (for flags that must fail) and returns what it printed. */
export async function runServerToExit(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnServer(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

export async function startServer(args: string[]): Promise<ServerProcess> {
  const child = spawnServer(args);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<{ publicUrl: string; adminUrl: string }>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const publicUrl = /^public: (\S+)$/m.exec(stdout)?.[1];
      const adminUrl = /^admin: (\S+)$/m.exec(stdout)?.[1];
      if (publicUrl && adminUrl) resolve({ publicUrl, adminUrl });
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before it was ready: ${stderr}`)),
    );
  });
  const { publicUrl, adminUrl } = await ready;
  const url = new URL(adminUrl);
  return {
    child,
    publicUrl,
    adminUrl,
    adminBase: url.origin,
    token: url.searchParams.get('token') ?? '',
    stdout: () => stdout,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit') as Promise<[number | null]>;
      child.kill(signal);
      const [code] = await exited;
      return code;
    },
  };
}
