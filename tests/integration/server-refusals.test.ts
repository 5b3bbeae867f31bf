// What `npm run serve` does with a database it must not touch.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { knownMigrations } from '../../db/open.js';
import { tempDir } from '../support/app.js';
import { onLoopback, runServerToExit } from '../support/server-process.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

it('refuses a database from a newer BookingSync with one line and exit code 2, file untouched', async () => {
  const path = join(dir.path, 'future.sqlite');
  const future = new Database(path);
  future.exec("create table staff (id text); insert into staff values ('from the future')");
  future.pragma(`user_version = ${knownMigrations().length + 5}`);
  future.close();
  const before = readFileSync(path);

  const result = await runServerToExit(['--db', path, ...onLoopback]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/written by a newer BookingSync/);
  expect(readFileSync(path).equals(before)).toBe(true);
});

it('refuses a file that is not a database with one line and exit code 2', async () => {
  const path = join(dir.path, 'notes.txt');
  writeFileSync(path, 'this is not a database, it is a shopping list\n'.repeat(100));
  const result = await runServerToExit(['--db', path, ...onLoopback]);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/cannot open the database .*notes\.txt/);
  expect(readFileSync(path, 'utf8')).toMatch(/^this is not a database/);
});
