// Geometry of the day view: which wall-clock minutes it shows and where things sit in a column.
// Pure functions, so the tricky parts (overlaps, clipping at the day's edges) stay testable.
import type { Appointment } from '../../../../preload/contract.js';

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

/** Cancelled appointments free their time: the day view leaves them out. */
export function isShownOnCalendar(status: AppointmentStatus): boolean {
  return status !== 'cancelled';
}
