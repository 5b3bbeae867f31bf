// Answers worth keeping while nothing has changed: the widget's availability, which many visitors
// ask for the same service and week, and which costs a schedule read, the engine and formatting.
//
// "Nothing has changed" is asked of SQLite itself rather than of every place that writes: any row
// this connection inserts, updates or deletes raises total_changes(), and any commit by another
// connection to the same file raises PRAGMA data_version. Either one empties the cache, so no
// write path (a booking, an hours edit, a merge, a settings change) can be forgotten; the price is
// that unrelated writes (a reminder marked sent) empty it too. Time is the other input: every
// entry carries the instant until which it holds, chosen by whoever stores it.
import type { Db } from '../../db/open.js';

export interface AnswerCache<T> {
  get(key: string, now: number): T | undefined;
  set(key: string, value: T, validUntil: number): void;
}

export function createAnswerCache<T>(db: Db, maxEntries = 500): AnswerCache<T> {
  const client = db.$client;
  const ownChanges = client.prepare('select total_changes()').pluck();
  const othersCommits = client.prepare('pragma data_version').pluck();
  const entries = new Map<string, { value: T; validUntil: number }>();
  let seenVersion = '';

  function dropIfDataChanged(): void {
    const version = `${String(ownChanges.get())}/${String(othersCommits.get())}`;
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
  };
}
