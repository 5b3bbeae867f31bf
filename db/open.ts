// Opens the business's database: one better-sqlite3 connection, WAL, foreign keys on, migrations
// applied. A file written by a newer BookingSync is refused before anything touches it.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function knownMigrations(folder = migrationsFolder): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
  constructor(
    readonly path: string,
    readonly fileVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `${path} was written by a newer BookingSync (schema ${fileVersion}, this version knows ${codeVersion}). ` +
        'Update BookingSync to open it; the file was left untouched.',
    );
  }
}

/**
 * Schema version = number of migrations applied, kept in PRAGMA user_version so that anyone with
 * the sqlite3 shell can read it. Checked on a read-only handle so a refused file is not modified
 * (not even switched to WAL).
 */
function assertNotNewer(path: string, codeVersion: number): void {
  if (!existsSync(path)) return;
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const fileVersion = probe.pragma('user_version', { simple: true }) as number;
    if (fileVersion > codeVersion) throw new DatabaseTooNewError(path, fileVersion, codeVersion);
  } finally {
    probe.close();
  }
}

export interface OpenOptions {
  /** Only for migration tests: stop after this many migrations. */
  migrationsFolder?: string;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const folder = options.migrationsFolder ?? migrationsFolder;
  const codeVersion = knownMigrations(folder).length;
  if (path !== ':memory:') {
    assertNotNewer(path, codeVersion);
    mkdirSync(dirname(path), { recursive: true });
  }
  const client = new Database(path);
  try {
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = NORMAL');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    // Savepoints (a booking inside a group commit, its messages inside the booking) journal every
    // page they touch first; in memory rather than in a temporary file.
    client.pragma('temp_store = MEMORY');
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder: folder });
    client.pragma(`user_version = ${codeVersion}`);
    return db;
  } catch (error) {
    client.close();
    throw error;
  }
}

/** Checkpoint the WAL into the main file and close; safe to call twice. */
export function closeDatabase(db: Db): void {
  const client = db.$client;
  if (!client.open) return;
  try {
    client.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    client.close();
  }
}
