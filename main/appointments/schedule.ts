// Reads what the availability engine needs for a window of time: each staff member's weekly hours,
// time off and the appointments that still take up their time. Availability is the hottest read
// in the app, so these are raw prepared statements answered from a covering index, returning
// arrays rather than objects.
import type { Db } from '../../db/open.js';
import type { StaffAvailabilityInput, WorkingInterval } from '../domain/availability.js';

const HOUR_MS = 60 * 60 * 1000;
/** Buffers are capped at 4 h by the contract: the furthest a neighbour reaches beyond its times. */
const LONGEST_BUFFER_MS = 4 * HOUR_MS;
/**
 * A neighbour can reach into the window by at most its own buffer after plus the new booking's
 * buffer before (and the mirror of that at the other end).
 */
const NEIGHBOUR_MARGIN_MS = 2 * LONGEST_BUFFER_MS;
/**
 * Services last at most 24 h (contract), so an appointment that reaches into the window started at
 * most this long before it. The bound lets SQLite walk only the window's slice of the index instead
 * of the staff member's whole history.
 */
export const LONGEST_APPOINTMENT_MS = 24 * HOUR_MS;

/**
 * Whether an appointment row takes up its staff member's time at @now: an expired hold no longer
 * does (domain/appointment-status blocksTime). The same rule in SQL, for both reads below.
 */
const BLOCKS_TIME = `(status in ('confirmed', 'completed')
              or (status = 'pending_payment' and (hold_expires_at is null or hold_expires_at > @now)))`;

type HoursRow = [staffId: string, weekday: number, startMinute: number, endMinute: number];
type SpanRow = [staffId: string, start: number, end: number];
type BusyRow = [
  staffId: string,
  start: number,
  end: number,
  bufferBeforeMinutes: number,
  bufferAfterMinutes: number,
];

export function createScheduleReader(db: Db) {
  const client = db.$client;
  const hoursStmt = client
    .prepare<[string], HoursRow>(
      `select staff_id, weekday, start_minute, end_minute from working_hours
       where staff_id in (select value from json_each(?))`,
    )
    .raw(true);
  const timeOffStmt = client
    .prepare<[string, number, number], SpanRow>(
      `select staff_id, start_at, end_at from time_off
       where staff_id in (select value from json_each(?)) and start_at < ? and end_at > ?`,
    )
    .raw(true);
  const busyStmt = client
    .prepare<
      {
        ids: string;
        before: number;
        after: number;
        endsAfter: number;
        now: number;
        exclude: string;
      },
      BusyRow
    >(
      `select staff_id, start_at, end_at, buffer_before_minutes, buffer_after_minutes
       from appointments
       where staff_id in (select value from json_each(@ids))
         and start_at < @before and start_at > @after and end_at > @endsAfter
         and ${BLOCKS_TIME}
         and id <> @exclude`,
    )
    .raw(true);

  // The clash rule of findConflict (domain/availability.ts), buffers included, as a filter: one
  // booking on a busy day then reads its few clashes rather than every neighbour. The start_at
  // bounds only let SQLite walk the index; the two buffer lines decide.
  const clashStmt = client
    .prepare<{ staffId: string; from: number; to: number; now: number; exclude: string }, BusyRow>(
      `select staff_id, start_at, end_at, buffer_before_minutes, buffer_after_minutes
       from appointments
       where staff_id = @staffId
         and start_at < @to + ${LONGEST_BUFFER_MS}
         and start_at > @from - ${LONGEST_APPOINTMENT_MS + LONGEST_BUFFER_MS}
         and start_at - max(buffer_before_minutes, 0) * 60000 < @to
         and end_at + max(buffer_after_minutes, 0) * 60000 > @from
         and ${BLOCKS_TIME}
         and id <> @exclude`,
    )
    .raw(true);
  const hoursOfOneStmt = client.prepare<[string], WorkingInterval>(
    `select weekday, start_minute as startMinute, end_minute as endMinute from working_hours
       where staff_id = ?`,
  );
  const clashingTimeOffStmt = client
    .prepare<{ staffId: string; from: number; to: number }, SpanRow>(
      `select staff_id, start_at, end_at from time_off
       where staff_id = @staffId and start_at < @to and end_at > @from`,
    )
    .raw(true);

  return {
    /**
     * What decides whether one staff member can take one booking that occupies from..to (its
     * buffers included): their hours, and only the time off and appointments that overlap it.
     */
    clashes(
      staffId: string,
      from: number,
      to: number,
      now: number,
      excludeAppointmentId = '',
    ): StaffAvailabilityInput {
      const input: StaffAvailabilityInput = {
        staffId,
        hours: hoursOfOneStmt.all(staffId),
        timeOff: [],
        appointments: [],
      };
      for (const [, start, end] of clashingTimeOffStmt.all({ staffId, from, to })) {
        input.timeOff.push({ start, end });
      }
      const busy = clashStmt.all({ staffId, from, to, now, exclude: excludeAppointmentId });
      for (const [, start, end, bufferBeforeMinutes, bufferAfterMinutes] of busy) {
        input.appointments.push({ start, end, bufferBeforeMinutes, bufferAfterMinutes });
      }
      return input;
    },

    /** Everything that decides whether these staff are free between from and to (UTC ms). */
    read(
      staffIds: string[],
      from: number,
      to: number,
      now: number,
      excludeAppointmentId = '',
    ): StaffAvailabilityInput[] {
      const ids = JSON.stringify(staffIds);
      const byStaff = new Map<string, StaffAvailabilityInput>(
        staffIds.map((staffId) => [staffId, { staffId, hours: [], timeOff: [], appointments: [] }]),
      );
      for (const [staffId, weekday, startMinute, endMinute] of hoursStmt.all(ids)) {
        byStaff.get(staffId)?.hours.push({ weekday, startMinute, endMinute });
      }
      const windowStart = from - NEIGHBOUR_MARGIN_MS;
      const windowEnd = to + NEIGHBOUR_MARGIN_MS;
      for (const [staffId, start, end] of timeOffStmt.all(ids, windowEnd, windowStart)) {
        byStaff.get(staffId)?.timeOff.push({ start, end });
      }
      const busy = busyStmt.all({
        ids,
        before: windowEnd,
        after: windowStart - LONGEST_APPOINTMENT_MS,
        endsAfter: windowStart,
        now,
        exclude: excludeAppointmentId,
      });
      for (const [staffId, start, end, bufferBeforeMinutes, bufferAfterMinutes] of busy) {
        byStaff.get(staffId)?.appointments.push({
          start,
          end,
          bufferBeforeMinutes,
          bufferAfterMinutes,
        });
      }
      return staffIds.map((id) => byStaff.get(id)).filter((s) => s !== undefined);
    },
  };
}

export type ScheduleReader = ReturnType<typeof createScheduleReader>;
