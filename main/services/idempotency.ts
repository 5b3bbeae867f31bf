// Retried writes (a flaky phone connection, a double click) must not book twice. The first answer
// to a key is stored; the same key with the same request gets that answer again, with another
// request it is a conflict. Runs inside the caller's transaction.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema.js';
import type { Db } from '../../db/open.js';
import { ConflictError } from '../errors.js';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}

export type Remembered<T> = { replayed: true; value: T } | { replayed: false };

export function recall<T>(db: Db, scope: string, key: string, hash: string): Remembered<T> {
  const row = db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .get();
  if (!row) return { replayed: false };
  if (row.requestHash !== hash) {
    throw new ConflictError('This Idempotency-Key was already used for a different request', {
      field: 'idempotencyKey',
    });
  }
  return { replayed: true, value: JSON.parse(row.response) as T };
}

export function remember(
  db: Db,
  scope: string,
  key: string,
  hash: string,
  value: unknown,
  now: number,
): void {
  db.insert(idempotencyKeys)
    .values({ scope, key, requestHash: hash, response: JSON.stringify(value), createdAt: now })
    .run();
}
