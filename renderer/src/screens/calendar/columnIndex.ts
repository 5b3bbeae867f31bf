// What each staff column of each date shows, worked out once per answer from the core rather
// than once per column per render: a week has 21 columns and a drag re-renders them all.
import { useMemo } from 'react';
import type { ListedAppointment } from '../../../../preload/contract/index.js';
import { addDays, wallClock } from '../../time/zone.js';
import type { Placement } from './drag.js';
import type { DayData } from './useDayData.js';
import { isShownOnCalendar, spanOnDate, type Span } from './layout.js';

export interface PlacedAppointment extends Span {
  appointment: ListedAppointment;
}

export interface PlacedTimeOff extends Span {
  id: string;
  reason: string;
  startAt: number;
  endAt: number;
}

export interface ColumnIndex {
  appointments: Map<string, PlacedAppointment[]>;
  timeOff: Map<string, PlacedTimeOff[]>;
  /** Each shown appointment's own column and span (where a drag starts from). */
  origins: Map<string, Placement>;
  byId: Map<string, ListedAppointment>;
}

export function columnKey(staffId: string, date: string): string {
  return `${staffId}|${date}`;
}

/** The dates an instant span touches on the business's clock (usually one). */
function datesOf(start: number, end: number, zone: string): string[] {
  const first = wallClock(start, zone).date;
  const last = wallClock(Math.max(start, end - 1), zone).date;
  const dates = [first];
  for (let d = first; d < last && dates.length < 62;) {
    d = addDays(d, 1);
    dates.push(d);
  }
  return dates;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

export function buildColumnIndex(
  appointments: readonly ListedAppointment[],
  timeOff: DayData['timeOff'],
  zone: string,
  showCancelled: boolean,
): ColumnIndex {
  const index: ColumnIndex = {
    appointments: new Map(),
    timeOff: new Map(),
    origins: new Map(),
    byId: new Map(),
  };
  for (const a of appointments) {
    if (!isShownOnCalendar(a.status, showCancelled)) continue;
    index.byId.set(a.id, a);
    for (const date of datesOf(a.start, a.end, zone)) {
      const span = spanOnDate(a.start, a.end, date, zone);
      if (!span) continue;
      push(index.appointments, columnKey(a.staffId, date), { appointment: a, ...span });
      if (!index.origins.has(a.id)) index.origins.set(a.id, { staffId: a.staffId, date, ...span });
    }
  }
  for (const t of timeOff) {
    for (const date of datesOf(t.startAt, t.endAt, zone)) {
      const span = spanOnDate(t.startAt, t.endAt, date, zone);
      if (span) push(index.timeOff, columnKey(t.staffId, date), { ...t, ...span });
    }
  }
  return index;
}

export function useColumnIndex(day: DayData, zone: string, showCancelled: boolean): ColumnIndex {
  const { appointments, timeOff } = day;
  return useMemo(
    () => buildColumnIndex(appointments, timeOff, zone, showCancelled),
    [appointments, timeOff, zone, showCancelled],
  );
}
