// The Electron window's preload as built (dist/preload.cjs), run the way a sandboxed preload runs:
// a require() that knows only 'electron' (here a stand-in recording what the preload does, since
// Electron's binary cannot run on this machine). It exposes exactly one API; only contract
// channels reach IPC, and only contract events reach the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_IPC, RPC_IPC } from '../../preload/ipc-names.js';
import { repoRoot } from '../support/server-process.js';

type Handler = (event: unknown, ...args: unknown[]) => void;

interface Exposed {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Handler>>();
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: 'answered' };
      },
      on: (channel: string, handler: Handler) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(handler);
      },
      removeListener: (channel: string, handler: Handler) =>
        listeners.get(channel)?.delete(handler),
    },
  };
  const requireInSandbox = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const source = readFileSync(join(repoRoot, 'dist', 'preload.cjs'), 'utf8');
  const module = { exports: {} };
  runInNewContext(source, { require: requireInSandbox, module, exports: module.exports });
  const send = (name: unknown, payload: unknown) => {
    for (const handler of listeners.get(EVENT_IPC) ?? []) handler({}, name, payload);
  };
  return { exposed, invoked, listeners, send };
}

describe('the Electron preload, as bundled', () => {
  let preload: ReturnType<typeof loadPreload>;
  let api: Exposed;

  beforeAll(() => {
    preload = loadPreload();
    api = preload.exposed.get('bookingSync') as Exposed;
  });

  it('carries the names only: no zod, no schemas, a few kilobytes', () => {
    const source = readFileSync(join(repoRoot, 'dist', 'preload.cjs'), 'utf8');
    // Was about 460 KB with the whole contract bundled in; now about 2 KB.
    expect(source.length).toBeLessThan(16 * 1024);
    expect(source).not.toMatch(/ZodError|_zod|safeParse/);
  });

  it('needs nothing but electron and exposes one API with invoke and subscribe', () => {
    expect([...preload.exposed.keys()]).toEqual(['bookingSync']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards contract channels over IPC and refuses any other name without calling IPC', async () => {
    expect(await api.invoke('settings.get', {})).toEqual({ ok: true, value: 'answered' });
    expect(preload.invoked).toEqual([[RPC_IPC, 'settings.get', {}]]);
    const refused = (await api.invoke('fs.readFile', { path: '/etc/passwd' })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('VALIDATION');
    expect(await api.invoke('__proto__', {})).toMatchObject({ ok: false });
    expect(preload.invoked).toHaveLength(1);
  });

  it('passes contract events to the page, drops others, and unsubscribes once', () => {
    const seen: [string, unknown][] = [];
    const stop = api.subscribe((event, payload) => seen.push([event, payload]));
    const payload = { appointmentId: 'apt_1', status: 'confirmed', change: 'created' };
    preload.send('appointments.changed', payload);
    preload.send('shell.exec', { command: 'rm -rf /' });
    preload.send(42, {});
    expect(seen).toEqual([['appointments.changed', payload]]);
    stop();
    stop();
    preload.send('appointments.changed', payload);
    expect(seen).toHaveLength(1);
    expect(preload.listeners.get(EVENT_IPC)?.size).toBe(0);
  });
});
