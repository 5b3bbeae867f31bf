// Reads what the availability engine needs for a window of time: each staff member's weekly hours,
// time off and the appointments that still take up their time. Prepared statements, because
// availability is the hottest read in the app.
import type { StaffAvailabilityInput } from '../domain/availability.js';
import type { Db } from '../../db/open.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Buffers are capped at 4 h by the contract; a day of margin catches every neighbour. */
export const NEIGHBOUR_MARGIN_MS = DAY_MS;

interface HoursRow {
  staff_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
}
interface SpanRow {
  staff_id: string;
  start_at: number;
  end_at: number;
}
interface AppointmentSpanRow extends SpanRow {
  id: string;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
}

export function createScheduleReader(db: Db) {
  const client = db.$client;
  const hoursStmt = client.prepare<[string], HoursRow>(
    `select staff_id, weekday, start_minute, end_minute from working_hours
     where staff_id in (select value from json_each(?))`,
  );
  const timeOffStmt = client.prepare<[string, number, number], SpanRow>(
    `select staff_id, start_at, end_at from time_off
     where staff_id in (select value from json_each(?)) and start_at < ? and end_at > ?`,
  );
  // An expired hold no longer blocks (see domain/appointment-status blocksTime); the same rule in SQL.
  const appointmentsStmt = client.prepare<[string, number, number, number], AppointmentSpanRow>(
    `select id, staff_id, start_at, end_at, buffer_before_minutes, buffer_after_minutes
     from appointments
     where staff_id in (select value from json_each(?)) and start_at < ? and end_at > ?
       and (status in ('confirmed', 'completed')
            or (status = 'pending_payment' and (hold_expires_at is null or hold_expires_at > ?)))`,
  );

  return {
    /** Everything that decides whether these staff are free between from and to (UTC ms). */
    read(
      staffIds: string[],
      from: number,
      to: number,
      now: number,
      excludeAppointmentId?: string,
    ): StaffAvailabilityInput[] {
      const ids = JSON.stringify(staffIds);
      const byStaff = new Map<string, StaffAvailabilityInput>(
        staffIds.map((staffId) => [staffId, { staffId, hours: [], timeOff: [], appointments: [] }]),
      );
      for (const h of hoursStmt.all(ids)) {
        byStaff.get(h.staff_id)?.hours.push({
          weekday: h.weekday,
          startMinute: h.start_minute,
          endMinute: h.end_minute,
        });
      }
      for (const t of timeOffStmt.all(ids, to + NEIGHBOUR_MARGIN_MS, from - NEIGHBOUR_MARGIN_MS)) {
        byStaff.get(t.staff_id)?.timeOff.push({ start: t.start_at, end: t.end_at });
      }
      for (const a of appointmentsStmt.all(
        ids,
        to + NEIGHBOUR_MARGIN_MS,
        from - NEIGHBOUR_MARGIN_MS,
        now,
      )) {
        if (a.id === excludeAppointmentId) continue;
        byStaff.get(a.staff_id)?.appointments.push({
          start: a.start_at,
          end: a.end_at,
          bufferBeforeMinutes: a.buffer_before_minutes,
          bufferAfterMinutes: a.buffer_after_minutes,
        });
      }
      return staffIds.map((id) => byStaff.get(id)).filter((s) => s !== undefined);
    },
  };
}

export type ScheduleReader = ReturnType<typeof createScheduleReader>;
