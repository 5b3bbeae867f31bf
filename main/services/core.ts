// What every service needs, passed explicitly: the one database connection, the clock, the id
// source and the event bus. Tests inject their own clock and ids instead of patching modules.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/open.js';
import type { EventBus } from '../events.js';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Prefixed random ids (`apt_…`, `cus_…`) so an id says what it names in logs and the sqlite shell. */
export type IdGenerator = (prefix: string) => string;

export const randomIds: IdGenerator = (prefix) =>
  `${prefix}_${randomBytes(10).toString('base64url')}`;

export interface Core {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  events: EventBus;
}
