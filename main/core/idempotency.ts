// Retried writes (a flaky phone connection, a double click) must not book twice. The first answer
// to a key is stored; the same key with the same request gets that answer again, with another
// request it is a conflict. Runs inside the caller's transaction.
//
// A remembered answer can hold a secret (a booking's manage token, which is otherwise stored only
// hashed), so neither the key nor the answer is kept readable: the row is found by a hash of the
// key and the answer is sealed with AES-256-GCM under a second hash of it. Only a client that
// still holds the key can read its answer back; a copied database file cannot.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema.js';
import type { Db } from '../../db/open.js';
import { ConflictError } from './errors.js';

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

function derive(purpose: 'row' | 'seal', key: string): Buffer {
  return createHash('sha256').update(`bookingsync/idempotency/${purpose}\0${key}`).digest();
}

function seal(key: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive('seal', key), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'))].join(
    '.',
  );
}

function unseal(key: string, sealed: string): unknown {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) {
    throw new Error('Unreadable remembered answer');
  }
  const decipher = createDecipheriv(
    'aes-256-gcm',
    derive('seal', key),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
  return JSON.parse(text);
}

export type Remembered<T> = { replayed: true; value: T } | { replayed: false };

export function recall<T>(db: Db, scope: string, key: string, hash: string): Remembered<T> {
  const row = db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, scope),
        eq(idempotencyKeys.key, derive('row', key).toString('hex')),
      ),
    )
    .get();
  if (!row) return { replayed: false };
  if (row.requestHash !== hash) {
    throw new ConflictError('This Idempotency-Key was already used for a different request', {
      field: 'idempotencyKey',
    });
  }
  return { replayed: true, value: unseal(key, row.response) as T };
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
    .values({
      scope,
      key: derive('row', key).toString('hex'),
      requestHash: hash,
      response: seal(key, value),
      createdAt: now,
    })
    .run();
}
