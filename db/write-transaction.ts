// Writes on the booking path run in transactions built once, at service creation.
//
// drizzle's db.transaction builds a new better-sqlite3 wrapper (four variants, each with its
// properties) and a new transaction object with a query builder for the whole schema on every
// call; on a booking, which opens three nested ones (the group's savepoint, the booking's, its
// messages'), that was several per cent of the request. better-sqlite3's own wrapper, made once,
// takes its arguments per call and does the same thing: BEGIN IMMEDIATE at the outside, a
// savepoint when the caller is already inside a transaction, rollback on a throw.
import type { Db } from './open.js';

export type WriteTransaction<A extends unknown[], R> = (...args: A) => R;

/** `write` as one IMMEDIATE transaction (or a savepoint of the caller's). */
export function immediateWrite<A extends unknown[], R>(
  db: Db,
  write: (...args: A) => R,
): WriteTransaction<A, R> {
  const transaction = db.$client.transaction(write);
  return (...args) => transaction.immediate(...args);
}
