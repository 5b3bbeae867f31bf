// The demo business behind `--demo`: a believable UK hair studio with six months of history and a
// partly booked fortnight ahead, so every screen (calendar, no-show analytics, reminders) has
// something real to show on first start.
//
// Everything is drawn from one seeded generator: the same seed and `now` give the same rows, ids
// included, for the rows inserted here (customers, appointments, their audit trail). Staff,
// services and time off go through the catalog so they obey its validation; their ids come from
// the app's id generator. The whole seed is one transaction: a failure leaves the file empty.
import { sql } from 'drizzle-orm';
import { insertRows } from '../../db/insert-rows.js';
import { appointments, customers, services, staff } from '../../db/schema.js';
import type { appointmentEvents } from '../../db/schema.js';
import type { App } from '../app.js';
import { createRandom } from '../domain/random.js';
import {
  addDaysToLocalDate,
  isoWeekdayOfLocalDate,
  localDaysBetween,
  startOfLocalDay,
  utcToLocalDate,
} from '../domain/time.js';
import { FUTURE_DAYS, PAST_DAYS, schedule, type StaffPlan } from './calendar.js';
import { createCustomers } from './customers.js';
import { demoServices, demoSettings, demoStaff, type DemoStaffKey } from './data.js';
import { settle } from './outcomes.js';

export interface DemoOptions {
  now: number;
  seed?: number;
}

export interface DemoSummary {
  staff: number;
  services: number;
  customers: number;
  appointments: number;
}

const DEFAULT_SEED = 20261125;
/** How far back the demo's outbox shows messages as sent. */
const HISTORY_MS = 14 * 24 * 60 * 60_000;

type CustomerInsert = typeof customers.$inferInsert;
type AppointmentInsert = typeof appointments.$inferInsert;
type EventInsert = typeof appointmentEvents.$inferInsert;

export function seedDemoBusiness(app: App, options: DemoOptions): DemoSummary | null {
  const seed = options.seed ?? DEFAULT_SEED;
  return app.core.write(() => {
    // $count builds a thenable, not a number: ask SQLite directly inside this transaction.
    const used = app.db.get<{ n: number }>(
      sql`select (select count(*) from ${staff}) + (select count(*) from ${services}) +
          (select count(*) from ${customers}) + (select count(*) from ${appointments}) as n`,
    );
    if (used.n > 0) return null;

    const rng = createRandom(seed);
    // Ids and tokens get their own stream so tuning the model never renames rows needlessly.
    const idRng = createRandom(seed ^ 0x5bd1e995);
    const token = (bytes: number) => Buffer.from(idRng.bytes(bytes)).toString('base64url');
    const newId = (prefix: string) => `${prefix}_${token(10)}`;

    app.services.settings.update(demoSettings);
    const zone = demoSettings.timeZone;
    const today = utcToLocalDate(options.now, zone);
    const firstDate = addDaysToLocalDate(today, -PAST_DAYS);
    const totalDays = PAST_DAYS + FUTURE_DAYS + 1;
    const staffPlans = createCast(app);
    addTimeOff(app, staffPlans, firstDate, today);

    const people = createCustomers(rng, newId, totalDays);
    const booked = schedule({
      rng,
      zone,
      now: options.now,
      firstDate,
      totalDays,
      staffPlans,
      people,
    });

    const rows: AppointmentInsert[] = [];
    const events: EventInsert[] = [];
    for (const booking of booked) {
      const { row, trail } = settle(booking, options.now, rng, newId('apt'), token(24));
      // A widget booking creates its customer, so nobody exists before their first booking.
      const { customer } = booking;
      customer.firstBookedAt = Math.min(customer.firstBookedAt ?? row.createdAt, row.createdAt);
      rows.push(row);
      events.push(...trail);
    }
    const customerRows = people.map((p): CustomerInsert => {
      const createdAt =
        p.firstBookedAt ??
        Math.min(options.now, startOfLocalDay(addDaysToLocalDate(firstDate, p.arrivalDay), zone));
      return {
        ...p.row,
        smsConsentSource: 'demo' as const,
        smsConsentAt: createdAt,
        emailConsentSource: 'demo' as const,
        emailConsentAt: createdAt,
        createdAt,
        updatedAt: createdAt,
      };
    });
    insertRows(app.db, customers, customerRows);
    app.services.appointments.importHistory(rows, events);
    // The last fortnight's messages as sent, so the outbox has history beside what is planned.
    const recent = rows.filter(
      (r) => r.endAt <= options.now && r.startAt >= options.now - HISTORY_MS,
    );
    app.services.reminders.recordPastMessages(
      recent.map((r) => r.id),
      options.now,
    );

    return {
      staff: staffPlans.length,
      services: demoServices.length,
      customers: customerRows.length,
      appointments: rows.length,
    };
  })();
}

function createCast(app: App): StaffPlan[] {
  const { catalog } = app.services;
  const plans = demoStaff.map((member): StaffPlan => {
    const created = catalog.createStaff({
      name: member.name,
      email: member.email,
      color: member.color,
    });
    const hours = catalog.setHours(created.id, [...member.hours]);
    return { key: member.key, id: created.id, hours, services: [], daysOff: new Set() };
  });
  const planOf = (key: DemoStaffKey): StaffPlan => {
    const plan = plans.find((p) => p.key === key);
    if (!plan) throw new Error(`demo service names unknown staff member ${key}`);
    return plan;
  };
  for (const def of demoServices) {
    const { staff: keys, audience: _audience, popularity: _popularity, ...fields } = def;
    const created = catalog.createService({ ...fields, staffIds: keys.map((k) => planOf(k).id) });
    for (const key of keys) planOf(key).services.push({ id: created.id, def });
  }
  return plans;
}

/** A week's holiday in the past and a training day ahead, so the calendar shows both. */
function addTimeOff(app: App, plans: StaffPlan[], firstDate: string, today: string): void {
  const zone = demoSettings.timeZone;
  const mondayOf = (date: string) => addDaysToLocalDate(date, 1 - isoWeekdayOfLocalDate(date));
  let training = addDaysToLocalDate(today, 5);
  while (isoWeekdayOfLocalDate(training) > 5) training = addDaysToLocalDate(training, 1);
  const periods = [
    { key: 'priya', from: mondayOf(addDaysToLocalDate(today, -77)), days: 7, reason: 'Holiday' },
    { key: 'tom', from: training, days: 1, reason: 'Barbering course' },
  ] as const;
  for (const period of periods) {
    const plan = plans.find((p) => p.key === period.key);
    if (!plan) continue;
    app.services.catalog.createTimeOff({
      staffId: plan.id,
      startAt: startOfLocalDay(period.from, zone),
      endAt: startOfLocalDay(addDaysToLocalDate(period.from, period.days), zone),
      reason: period.reason,
    });
    const offset = localDaysBetween(firstDate, period.from);
    for (let d = 0; d < period.days; d++) plan.daysOff.add(offset + d);
  }
}
