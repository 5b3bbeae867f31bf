// Builds the real core on a temporary SQLite file, with a clock the test moves by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../main/app.js';
import { localTimeToUtc } from '../../main/domain/time.js';
import { rpcClient, type RpcClient } from './rpc.js';

export interface TestClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function testClock(start: number): TestClock {
  let current = start;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export function tempDir(prefix = 'bookingsync-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Wall-clock time in London, as tests read it: at('2026-12-01', '09:30'). */
export function london(date: string, time: string): number {
  const [h, m] = time.split(':').map(Number);
  const ms = localTimeToUtc(date, (h ?? 0) * 60 + (m ?? 0), 'Europe/London');
  if (ms === null) throw new Error(`${date} ${time} does not exist in London`);
  return ms;
}

export interface TestSalon {
  alice: string;
  bob: string;
  /** 60 min, 10 min buffer after, Alice and Bob. */
  cut: string;
  /** 30 min, no buffers, Alice only. */
  trim: string;
}

export interface TestBusiness extends TestSalon {
  app: App;
  /** The app's RPC, as the desk calls it. */
  desk: RpcClient;
  clock: TestClock;
  dbPath: string;
  dispose(): void;
}

/** Every day of the week, midnight to midnight: a member who can take any slot. */
export const aroundTheClock = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startMinute: 0,
  endMinute: 1440,
}));

const weekdays = [1, 2, 3, 4, 5];
const officeHours = weekdays.flatMap((weekday) => [
  { weekday, startMinute: 9 * 60, endMinute: 12 * 60 },
  { weekday, startMinute: 13 * 60, endMinute: 17 * 60 },
]);

/**
 * A small salon in London: Alice and Bob work Mon–Fri 09:00–17:00 with lunch 12:00–13:00.
 * The clock starts on Monday 2026-11-30 at 08:00.
 */
export function createTestBusiness(now = london('2026-11-30', '08:00')): TestBusiness {
  const dir = tempDir();
  const dbPath = join(dir.path, 'business.sqlite');
  const clock = testClock(now);
  const app = createApp({ dbPath, clock, log: () => {} });
  return {
    app,
    desk: rpcClient(() => app.router),
    clock,
    dbPath,
    ...seedTestSalon(app),
    dispose: () => {
      app.close();
      dir.remove();
    },
  };
}

/** The salon of createTestBusiness, written into any app (e.g. one a test host started). */
export function seedTestSalon(app: App): TestSalon {
  const s = app.services;
  s.settings.update({
    name: 'Test Salon',
    timeZone: 'Europe/London',
    currency: 'GBP',
    country: 'GB',
    minimumNoticeMinutes: 60,
    horizonDays: 60,
    cancellationCutoffMinutes: 24 * 60,
    holdMinutes: 15,
    slotStepMinutes: 15,
  });
  const alice = s.catalog.createStaff({ name: 'Alice' }).id;
  const bob = s.catalog.createStaff({ name: 'Bob' }).id;
  s.catalog.setHours(alice, officeHours);
  s.catalog.setHours(bob, officeHours);
  const cut = s.catalog.createService({
    name: 'Cut',
    durationMinutes: 60,
    priceAmount: 4500,
    bufferAfterMinutes: 10,
    staffIds: [alice, bob],
  }).id;
  const trim = s.catalog.createService({
    name: 'Trim',
    durationMinutes: 30,
    priceAmount: 2000,
    staffIds: [alice],
  }).id;
  return { alice, bob, cut, trim };
}
