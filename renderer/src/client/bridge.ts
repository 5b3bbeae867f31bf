// The host's bridge on `window.bookingSync`: Electron's preload or server mode's bridge.js put it
// there before the UI runs. Typed here from the contract alone, because the renderer may import
// nothing else from outside renderer/; both preloads satisfy this shape structurally.
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  Envelope,
  EventName,
  EventPayload,
} from '../../../preload/contract/index.js';

export interface Bridge {
  invoke<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<Envelope<ChannelOutput<C>>>;
  subscribe(
    listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void,
  ): () => void;
}

export function bridge(): Bridge {
  const found = (window as { bookingSync?: Bridge }).bookingSync;
  if (!found)
    throw new Error('BookingSync bridge missing: open the UI through the app or the admin address');
  return found;
}
