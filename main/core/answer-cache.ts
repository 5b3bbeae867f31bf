// Answers worth keeping while nothing has changed: the widget's availability, which many visitors
// ask for the same service and week, and which costs a schedule read, the engine and formatting.
//
// "Nothing has changed" is asked of SQLite itself rather than of every place that writes: any row
// this connection inserts, updates or deletes raises total_changes(), and any commit by another
// connection to the same file raises PRAGMA data_version. Either one empties the cache, so no
// write path (a booking, an hours edit, a merge, a settings change) can be forgotten; the price is
// that unrelated writes (a reminder marked sent) empty it too. Time is the other input: every
// entry carries the instant until which it holds, chosen by whoever stores it.
//
// A module that alone writes the tables its answers come from (the catalog's services and staff)
// may instead keep them through its own connection's writes, which a booking makes many of, and
// clear() after each write of its own; another program's commit still empties the cache.
import type { Db } from '../../db/open.js';

export interface AnswerCache<T> {
  get(key: string, now: number): T | undefined;
  set(key: string, value: T, validUntil: number): void;
  /** Empties the cache: for the owner of the data, after it writes ('others commits'). */
  clear(): void;
}

export interface AnswerCacheOptions {
  maxEntries?: number;
  /** What empties the cache besides clear(): any write (the default), or other programs' commits. */
  dropOn?: 'any write' | 'others commits';
}

export function createAnswerCache<T>(db: Db, options: AnswerCacheOptions = {}): AnswerCache<T> {
  const { maxEntries = 500, dropOn = 'any write' } = options;
  const client = db.$client;
  const ownChanges = client.prepare('select total_changes()').pluck();
  const othersCommits = client.prepare('pragma data_version').pluck();
  const entries = new Map<string, { value: T; validUntil: number }>();
  let seenVersion = '';

  function dropIfDataChanged(): void {
    const others = String(othersCommits.get());
    const version = dropOn === 'any write' ? `${String(ownChanges.get())}/${others}` : others;
    if (version === seenVersion) return;
    seenVersion = version;
    entries.clear();
  }

  return {
    get(key, now) {
      dropIfDataChanged();
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.validUntil > now) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key, value, validUntil) {
      dropIfDataChanged();
      // Oldest first out: Map keeps insertion order.
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { value, validUntil });
    },
    clear() {
      entries.clear();
    },
  };
}
