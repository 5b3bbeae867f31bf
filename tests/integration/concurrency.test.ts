// Two bookings for one staff member never overlap, whatever arrives at once; a killed server
// leaves a sound database.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open.js';
import { createApp } from '../../main/app.js';
import { aroundTheClock, london, tempDir } from '../support/app.js';
import {
  adminClient,
  onLoopback,
  repoRoot,
  startServer,
  type ServerProcess,
} from '../support/server-process.js';

let dir: ReturnType<typeof tempDir>;
let server: ServerProcess | undefined;
beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
  dir.remove();
});

/** A one-person salon in London with a week of open hours, written to a file. */
function prepareBusiness(dbPath: string): { serviceId: string; staffId: string } {
  const app = createApp({ dbPath, log: () => {} });
  const s = app.services;
  s.settings.update({
    timeZone: 'Europe/London',
    country: 'GB',
    currency: 'GBP',
    horizonDays: 365,
  });
  const staffId = s.catalog.createStaff({ name: 'Alice' }).id;
  s.catalog.setHours(staffId, aroundTheClock);
  const serviceId = s.catalog.createService({
    name: 'Cut',
    durationMinutes: 30,
    priceAmount: 1000,
    staffIds: [staffId],
  }).id;
  app.close();
  return { serviceId, staffId };
}

function countAppointments(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare("select count(*) from appointments where status <> 'cancelled'")
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
}

const slotStart = london('2027-03-01', '10:00');

describe('racing for one slot', () => {
  it('200 requests over many HTTP connections: exactly one booking', async () => {
    const dbPath = join(dir.path, 'race.sqlite');
    const { serviceId, staffId } = prepareBusiness(dbPath);
    server = await startServer(['--db', dbPath, ...onLoopback]);
    const s = server;
    const desk = adminClient(s);
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const answer = await desk.call('appointments.create', {
          serviceId,
          staffId,
          start: slotStart + (i % 3) * 10 * 60_000, // 10:00, 10:10, 10:20 all overlap
          customer: { name: `Caller ${i}`, email: `caller${i}@example.com` },
        });
        return answer.ok ? 'ok' : answer.error.code;
      }),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(199);
    await s.stop();
    expect(countAppointments(dbPath)).toBe(1);
  });

  it('4 processes × 50 requests, each with its own connection: exactly one booking', async () => {
    const dbPath = join(dir.path, 'race.sqlite');
    const { serviceId, staffId } = prepareBusiness(dbPath);
    const request = JSON.stringify({ serviceId, staffId, start: slotStart });
    const workers = Array.from({ length: 4 }, () =>
      spawn(
        process.execPath,
        ['--import', 'tsx', 'tests/support/race-worker.ts', dbPath, '50', request],
        {
          cwd: repoRoot,
          stdio: ['pipe', 'pipe', 'inherit'],
        },
      ),
    );
    const outputs = workers.map((w) => {
      let text = '';
      w.stdout.on('data', (d: Buffer) => (text += d.toString()));
      return () => text;
    });
    await Promise.all(
      workers.map(
        (w, i) =>
          new Promise<void>((resolve) => {
            const check = () =>
              outputs[i]!().includes('ready') ? resolve() : w.stdout.once('data', check);
            check();
          }),
      ),
    );
    for (const w of workers) w.stdin.write('go\n');
    await Promise.all(workers.map((w) => once(w, 'exit')));
    const results = outputs.flatMap((text) => JSON.parse(text().split('\n')[1]!) as string[]);
    expect(results).toHaveLength(200);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(199);
    expect(countAppointments(dbPath)).toBe(1);
  });
});

describe('a server killed with SIGKILL in the middle of writes', () => {
  it('leaves a database that opens with integrity_check ok and every acknowledged booking', async () => {
    const dbPath = join(dir.path, 'crash.sqlite');
    const { serviceId, staffId } = prepareBusiness(dbPath);
    server = await startServer(['--db', dbPath, ...onLoopback]);
    const s = server;
    const desk = adminClient(s);
    const acknowledged: string[] = [];
    let killed = false;
    let enoughWritten!: () => void;
    const enough = new Promise<void>((resolve) => (enoughWritten = resolve));
    const writer = async (lane: number) => {
      for (let i = 0; !killed; i++) {
        const start = slotStart + (lane * 10_000 + i) * 30 * 60_000;
        try {
          const answer = await desk.call('appointments.create', {
            serviceId,
            staffId,
            start,
            customer: { name: 'Crash', email: 'crash@example.com' },
          });
          if (answer.ok) acknowledged.push(answer.value.id);
          if (acknowledged.length === 150) enoughWritten();
        } catch {
          return; // the socket died with the server
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(writer);
    await enough;
    killed = true;
    await s.stop('SIGKILL');
    await Promise.all(lanes);

    const db = openDatabase(dbPath);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    const stored = new Set(
      db.$client.prepare('select id from appointments').pluck().all() as string[],
    );
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
    closeDatabase(db);
  });
});
