// The demo business (`--demo`) on a real SQLite file: what it seeds, that its calendar is one a real
// booking flow could have produced (no overlaps, inside hours, statuses that fit the clock), that
// the no-show pattern the analytics should find is really in the data, and that it is
// reproducible and never touches a database that is already in use.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appointmentEvents,
  appointments,
  businessSettings,
  customers,
  messages,
  services,
  staff,
  timeOff,
  workingHours,
} from '../../db/schema.js';
import { createApp, type App } from '../../main/app.js';
import {
  DAY_MS,
  MINUTE_MS,
  addDaysToLocalDate,
  isoWeekdayOfLocalDate,
  utcToLocalDate,
  utcToLocalMinute,
} from '../../main/domain/time.js';
import { seedDemoBusiness } from '../../main/demo/seed.js';

const zone = 'Europe/London';
/** Wednesday 25 November 2026, 10:07 in London: six months back crosses the October clock change. */
const fixedNow = Date.UTC(2026, 10, 25, 10, 7, 0);
/** A spring `now`: the window then holds both the autumn and the spring clock change. */
const springNow = Date.UTC(2027, 3, 14, 15, 30, 0);

const opened: { app: App; dir: string }[] = [];

function newApp(now = fixedNow): App {
  const dir = mkdtempSync(join(tmpdir(), 'bs-'));
  const app = createApp({ dbPath: join(dir, 'bookings.sqlite'), clock: { now: () => now } });
  opened.push({ app, dir });
  return app;
}

afterEach(() => {
  for (const { app, dir } of opened.splice(0)) {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

type AppointmentRow = typeof appointments.$inferSelect;

// Map.groupBy arrives in Node 21; the project supports Node 20.
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function allAppointments(app: App): AppointmentRow[] {
  return app.db.select().from(appointments).orderBy(asc(appointments.startAt)).all();
}

/** Everything the seed wrote, with the app-generated staff and service ids replaced by names. */
function digest(app: App): string {
  const names = new Map<string, string>();
  for (const s of app.db.select().from(staff).all()) names.set(s.id, s.name);
  for (const s of app.db.select().from(services).all()) names.set(s.id, s.name);
  const named = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  const hash = createHash('sha256');
  const settings = app.db.select().from(businessSettings).all();
  hash.update(JSON.stringify(settings));
  hash.update(JSON.stringify([...names.values()].sort()));
  hash.update(JSON.stringify(app.db.select().from(customers).orderBy(asc(customers.id)).all()));
  for (const a of app.db.select().from(appointments).orderBy(asc(appointments.id)).all()) {
    hash.update(JSON.stringify({ ...a, staffId: named(a.staffId), serviceId: named(a.serviceId) }));
  }
  for (const e of app.db
    .select()
    .from(appointmentEvents)
    .orderBy(asc(appointmentEvents.id))
    .all()) {
    hash.update(JSON.stringify({ ...e, toStaffId: named(e.toStaffId) }));
  }
  return hash.digest('hex');
}

/** The calendar a real booking flow could have produced, whatever the seed and the date. */
function expectConsistentCalendar(app: App, now: number): AppointmentRow[] {
  const rows = allAppointments(app);
  expect(rows.length).toBeGreaterThan(1000);
  const serviceById = new Map(
    app.db
      .select()
      .from(services)
      .all()
      .map((s) => [s.id, s]),
  );
  const hours = app.db.select().from(workingHours).all();
  const offs = app.db.select().from(timeOff).all();
  const events = app.db.select().from(appointmentEvents).all();
  const eventsOf = groupBy(events, (e) => e.appointmentId);

  for (const a of rows) {
    const service = serviceById.get(a.serviceId);
    expect(service).toBeDefined();
    if (!service) continue;
    expect(a.endAt - a.startAt).toBe(service.durationMinutes * MINUTE_MS);
    expect([a.priceAmount, a.currency]).toEqual([service.priceAmount, 'GBP']);
    expect([a.bufferBeforeMinutes, a.bufferAfterMinutes]).toEqual([
      service.bufferBeforeMinutes,
      service.bufferAfterMinutes,
    ]);
    expect(a.manageTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.createdAt).toBeLessThan(a.startAt);
    expect(a.createdAt).toBeLessThanOrEqual(now);

    // Inside one working interval of its staff member, in the business's wall clock.
    const date = utcToLocalDate(a.startAt, zone);
    const weekday = isoWeekdayOfLocalDate(date);
    const startMinute = utcToLocalMinute(a.startAt, zone);
    const endMinute = utcToLocalMinute(a.endAt - 1, zone) + 1;
    expect(utcToLocalDate(a.endAt - 1, zone)).toBe(date);
    const fits = hours.some(
      (h) =>
        h.staffId === a.staffId &&
        h.weekday === weekday &&
        h.startMinute <= startMinute &&
        endMinute <= h.endMinute &&
        (startMinute - h.startMinute) % 15 === 0,
    );
    expect(fits, `${a.id} at ${date} ${startMinute}–${endMinute}`).toBe(true);
    expect(
      offs.some((o) => o.staffId === a.staffId && o.startAt < a.endAt && a.startAt < o.endAt),
    ).toBe(false);

    // History is settled, the future is booked, and nothing is in progress.
    if (a.endAt <= now) expect(['completed', 'no_show', 'cancelled']).toContain(a.status);
    else expect([a.startAt >= now, a.status]).toEqual([true, 'confirmed']);
    expect(a.cancelReason !== null).toBe(a.status === 'cancelled');

    const trail = eventsOf.get(a.id) ?? [];
    expect(trail[0]).toMatchObject({ kind: 'created', toStatus: 'confirmed', at: a.createdAt });
    if (a.status === 'confirmed') expect(trail).toHaveLength(1);
    else {
      expect(trail).toHaveLength(2);
      expect(trail[1]).toMatchObject({
        kind: 'status_changed',
        actor: 'desk',
        fromStatus: 'confirmed',
        toStatus: a.status,
        at: a.updatedAt,
      });
    }
  }

  // Per staff member, sorted by occupied start: each block must clear the furthest end so far.
  const byStaff = groupBy(
    rows.filter((a) => a.status !== 'cancelled'),
    (a) => a.staffId,
  );
  for (const list of byStaff.values()) {
    const spans = list
      .map((a) => ({
        id: a.id,
        from: a.startAt - a.bufferBeforeMinutes * MINUTE_MS,
        to: a.endAt + a.bufferAfterMinutes * MINUTE_MS,
      }))
      .sort((x, y) => x.from - y.from);
    let reach = Number.NEGATIVE_INFINITY;
    for (const span of spans) {
      expect(span.from, `${span.id} overlaps an earlier appointment`).toBeGreaterThanOrEqual(reach);
      reach = Math.max(reach, span.to);
    }
  }
  return rows;
}

function rate(rows: AppointmentRow[], predicate: (a: AppointmentRow) => boolean) {
  const attended = rows.filter(
    (a) => (a.status === 'completed' || a.status === 'no_show') && predicate(a),
  );
  return attended.filter((a) => a.status === 'no_show').length / attended.length;
}

describe('seedDemoBusiness', () => {
  it('seeds a small UK hair studio: 3 staff, 5 services (one with a deposit), ~200 customers', () => {
    const app = newApp();
    const summary = seedDemoBusiness(app, { now: fixedNow });
    expect(summary).toMatchObject({ staff: 3, services: 5, customers: 200 });
    expect(summary?.appointments).toBe(allAppointments(app).length);

    const settings = app.services.settings.get();
    expect(settings).toMatchObject({ timeZone: 'Europe/London', currency: 'GBP', country: 'GB' });
    expect(settings.name).not.toBe('My business');

    const members = app.services.catalog.listStaff();
    expect(members).toHaveLength(3);
    const weeks = members.map((m) => app.services.catalog.getHours(m.id));
    expect(weeks.filter((w) => w.some((h) => h.weekday === 6))).toHaveLength(1);
    expect(weeks.some((w) => w.some((h) => h.startMinute === 600 || h.endMinute === 1080))).toBe(
      true,
    );
    for (const week of weeks) {
      const monday = week.filter((h) => h.weekday === 1);
      // Lunch 12:00–13:00: the morning ends and the afternoon starts on the hour.
      expect(monday.map((h) => h.endMinute)).toContain(720);
      expect(monday.map((h) => h.startMinute)).toContain(780);
    }

    const offered = app.services.catalog.listServices();
    expect(offered).toHaveLength(5);
    expect(offered.filter((s) => s.deposit.kind !== 'none')).toHaveLength(1);
    for (const s of offered) {
      expect(s.durationMinutes).toBeGreaterThanOrEqual(30);
      expect(s.durationMinutes).toBeLessThanOrEqual(120);
      expect(s.currency).toBe('GBP');
    }
    expect(offered.some((s) => s.bufferAfterMinutes > 0 || s.bufferBeforeMinutes > 0)).toBe(true);
    expect(offered.some((s) => s.rebookingIntervalDays === 42)).toBe(true);

    const people = app.db.select().from(customers).all();
    expect(people).toHaveLength(200);
    expect(new Set(people.map((c) => c.name)).size).toBe(200);
    for (const c of people) {
      const phone = parsePhoneNumberFromString(c.phone ?? '');
      expect(phone?.isValid(), `${c.phone} is a valid number`).toBe(true);
      expect([phone?.number, phone?.country]).toEqual([c.phone, 'GB']);
      if (c.email !== null) {
        expect(c.email).toBe(c.email.toLowerCase());
        expect(c.email).toMatch(/^[a-z0-9.]+@example\.(com|org|net)$/);
      }
    }
    expect(people.filter((c) => c.email !== null).length).toBeGreaterThan(150);
    expect(people.filter((c) => c.smsConsent).length).toBeGreaterThan(50);
    expect(people.filter((c) => !c.smsConsent).length).toBeGreaterThan(20);
    expect(people.some((c) => c.notes !== '')).toBe(true);
  });

  it.each([
    ['late November', fixedNow],
    ['mid April', springNow],
  ])('books a consistent calendar around %s', (_label, now) => {
    const app = newApp(now);
    seedDemoBusiness(app, { now });
    const rows = expectConsistentCalendar(app, now);
    expect(rows[0]?.startAt).toBeLessThan(now - 170 * DAY_MS);
    expect(rows.at(-1)?.startAt).toBeGreaterThan(now + 12 * DAY_MS);
    const statuses = new Set(rows.map((a) => a.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'completed', 'confirmed', 'no_show']);
    expect(new Set(rows.map((a) => a.source))).toEqual(new Set(['desk', 'widget']));
  });

  it('shows where no-shows come from: first visits, Monday mornings, bookings made far ahead', () => {
    const app = newApp();
    seedDemoBusiness(app, { now: fixedNow });
    const rows = allAppointments(app);
    const firstOf = new Map<string, string>();
    for (const a of rows) if (!firstOf.has(a.customerId)) firstOf.set(a.customerId, a.id);
    const firstVisit = (a: AppointmentRow) => firstOf.get(a.customerId) === a.id;
    const mondayMorning = (a: AppointmentRow) =>
      isoWeekdayOfLocalDate(utcToLocalDate(a.startAt, zone)) === 1 &&
      utcToLocalMinute(a.startAt, zone) < 12 * 60;
    const leadDays = (a: AppointmentRow) => (a.startAt - a.createdAt) / DAY_MS;

    const overall = rate(rows, () => true);
    expect(overall).toBeGreaterThan(0.04);
    expect(overall).toBeLessThan(0.15);
    expect(rate(rows, firstVisit)).toBeGreaterThan(1.5 * rate(rows, (a) => !firstVisit(a)));
    expect(rate(rows, mondayMorning)).toBeGreaterThan(1.5 * rate(rows, (a) => !mondayMorning(a)));
    expect(rate(rows, (a) => leadDays(a) > 30)).toBeGreaterThan(
      rate(rows, (a) => leadDays(a) <= 2),
    );
    expect(rows.filter((a) => a.status === 'cancelled').length).toBeLessThan(rows.length * 0.1);
  });

  it('leaves the next fortnight partly booked', () => {
    const app = newApp();
    seedDemoBusiness(app, { now: fixedNow });
    const from = addDaysToLocalDate(utcToLocalDate(fixedNow, zone), 1);
    const offered = app.services.catalog.listServices();
    const queries = offered.flatMap((s) =>
      s.staffIds.map((staffId) => ({ serviceId: s.id, staffId })),
    );
    const count = () =>
      queries.map((q) =>
        app.services.availability
          .get({ ...q, from, days: 7 })
          .days.reduce((n, d) => n + d.slots.length, 0),
      );
    const booked = count();
    app.db.delete(messages).run();
    app.db.delete(appointmentEvents).run();
    app.db.delete(appointments).run();
    const empty = count();
    for (const [i, free] of booked.entries()) {
      const q = queries[i];
      expect(free, `free slots for ${q?.serviceId} with ${q?.staffId}`).toBeGreaterThan(0);
      expect(free).toBeLessThan(empty[i] ?? 0);
    }
    const total = (list: number[]) => list.reduce((a, b) => a + b, 0);
    expect(total(booked) / total(empty)).toBeGreaterThan(0.2);
    expect(total(booked) / total(empty)).toBeLessThan(0.8);
  });

  it('has a fortnight of sent messages in the outbox, each about a finished appointment', () => {
    const app = newApp();
    seedDemoBusiness(app, { now: fixedNow });
    const sent = app.services.outbox.list({ status: 'sent', limit: 500 });
    expect(sent.total).toBeGreaterThan(100);
    const kinds = new Set(sent.messages.map((m) => m.kind));
    for (const kind of ['confirmation', 'reminder', 'thank_you'] as const) {
      expect(kinds, kind).toContain(kind);
    }
    const finished = new Map(
      app.db
        .select()
        .from(appointments)
        .all()
        .map((a) => [a.id, a]),
    );
    for (const m of sent.messages) {
      expect(m.demo).toBe(true);
      expect(m.sentAt).not.toBeNull();
      expect(m.sentAt!).toBeLessThanOrEqual(fixedNow);
      const appointment = finished.get(m.appointmentId ?? '');
      expect(appointment?.endAt).toBeLessThanOrEqual(fixedNow);
      expect(appointment?.startAt).toBeGreaterThan(fixedNow - 15 * DAY_MS);
      expect(m.sentAt!).toBeGreaterThanOrEqual(appointment?.createdAt ?? 0);
      expect(appointment?.customerId).toBe(m.customerId);
      // Nothing tells a customer about a visit after it was cancelled.
      if (appointment?.status === 'cancelled') expect(m.kind).not.toBe('thank_you');
      expect(m.body).not.toMatch(/[{}]/);
    }
  });

  it('is reproducible: the same seed and now give the same rows', () => {
    const first = newApp();
    const second = newApp();
    const third = newApp();
    seedDemoBusiness(first, { now: fixedNow });
    seedDemoBusiness(second, { now: fixedNow, seed: 20261125 });
    seedDemoBusiness(third, { now: fixedNow, seed: 7 });
    expect(digest(second)).toBe(digest(first));
    expect(digest(third)).not.toBe(digest(first));
  });

  it('never touches a database that is already in use', () => {
    const seeded = newApp();
    expect(seedDemoBusiness(seeded, { now: fixedNow })).not.toBeNull();
    const before = digest(seeded);
    expect(seedDemoBusiness(seeded, { now: fixedNow, seed: 1 })).toBeNull();
    expect(digest(seeded)).toBe(before);

    const inUse = newApp();
    const only = inUse.services.customers.create(
      {
        name: 'Ada Lovelace',
        phone: '+44 7400 123456',
      },
      'desk',
    );
    expect(seedDemoBusiness(inUse, { now: fixedNow })).toBeNull();
    expect(inUse.db.select().from(customers).all()).toMatchObject([{ id: only.id }]);
    expect(inUse.services.catalog.listStaff()).toEqual([]);
    expect(inUse.services.catalog.listServices(true)).toEqual([]);
    expect(allAppointments(inUse)).toEqual([]);
    expect(inUse.services.settings.get().name).toBe('My business');
  });
});
