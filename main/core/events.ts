// In-process event bus for the contract's events: the hosts forward them to the UI
// (Electron webContents.send, server mode's SSE), and services that act on committed changes
// (payments on a cancellation) listen too.
//
// The bus carries only committed facts. Writes go through `write`, the one way to open a
// transaction: an event emitted inside one waits until the outermost transaction commits, and is
// dropped with any savepoint or transaction that rolls back — so no desk window is told of a
// booking a group commit then undid. Work that must happen in the same commit as a change (its
// messages planned) is an explicit step of that write, never a listener.
//
// A write is better-sqlite3's own transaction wrapper, built once when the service is made: on a
// booking, drizzle's db.transaction rebuilt a wrapper and a query builder for the whole schema
// per call, three nested times, which was several per cent of the request.
import type { Db } from '../../db/open.js';
import type { EventName, EventPayload } from '../../preload/contract/index.js';

export type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface EventBus {
  /** Delivered now outside a transaction; inside one, after the outermost commit (or never). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Returns the function that unsubscribes; calling it twice is harmless. */
  subscribe(listener: Listener): () => void;
}

/** `work` as one IMMEDIATE transaction, or a savepoint when called inside another write. */
export type Write = <A extends unknown[], R>(work: (...args: A) => R) => (...args: A) => R;

export interface EventBusOptions {
  /** The database whose commits release held events; without one, events go out at once. */
  db?: Db;
  onListenerError?: (error: unknown) => void;
}

interface Held {
  event: EventName;
  payload: unknown;
}

export function createEventBus(options: EventBusOptions = {}): EventBus & { write: Write } {
  const { db, onListenerError } = options;
  const listeners = new Set<Listener>();
  // Events of the open write, in order; null when no write of ours is open.
  let held: Held[] | null = null;

  function deliver(event: EventName, payload: unknown): void {
    for (const listener of [...listeners]) {
      try {
        // Held events keep the payload type they were emitted with.
        listener(event, payload as EventPayload<typeof event>);
      } catch (error) {
        // One broken subscriber (a closed SSE socket) must not stop the others.
        onListenerError?.(error);
      }
    }
  }

  const write: Write = (work) => {
    if (!db) throw new Error('write() needs the database');
    const transaction = db.$client.transaction(work);
    return (...args) => {
      const outermost = held === null;
      if (outermost && db.$client.inTransaction) {
        // Its commit would be someone else's, and its events could outlive a rollback.
        throw new Error('write() inside a transaction it did not open');
      }
      const mark = held?.length ?? 0;
      if (outermost) held = [];
      let committed = false;
      try {
        const result = transaction.immediate(...args);
        committed = true;
        return result;
      } finally {
        if (outermost) {
          const ready = committed ? (held ?? []) : [];
          held = null;
          for (const { event, payload } of ready) deliver(event, payload);
        } else if (!committed && held) {
          held.length = mark; // this savepoint rolled back: so did what it announced
        }
      }
    };
  };

  return {
    emit(event, payload) {
      if (held) {
        held.push({ event, payload });
        return;
      }
      if (db?.$client.inTransaction) {
        throw new Error(`${event} emitted inside a transaction not opened by write()`);
      }
      deliver(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    write,
  };
}
