// Admin API keys for the seed's customer routes on the public listener. A key is shown once, when
// it is made; the database keeps only its SHA-256, so a copied database file opens no doors.
import { createHash, randomBytes } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { apiKeys } from '../../db/schema.js';
import type { ApiKey } from '../../preload/contract/index.js';
import { NotFoundError } from '../core/errors.js';
import type { Core } from '../core/context.js';

type ApiKeyRow = typeof apiKeys.$inferSelect;

/** Like Stripe's `sk_live_`: a key pasted somewhere it should not be is recognisable by sight. */
export const API_KEY_PREFIX = 'bs_live_';
/** Enough of the key to tell keys apart in the settings screen, far too little to guess the rest. */
const DISPLAY_CHARS = API_KEY_PREFIX.length + 6;

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}

export function createApiKeyService(core: Core) {
  const { db, clock, newId } = core;
  // Asked on every customer-API request: prepared once.
  const byHash = db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, sql.placeholder('hash')))
    .prepare();

  return {
    list(): ApiKey[] {
      return (
        db
          .select()
          .from(apiKeys)
          // Keys made in the same millisecond stay in the order they were made (ids are random).
          .orderBy(asc(apiKeys.createdAt), asc(sql`rowid`))
          .all()
          .map(toApiKey)
      );
    },

    /** The only time the key itself exists outside the caller's hands. */
    create(input: { name: string }): ApiKey & { key: string } {
      const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row = db
        .insert(apiKeys)
        .values({
          id: newId('key'),
          name: input.name.trim(),
          keyHash: hashKey(key),
          prefix: key.slice(0, DISPLAY_CHARS),
          createdAt: clock.now(),
          revokedAt: null,
        })
        .returning()
        .get();
      return { ...toApiKey(row), key };
    },

    /** Revoking twice keeps the first revocation time. */
    revoke(id: string): ApiKey {
      const row = db
        .update(apiKeys)
        .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${clock.now()})` })
        .where(eq(apiKeys.id, id))
        .returning()
        .get();
      if (!row) throw new NotFoundError('API key', id);
      return toApiKey(row);
    },

    /**
     * The live key a presented secret names, or null. Looked up by its SHA-256 rather than compared
     * with timingSafeEqual: the index walk's timing can at most reveal how much of the *hash* of
     * the attacker's own guess matches a stored hash, which does not help find a key (that would
     * need a SHA-256 preimage), so a lookup by hash is constant-time enough.
     */
    verify(presented: string): ApiKey | null {
      if (!presented.startsWith(API_KEY_PREFIX)) return null;
      const row = byHash.get({ hash: hashKey(presented) });
      if (!row || row.revokedAt !== null) return null;
      return toApiKey(row);
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
