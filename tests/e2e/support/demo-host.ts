// Server mode in-process on a fresh demo database, and the same RPC the UI uses straight into its
// core ("another window"), for every browser journey.
import { startHost, type HostOptions, type RunningHost } from '../../../main/host.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../../preload/contract/index.js';
import { tempDir } from '../../support/app.js';
import { rpcClient } from '../../support/rpc.js';

export interface DemoHost {
  host: RunningHost;
  rpc<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Stops the host and removes its folder; safe to call twice. */
  close(): Promise<void>;
}

/** `options.clock`: a core clock the test moves (the browser's is moved with Playwright's). */
export async function startDemoHost(
  prefix: string,
  options: Pick<HostOptions, 'clock'> = {},
): Promise<DemoHost> {
  const dir = tempDir(prefix);
  let host: RunningHost;
  try {
    host = await startHost({
      demo: true,
      dbPath: `${dir.path}/demo.sqlite`,
      host: '127.0.0.1',
      port: 0,
      adminPort: 0,
      log: () => {},
      ...options,
    });
  } catch (error) {
    dir.remove();
    throw error;
  }
  return {
    host,
    rpc: rpcClient(() => host.app.router).value,
    async close() {
      await host.close();
      dir.remove();
    },
  };
}
