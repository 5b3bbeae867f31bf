// Every migration is tested on a file written before it: the rows that were there survive.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DatabaseTooNewError,
  closeDatabase,
  knownMigrations,
  migrationsFolder,
  openDatabase,
} from '../../db/open.js';
import { createApp } from '../../main/app.js';
import { tempDir } from '../support/app.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** A migrations folder holding only the first `count` migrations: the code as it once shipped. */
function olderMigrations(count: number): string {
  const folder = join(dir.path, `migrations-${count}`);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries as { tag: string }[]) {
    copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  }
  return folder;
}

function tables(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

/** Rows a business would have written with the schema of migration 0000. */
function writeInitialBusiness(path: string): void {
  const db = new Database(path);
  db.exec(`
    insert into business_settings (id, name, time_zone, currency, country, updated_at)
      values (1, 'Old Salon', 'Europe/London', 'GBP', 'GB', 1);
    insert into staff (id, name, created_at) values ('stf_1', 'Alice', 1);
    insert into services (id, name, duration_minutes, price_amount, currency, created_at)
      values ('svc_1', 'Cut', 60, 4500, 'GBP', 1);
    insert into service_staff (service_id, staff_id) values ('svc_1', 'stf_1');
    insert into working_hours (staff_id, weekday, start_minute, end_minute) values ('stf_1', 1, 540, 1020);
    insert into customers (id, name, phone, created_at, updated_at) values ('cus_1', 'Jane', '+447911123456', 1, 1);
    insert into appointments (id, staff_id, service_id, customer_id, start_at, end_at, status, source,
      price_amount, currency, created_at, updated_at)
      values ('apt_1', 'stf_1', 'svc_1', 'cus_1', 1000, 3601000, 'confirmed', 'desk', 4500, 'GBP', 1, 1);
    insert into appointment_events (appointment_id, at, kind, actor, to_status) values ('apt_1', 1, 'created', 'desk', 'confirmed');
  `);
  db.close();
}

const migrations = knownMigrations();

describe('migrations', () => {
  it('0000_initial creates every table of the business on an empty file, named plainly', () => {
    const path = join(dir.path, 'new.sqlite');
    closeDatabase(openDatabase(path));
    expect(tables(path)).toEqual(
      expect.arrayContaining([
        'appointment_events',
        'appointments',
        'business_settings',
        'customers',
        'idempotency_keys',
        'messages',
        'service_staff',
        'services',
        'staff',
        'time_off',
        'working_hours',
      ]),
    );
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  // One case per later migration: a file written by the version before it keeps its rows.
  for (const [index, migration] of migrations.entries()) {
    if (index === 0) continue;
    it(`${migration.tag} keeps the rows of a file written before it`, () => {
      const path = join(dir.path, 'old.sqlite');
      closeDatabase(openDatabase(path, { migrationsFolder: olderMigrations(index) }));
      writeInitialBusiness(path);
      const db = openDatabase(path);
      const client = db.$client;
      expect(client.prepare('select name from business_settings').pluck().get()).toBe('Old Salon');
      expect(
        client.prepare('select status from appointments where id = ?').pluck().get('apt_1'),
      ).toBe('confirmed');
      expect(client.prepare('select count(*) from appointment_events').pluck().get()).toBe(1);
      closeDatabase(db);
    });
  }

  it('re-opening an up-to-date file keeps every row', () => {
    const path = join(dir.path, 'business.sqlite');
    closeDatabase(openDatabase(path));
    writeInitialBusiness(path);
    const db = openDatabase(path);
    expect(db.$client.prepare('select count(*) from appointments').pluck().get()).toBe(1);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    closeDatabase(db);
  });

  it('0002_api_keys keeps admin API keys across a re-open, stored only as hashes', () => {
    const path = join(dir.path, 'keys.sqlite');
    const first = createApp({ dbPath: path, log: () => {} });
    const made = first.services.apiKeys.create({ name: 'CRM' });
    const revoked = first.services.apiKeys.create({ name: 'old laptop' });
    first.services.apiKeys.revoke(revoked.id);
    first.close();
    expect(tables(path)).toContain('api_keys');

    const again = createApp({ dbPath: path, log: () => {} });
    expect(again.services.apiKeys.verify(made.key)).toMatchObject({ id: made.id, name: 'CRM' });
    expect(again.services.apiKeys.verify(revoked.key)).toBeNull();
    expect(again.services.apiKeys.list().map((k) => [k.name, k.revokedAt === null])).toEqual([
      ['CRM', true],
      ['old laptop', false],
    ]);
    const stored = JSON.stringify(again.db.$client.prepare('select * from api_keys').all());
    expect(stored).not.toContain(made.key);
    again.close();
  });

  it('0005_demo_checkouts keeps demo checkout sessions and refunds across a re-open', async () => {
    const path = join(dir.path, 'demo.sqlite');
    // A file as 0004 left it, with a booking on it, upgraded by today's code.
    closeDatabase(openDatabase(path, { migrationsFolder: olderMigrations(5) }));
    writeInitialBusiness(path);
    expect(tables(path)).not.toContain('demo_checkouts');
    const first = createApp({ dbPath: path, log: () => {} });
    expect(tables(path)).toEqual(expect.arrayContaining(['demo_checkouts', 'demo_refunds']));
    const demo = first.services.paymentRuntime.demo;
    const request = {
      appointmentId: 'apt_1',
      paymentId: 'pay_1',
      amount: 2000,
      currency: 'GBP',
      description: 'Deposit: Cut',
      customerEmail: null,
      saveCard: true,
      successUrl: 'https://salon.example/pay/done',
      cancelUrl: 'https://salon.example/pay/cancelled',
      expiresAt: Date.now() + 3_600_000,
      idempotencyKey: 'checkout:deposit:apt_1:0',
    };
    const session = await demo.createCheckout(request);
    const refund = await demo.refund({
      paymentIntentId: 'pi_demo_x',
      amount: 500,
      reason: 'Started late',
      idempotencyKey: 'refund:apt_1:desk:1',
    });
    first.close();

    const again = createApp({ dbPath: path, log: () => {} });
    const kept = again.services.paymentRuntime.demo;
    expect(kept.session(session.id)).toMatchObject({ state: 'open', amount: 2000, saveCard: true });
    // The same key answers the same session, not a second one.
    expect((await kept.createCheckout(request)).id).toBe(session.id);
    expect(kept.pay(session.id)).toMatchObject({
      state: 'paid',
      paymentMethodId: expect.any(String),
    });
    expect(await kept.retrieveCheckout(session.id)).toMatchObject({ state: 'paid' });
    expect(await kept.retrieveRefund(refund.id)).toMatchObject({ amount: 500, state: 'succeeded' });
    expect(again.db.$client.prepare('select count(*) from appointments').pluck().get()).toBe(1);
    again.close();
  });

  it('refuses a file from a newer BookingSync and leaves it untouched', () => {
    const path = join(dir.path, 'future.sqlite');
    const future = new Database(path);
    future.exec('create table from_the_future (x)');
    future.pragma(`user_version = ${migrations.length + 1}`);
    future.close();
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(path)).toThrow(/newer BookingSync/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('answers the availability read from the covering index, over the window only', () => {
    const path = join(dir.path, 'plan.sqlite');
    const db = openDatabase(path);
    const plan = db.$client
      .prepare(
        `explain query plan select staff_id, start_at, end_at, buffer_before_minutes, buffer_after_minutes
         from appointments where staff_id in (select value from json_each(?))
           and start_at < ? and start_at > ? and end_at > ?
           and (status in ('confirmed', 'completed')
                or (status = 'pending_payment' and (hold_expires_at is null or hold_expires_at > ?)))
           and id <> ?`,
      )
      .all('["stf_1"]', 3, 1, 2, 0, '') as { detail: string }[];
    // Both ends of the range, so a long history is not walked from its beginning, and no table rows.
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /USING COVERING INDEX appointments_staff_busy \(staff_id=\? AND start_at>\? AND start_at<\?\)/,
    );
    closeDatabase(db);
  });
});
