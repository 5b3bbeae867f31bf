// In-process event bus for the contract's events: the hosts forward them to the UI
// (Electron webContents.send, server mode's SSE).
import type { EventName, EventPayload } from '../../preload/contract.js';

export type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Returns the function that unsubscribes; calling it twice is harmless. */
  subscribe(listener: Listener): () => void;
}

export function createEventBus(onListenerError?: (error: unknown) => void): EventBus {
  const listeners = new Set<Listener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(event, payload);
        } catch (error) {
          // One broken subscriber (a closed SSE socket) must not stop the others.
          onListenerError?.(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
