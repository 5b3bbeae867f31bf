// The Electron window's preload: what preload/browser.ts is to a browser tab on the admin
// listener. It runs sandboxed (only `electron` can be required, so esbuild bundles the contract's
// names in — the names alone, from contract-names.ts: dist/preload.cjs) and exposes one narrow API on `window.bookingSync` through
// contextBridge: invoke a contract channel, subscribe to contract events. Anything else the page
// asks for is refused here, and main/index.ts checks the sender and validates the input again.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Types only from the contract: its schemas (and zod) would make this file ~460 KB.
import { isChannel, isEventName } from './contract-names.js';
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  Envelope,
  EventName,
  EventPayload,
} from './contract/index.js';
import { EVENT_IPC, RPC_IPC } from './ipc-names.js';

type DeskEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The same shape as preload/browser.ts's bridge; renderer/src/client/bridge.ts types both. */
interface DeskBridge {
  invoke<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<Envelope<ChannelOutput<C>>>;
  subscribe(listener: DeskEventListener): () => void;
}

function refused(message: string): Envelope<never> {
  return { ok: false, error: { code: 'VALIDATION', message, details: {} } };
}

const bridge: DeskBridge = {
  async invoke<C extends Channel>(channel: C, input: ChannelInput<C>) {
    // The page is untrusted as far as this file knows: a name outside the contract never crosses.
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return refused(`Unknown channel ${String(channel)}`);
    }
    return (await ipcRenderer.invoke(RPC_IPC, channel, input)) as Envelope<ChannelOutput<C>>;
  },

  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      // Payloads are checked against the contract by the renderer's client (client/rpc.ts).
      if (typeof name === 'string' && isEventName(name)) {
        listener(name, payload as EventPayload<typeof name>);
      }
    };
    ipcRenderer.on(EVENT_IPC, handler);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      ipcRenderer.removeListener(EVENT_IPC, handler);
    };
  },
};

contextBridge.exposeInMainWorld('bookingSync', bridge);
