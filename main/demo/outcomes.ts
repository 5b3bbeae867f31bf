// What became of each demo booking, and its audit trail. The no-show odds carry the pattern that
// the analytics screen should surface.
import type {
  AppointmentSource,
  AppointmentStatus,
  appointmentEvents,
  appointments,
} from '../../db/schema.js';
import type { Random } from '../domain/random.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../domain/time.js';
import { hashManageToken } from '../appointments/index.js';
import type { Booking } from './calendar.js';
import { appointmentNotes, cancelReasons, demoSettings } from './data.js';

type AppointmentInsert = typeof appointments.$inferInsert;
type EventInsert = typeof appointmentEvents.$inferInsert;

/** How far ahead people book: a mix of same-week, fortnightly and rebook-at-checkout. */
function leadTime(rng: Random): number {
  const r = rng.next();
  if (r < 0.2) return rng.between(2, 48) * HOUR_MS;
  if (r < 0.7) return rng.between(2, 14) * DAY_MS;
  if (r < 0.9) return rng.between(14, 30) * DAY_MS;
  return rng.between(30, 60) * DAY_MS;
}

/**
 * The no-show pattern the analytics screen should find: strangers, Monday mornings and bookings
 * made weeks ahead (long enough to forget) miss more often.
 */
function noShowProbability(booking: Booking, leadDays: number): number {
  let p = 0.03;
  if (booking.firstVisit) p += 0.12;
  if (booking.mondayMorning) p += 0.1;
  if (leadDays > 30) p += 0.1;
  else if (leadDays > 14) p += 0.05;
  else if (leadDays > 2) p += 0.02;
  return p;
}

const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

export function settle(
  booking: Booking,
  now: number,
  rng: Random,
  id: string,
  manageToken: string,
): { row: AppointmentInsert; trail: EventInsert[] } {
  const { start, end, service, customer } = booking;
  const source: AppointmentSource = rng.chance(0.55) ? 'widget' : 'desk';
  let createdAt = wholeSecond(start - leadTime(rng));
  // Future bookings were necessarily made before now.
  if (createdAt > now) createdAt = wholeSecond(now - rng.between(5, 3 * 24 * 60) * MINUTE_MS);
  const leadDays = (start - createdAt) / DAY_MS;

  let status: AppointmentStatus = 'confirmed';
  let changedAt = createdAt;
  let cancelReason: string | null = null;
  if (end <= now) {
    if (rng.chance(leadDays > 14 ? 0.07 : 0.04)) {
      status = 'cancelled';
      changedAt = wholeSecond(
        start - rng.between(0.1, 0.9) * Math.min(start - createdAt, 10 * DAY_MS),
      );
      cancelReason = rng.pick(cancelReasons);
    } else if (rng.chance(noShowProbability(booking, leadDays))) {
      status = 'no_show';
      changedAt = Math.min(now, start + rng.int(15, 40) * MINUTE_MS);
    } else {
      status = 'completed';
      changedAt = Math.min(now, end + rng.int(0, 20) * MINUTE_MS);
    }
  }

  const row: AppointmentInsert = {
    id,
    staffId: booking.staffId,
    serviceId: service.id,
    customerId: customer.row.id,
    startAt: start,
    endAt: end,
    bufferBeforeMinutes: service.def.bufferBeforeMinutes,
    bufferAfterMinutes: service.def.bufferAfterMinutes,
    status,
    source,
    holdExpiresAt: null,
    priceAmount: service.def.priceAmount,
    currency: demoSettings.currency,
    note: rng.chance(0.08) ? rng.pick(appointmentNotes) : '',
    cancelReason,
    manageTokenHash: hashManageToken(manageToken),
    createdAt,
    updatedAt: changedAt,
  };
  const trail: EventInsert[] = [
    {
      appointmentId: id,
      at: createdAt,
      kind: 'created',
      actor: source === 'widget' ? 'customer' : 'desk',
      toStatus: 'confirmed',
      toStartAt: start,
      toStaffId: booking.staffId,
    },
  ];
  if (status !== 'confirmed') {
    trail.push({
      appointmentId: id,
      at: changedAt,
      kind: 'status_changed',
      actor: 'desk',
      fromStatus: 'confirmed',
      toStatus: status,
      reason: cancelReason,
    });
  }
  return { row, trail };
}
