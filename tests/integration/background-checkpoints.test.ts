// The WAL is copied into the database file by a worker thread while the app runs, not by the
// commit that happens to cross SQLite's threshold (db/checkpoints.ts). What a business would
// notice: the main file holds its bookings while the app is still open (a backup tool copying
// only bookingsync.sqlite gets them), and closing still leaves a whole, consistent file.
import Database from 'better-sqlite3';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../main/app.js';
import { tempDir } from '../support/app.js';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

/** Writes rows the size of a busy day's bookings and notes without going through a checkpoint. */
function writeCustomers(app: App, count: number): void {
  for (let i = 0; i < count; i++) {
    app.services.customers.create(
      {
        name: `Customer ${i}`,
        email: `customer${i}@example.com`,
        notes: 'x'.repeat(500),
      },
      'desk',
    );
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

function customersInMainFile(dbPath: string): number {
  // A copy of the main file alone, without its -wal: what a file-level backup would take.
  const copy = `${dbPath}.backup`;
  copyFileSync(dbPath, copy);
  let reader: Database.Database | undefined;
  try {
    reader = new Database(copy, { readonly: true });
    return (reader.prepare('select count(*) as n from customers').get() as { n: number }).n;
  } catch {
    return 0; // copied mid-checkpoint, or before the schema reached the file: look again
  } finally {
    reader?.close();
  }
}

describe('background checkpoints', () => {
  function open(backgroundCheckpoints: boolean): { app: App; dbPath: string } {
    const dir = tempDir();
    dirs.push(dir);
    const dbPath = join(dir.path, 'studio.sqlite');
    return { app: createApp({ dbPath, backgroundCheckpoints, log: () => {} }), dbPath };
  }

  it('copies committed writes into the database file while the app stays open', async () => {
    const { app, dbPath } = open(true);
    try {
      const before = statSync(dbPath).size;
      writeCustomers(app, 200);
      expect(await until(() => customersInMainFile(dbPath) === 200, 5000)).toBe(true);
      expect(statSync(dbPath).size).toBeGreaterThan(before);
    } finally {
      app.close();
    }
    const check = new Database(dbPath, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((check.prepare('select count(*) as n from customers').get() as { n: number }).n).toBe(
      200,
    );
    check.close();
  });

  it('without the worker, the same writes wait in the WAL until a commit checkpoints them', async () => {
    const { app, dbPath } = open(false);
    try {
      writeCustomers(app, 200);
      // Given the worker's chance (more than its 1 s period), nothing copies them.
      expect(await until(() => customersInMainFile(dbPath) === 200, 1500)).toBe(false);
    } finally {
      app.close();
    }
    expect(customersInMainFile(dbPath)).toBe(200);
  });
});
