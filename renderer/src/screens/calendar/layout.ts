// Geometry of the day view: which wall-clock minutes it shows and where things sit in a column.
// Pure functions, so the tricky parts (overlaps, clipping at the day's edges) stay testable.
import type { Appointment } from '../../../../preload/contract/index.js';
import { formatMinute, wallClock, zonedToUtc } from '../../time/zone.js';

/** The day view shows 07:00–20:00 on the business's clock. */
export const DAY_START_MINUTE = 7 * 60;
export const DAY_END_MINUTE = 20 * 60;
/** One pixel per minute: an hour is 60 px, 13 hours scroll inside a 1280×800 window. */
export const PX_PER_MINUTE = 1;
export const GRID_HEIGHT = (DAY_END_MINUTE - DAY_START_MINUTE) * PX_PER_MINUTE;

export function minuteToY(minute: number): number {
  return (
    (Math.min(Math.max(minute, DAY_START_MINUTE), DAY_END_MINUTE) - DAY_START_MINUTE) *
    PX_PER_MINUTE
  );
}

export interface Span {
  startMinute: number;
  endMinute: number;
}

/** Top and height of a span, clipped to the visible day; null when none of it is visible. */
export function placeSpan(span: Span): { top: number; height: number } | null {
  const top = minuteToY(span.startMinute);
  const bottom = minuteToY(span.endMinute);
  return bottom > top ? { top, height: bottom - top } : null;
}

export interface Laned<T> {
  item: T;
  lane: number;
  lanes: number;
}

/**
 * Side-by-side lanes for items that overlap in time (a no-show and the booking that took its
 * slot): each item takes the first lane free at its start; a cluster of overlapping items shares
 * one lane count so their widths line up.
 */
export function assignLanes<T extends Span>(items: readonly T[]): Laned<T>[] {
  const sorted = [...items].sort(
    (a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute,
  );
  const result: Laned<T>[] = [];
  let cluster: Laned<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const closeCluster = () => {
    for (const entry of cluster) entry.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (item.startMinute >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= item.startMinute);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.endMinute);
    } else {
      laneEnds[lane] = item.endMinute;
    }
    const entry = { item, lane, lanes: 1 };
    cluster.push(entry);
    result.push(entry);
    clusterEnd = Math.max(clusterEnd, item.endMinute);
  }
  closeCluster();
  return result;
}

export type AppointmentStatus = Appointment['status'];

export const statusLabels: Record<AppointmentStatus, string> = {
  pending_payment: 'Pending payment',
  confirmed: 'Confirmed',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

/** Cancelled appointments free their time: hidden unless the receptionist asks to see them. */
export function isShownOnCalendar(status: AppointmentStatus, showCancelled = false): boolean {
  return showCancelled || status !== 'cancelled';
}

/**
 * Where an instant falls on `date`'s wall clock, in minutes: 0 if before that day, 1440 if after,
 * so spans crossing midnight clip to the day's edges. Wall-clock minutes, not elapsed ones, so on
 * a 23- or 25-hour day 09:00 sits where 09:00 always does.
 */
export function minuteOnDate(ms: number, date: string, zone: string): number {
  const wall = wallClock(ms, zone);
  if (wall.date < date) return 0;
  if (wall.date > date) return 24 * 60;
  return wall.minute;
}

/** An instant span on `date`'s wall clock, or null when it does not touch that day. */
export function spanOnDate(start: number, end: number, date: string, zone: string): Span | null {
  const span = {
    startMinute: minuteOnDate(start, date, zone),
    endMinute: minuteOnDate(end, date, zone),
  };
  return span.endMinute > span.startMinute ? span : null;
}

export interface SlotStart {
  minute: number;
  start: number;
}

/**
 * The bookable starts of a day between two wall-clock minutes, one per step. A wall time the
 * clock skips (spring forward) is no slot; a wall time it shows twice (fall back) is offered
 * once, at its first occurrence.
 */
export function slotStartsOn(
  date: string,
  zone: string,
  stepMinutes: number,
  fromMinute = DAY_START_MINUTE,
  toMinute = DAY_END_MINUTE,
): SlotStart[] {
  const starts: SlotStart[] = [];
  for (let minute = fromMinute; minute < toMinute; minute += stepMinutes) {
    const start = zonedToUtc(date, minute, zone);
    const wall = wallClock(start, zone);
    if (wall.date === date && wall.minute === minute) starts.push({ minute, start });
  }
  return starts;
}

/** The hour lines of the grid: wall-clock hours, labelled as the clock on the wall reads. */
export function hourMarks(): { minute: number; label: string; y: number }[] {
  return Array.from({ length: (DAY_END_MINUTE - DAY_START_MINUTE) / 60 + 1 }, (_, i) => {
    const minute = DAY_START_MINUTE + i * 60;
    return { minute, label: formatMinute(minute), y: minuteToY(minute) };
  });
}

/** Monday of the ISO week `date` falls in. */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  const back = day === 0 ? 6 : day - 1;
  return new Date(Date.parse(`${date}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
}
