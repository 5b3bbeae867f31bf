// The widget's availability answers are kept between identical questions
// (core/answer-cache.ts). What a customer must never see is a stale one: every change to the
// data, made by any path or by another program on the same file, and the clock passing a slot's
// notice, shows in the very next answer.
import Database from 'better-sqlite3';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { london } from '../support/app.js';
import { call, rawGet, startPublicHost, type PublicHost } from '../support/public-host.js';

let server: PublicHost;
beforeEach(async () => {
  server = await startPublicHost();
});
afterEach(() => server.close());

interface Availability {
  days: { date: string; slots: { start: string; staff_id: string }[] }[];
}

async function aliceStarts(date = '2026-12-01'): Promise<string[]> {
  const answer = await call<Availability>(
    `${server.url}/api/availability?service_id=${server.cut}&staff_id=${server.alice}&from=${date}&days_ahead=1`,
  );
  expect(answer.status).toBe(200);
  return answer.body.days.flatMap((d) => d.slots.map((s) => s.start.slice(11, 16)));
}

/** A walk-in booked at the desk: the kind of write the widget's kept answers must notice. */
function deskBooksAliceAtNine(): void {
  server.host.app.services.bookings.create({
    serviceId: server.cut,
    staffId: server.alice,
    start: london('2026-12-01', '09:00'),
    customer: { name: 'Walk In', email: 'walk.in@example.com' },
    source: 'desk',
    actor: 'desk',
  });
}

describe('availability answers kept between identical questions', () => {
  it('drops a slot booked at the desk from the next answer', async () => {
    expect(await aliceStarts()).toContain('09:00');
    expect(await aliceStarts()).toContain('09:00'); // asked twice: the kept answer
    deskBooksAliceAtNine();
    expect(await aliceStarts()).not.toContain('09:00');
  });

  it('travels compressed to a browser, and its compressed copy is dropped with it', async () => {
    const url = `${server.url}/api/availability?service_id=${server.cut}&from=2026-12-01&days_ahead=7`;
    const plain = await rawGet(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const week = JSON.parse(plain.body.toString('utf8')) as Availability;
    expect(week.days.length).toBe(7);

    const browser = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(browser.headers['content-encoding']).toBe('br');
    expect(browser.headers.vary).toMatch(/accept-encoding/i);
    expect(browser.body.length).toBeLessThan(plain.body.length / 5);
    expect(brotliDecompressSync(browser.body).equals(plain.body)).toBe(true);
    const gzipOnly = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipOnly.body).equals(plain.body)).toBe(true);
    expect((await rawGet(url, { 'accept-encoding': 'identity' })).body.equals(plain.body)).toBe(
      true,
    );

    deskBooksAliceAtNine();
    const after = await rawGet(url, { 'accept-encoding': 'br' });
    const fresh = JSON.parse(brotliDecompressSync(after.body).toString('utf8')) as Availability;
    const aliceAtNine = (a: Availability) =>
      a.days[0]!.slots.some((s) => s.staff_id === server.alice && s.start.includes('T09:00'));
    expect(aliceAtNine(week)).toBe(true);
    expect(aliceAtNine(fresh)).toBe(false);
  });

  it('follows changed working hours at once', async () => {
    expect(await aliceStarts()).toContain('16:00');
    server.host.app.services.catalog.setHours(server.alice, [
      { weekday: 2, startMinute: 9 * 60, endMinute: 12 * 60 },
    ]);
    const starts = await aliceStarts();
    expect(starts).toContain('09:00');
    expect(starts).not.toContain('16:00');
  });

  it('sees time off written by another program on the same file', async () => {
    expect(await aliceStarts()).toContain('13:00');
    const other = new Database(server.host.app.db.$client.name);
    try {
      other
        .prepare(
          `insert into time_off (id, staff_id, start_at, end_at, reason, created_at)
           values ('off_other', ?, ?, ?, 'dentist', ?)`,
        )
        .run(server.alice, london('2026-12-01', '13:00'), london('2026-12-01', '17:00'), 0);
    } finally {
      other.close();
    }
    const starts = await aliceStarts();
    expect(starts).not.toContain('13:00');
    expect(starts).toContain('09:00');
  });

  it('drops the first slot once the clock passes its notice', async () => {
    // Monday 08:00 now, 60 minutes' notice: 09:00 today is the first bookable start.
    expect((await aliceStarts('2026-11-30'))[0]).toBe('09:00');
    // One second later, well within how long an answer is otherwise kept.
    server.clock.set(london('2026-11-30', '08:00') + 1000);
    expect((await aliceStarts('2026-11-30'))[0]).toBe('09:15');
  });
});
