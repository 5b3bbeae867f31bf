// Places the demo bookings: day by day, staff member by staff member, on free 15-minute starts
// inside working hours in the business's zone, never overlapping (buffers included).
import type { Random } from '../domain/random.js';
import {
  DAY_MS,
  MINUTE_MS,
  ZoneTimeline,
  addDaysToLocalDate,
  isoWeekdayOfLocalDate,
  startOfLocalDay,
  wallClockMs,
} from '../domain/time.js';
import type { WorkingIntervalInput } from '../../preload/contract/index.js';
import { pickCustomer, type DemoCustomer } from './customers.js';
import { demoSettings, type DemoServiceDefinition, type DemoStaffKey } from './data.js';

export const PAST_DAYS = 183;
export const FUTURE_DAYS = 14;

export interface ServicePlan {
  id: string;
  def: DemoServiceDefinition;
}

export interface StaffPlan {
  key: DemoStaffKey;
  id: string;
  hours: WorkingIntervalInput[];
  services: ServicePlan[];
  /** Local day indexes (from the first seeded day) on which this member is off. */
  daysOff: Set<number>;
}

interface Candidate {
  minute: number;
  intervalStartMinute: number;
  start: number;
  /** The real instant the working interval closes (DST-correct). */
  intervalEnd: number;
}

interface StaffDay {
  plan: StaffPlan;
  candidates: Candidate[];
  /** Occupied spans including buffers, UTC ms, half-open. */
  busy: Array<[number, number]>;
  misses: number;
}

export interface Booking {
  customer: DemoCustomer;
  service: ServicePlan;
  staffId: string;
  /** Creation order of the staff member: ids are random, so they cannot break ties. */
  staffOrder: number;
  start: number;
  end: number;
  firstVisit: boolean;
  mondayMorning: boolean;
}

export interface ScheduleInput {
  rng: Random;
  zone: string;
  now: number;
  firstDate: string;
  totalDays: number;
  staffPlans: StaffPlan[];
  people: DemoCustomer[];
}

/**
 * Fills each day up to a target share of its working minutes, one booking at a time: a staff
 * member, one of their services, a customer who wants it, and a random free 15-minute start.
 * Every booking occupies its span plus buffers, so none ever overlaps another, cancelled or not.
 */
export function schedule(input: ScheduleInput): Booking[] {
  const { rng, zone, now, firstDate, totalDays, staffPlans, people } = input;
  const step = demoSettings.slotStepMinutes;
  const timeline = new ZoneTimeline(
    zone,
    startOfLocalDay(firstDate, zone) - 2 * DAY_MS,
    startOfLocalDay(addDaysToLocalDate(firstDate, totalDays), zone) + 2 * DAY_MS,
  );
  const todayIndex = totalDays - 1 - FUTURE_DAYS;
  const bookings: Booking[] = [];

  for (let day = 0; day < totalDays; day++) {
    const date = addDaysToLocalDate(firstDate, day);
    const weekday = isoWeekdayOfLocalDate(date);
    const staffDays: StaffDay[] = [];
    let capacity = 0;
    for (const plan of staffPlans) {
      if (plan.daysOff.has(day)) continue;
      const candidates: Candidate[] = [];
      for (const iv of plan.hours.filter((h) => h.weekday === weekday)) {
        capacity += iv.endMinute - iv.startMinute;
        const intervalEnd = timeline.wallClockBoundaryToUtc(wallClockMs(date, iv.endMinute));
        for (let minute = iv.startMinute; minute < iv.endMinute; minute += step) {
          const start = timeline.wallClockToUtc(wallClockMs(date, minute));
          if (start === null) continue; // skipped by a spring-forward gap
          candidates.push({ minute, intervalStartMinute: iv.startMinute, start, intervalEnd });
        }
      }
      if (candidates.length > 0) staffDays.push({ plan, candidates, busy: [], misses: 0 });
    }
    if (staffDays.length === 0) continue;

    const target = capacity * utilisation(day - todayIndex, weekday, rng);
    const bookedToday = new Set<DemoCustomer>();
    let bookedMinutes = 0;
    while (bookedMinutes < target) {
      const open = staffDays.filter((d) => d.misses < 6);
      if (open.length === 0) break;
      const staffDay = rng.pick(open);
      const service = rng.weighted(staffDay.plan.services, (s) => s.def.popularity);
      const customer = service && pickCustomer(rng, people, service.def.audience, day, bookedToday);
      if (!service || !customer) {
        staffDay.misses++;
        continue;
      }
      const { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes } = service.def;
      const span = (c: Candidate): [number, number] => [
        c.start - bufferBeforeMinutes * MINUTE_MS,
        c.start + (durationMinutes + bufferAfterMinutes) * MINUTE_MS,
      ];
      const free = staffDay.candidates.filter((c) => {
        const end = c.start + durationMinutes * MINUTE_MS;
        // An appointment in progress at `now` is neither history nor future: leave it out.
        if (c.start < now && end > now) return false;
        const [lo, hi] = span(c);
        return end <= c.intervalEnd && staffDay.busy.every(([a, b]) => hi <= a || lo >= b);
      });
      if (free.length === 0) {
        staffDay.misses++;
        continue;
      }
      // Receptionists book next to what is already there, which keeps long gaps open for
      // long services; a purely random spread would leave no room for a two-hour colour.
      const snug = (c: Candidate) => {
        const [lo, hi] = span(c);
        const end = c.start + durationMinutes * MINUTE_MS;
        return (
          c.minute === c.intervalStartMinute ||
          end === c.intervalEnd ||
          staffDay.busy.some(([a, b]) => b === lo || a === hi)
        );
      };
      const slot = rng.weighted(free, (c) => (snug(c) ? 8 : 1)) ?? rng.pick(free);
      staffDay.busy.push(span(slot));
      bookedToday.add(customer);
      bookedMinutes += durationMinutes + bufferBeforeMinutes + bufferAfterMinutes;
      bookings.push({
        customer,
        service,
        staffId: staffDay.plan.id,
        staffOrder: staffPlans.indexOf(staffDay.plan),
        start: slot.start,
        end: slot.start + durationMinutes * MINUTE_MS,
        firstVisit: customer.visits === 0,
        mondayMorning: weekday === 1 && slot.minute < 12 * 60,
      });
      customer.visits++;
      customer.lastDay = day;
    }
  }
  return bookings.sort((a, b) => a.start - b.start || a.staffOrder - b.staffOrder);
}

/** Share of a day's working minutes to book: busy Saturdays, quiet Mondays, a thinning fortnight. */
function utilisation(daysFromToday: number, weekday: number, rng: Random): number {
  const base = daysFromToday <= 0 ? 0.55 : 0.62 - 0.022 * daysFromToday;
  const lift = weekday === 6 ? 0.15 : weekday === 1 ? -0.08 : weekday === 5 ? 0.05 : 0;
  return Math.min(0.9, Math.max(0.2, base + lift + rng.between(-0.08, 0.08)));
}
