// Server mode's bridge: what preload/electron.ts is to the Electron window, this script is to a
// browser tab on the admin listener. The admin listener injects it into index.html before the
// UI's bundle, and it exposes the same narrow API on `window.bookingSync`: invoke a contract
// channel (POST /rpc/:channel) and subscribe to contract events (SSE on /events). The token
// travels in the HttpOnly cookie the listener set when the page was opened with ?token=.
// Types only: the bridge stays about 2 KB instead of carrying zod. The router validates
// every input and the renderer's client validates every event payload against the contract.
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  Envelope,
  EventName,
  EventPayload,
} from './contract/index.js';
// The contract's event names, generated without its schemas (contract-names.ts).
import { eventNames } from './contract-names.js';

export type DeskEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface DeskBridge {
  invoke<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<Envelope<ChannelOutput<C>>>;
  /** Returns the function that unsubscribes; calling it twice is harmless. */
  subscribe(listener: DeskEventListener): () => void;
}

declare global {
  interface Window {
    bookingSync?: DeskBridge;
  }
}

function transportError(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INTEGRATION', message, details: {} } };
}

async function invoke<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Envelope<ChannelOutput<C>>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return transportError('BookingSync is not answering. Is the server still running?');
  }
  if (response.status === 401) {
    return transportError(
      'This page has lost its access. Open the admin address printed at start.',
    );
  }
  try {
    // The router answers every channel in the envelope; its outputs are already schema-checked.
    return (await response.json()) as Envelope<ChannelOutput<C>>;
  } catch {
    return transportError(`BookingSync answered ${response.status} without a readable body`);
  }
}

function subscribe(listener: DeskEventListener): () => void {
  const source = new EventSource('/events', { withCredentials: true });
  const handlers = new Map<string, (message: MessageEvent<string>) => void>();
  // One listener per contract event (SSE carries the name in `event:`), so an event the
  // contract does not name never reaches the UI.
  for (const name of eventNames) {
    const handler = (message: MessageEvent<string>) => {
      listener(name, JSON.parse(message.data) as EventPayload<typeof name>);
    };
    handlers.set(name, handler);
    source.addEventListener(name, handler);
  }
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    for (const [name, handler] of handlers) source.removeEventListener(name, handler);
    source.close();
  };
}

window.bookingSync = { invoke, subscribe };

// The cookie now carries the token; keep it out of the address bar, history and screenshots.
const url = new URL(window.location.href);
if (url.searchParams.has('token')) {
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}
