// Where a dragged appointment lands: pure arithmetic on wall-clock minutes, so the snapping and
// the clamping to the visible day are unit-tested apart from pointer events.
import { DAY_END_MINUTE, DAY_START_MINUTE, PX_PER_MINUTE, type Span } from './layout.js';

export type DragMode = 'move' | 'resize';

/** Pointer travel (px) below which a press is a click, not a drag. */
export const DRAG_THRESHOLD_PX = 4;

export function snap(minute: number, stepMinutes: number): number {
  return Math.round(minute / stepMinutes) * stepMinutes;
}

/**
 * The span after dragging `origin` by `deltaY` pixels. A move keeps the length and snaps the
 * start to the step; a resize snaps the end and keeps at least one step. Both stay inside the
 * day the grid shows.
 */
export function draggedSpan(
  origin: Span,
  mode: DragMode,
  deltaY: number,
  stepMinutes: number,
): Span {
  const delta = deltaY / PX_PER_MINUTE;
  const length = origin.endMinute - origin.startMinute;
  if (mode === 'move') {
    const latest = Math.max(DAY_START_MINUTE, DAY_END_MINUTE - length);
    const startMinute = Math.min(
      Math.max(snap(origin.startMinute + delta, stepMinutes), DAY_START_MINUTE),
      latest,
    );
    return { startMinute, endMinute: startMinute + length };
  }
  const endMinute = Math.min(
    Math.max(snap(origin.endMinute + delta, stepMinutes), origin.startMinute + stepMinutes),
    DAY_END_MINUTE,
  );
  return { startMinute: origin.startMinute, endMinute };
}

/** Where an appointment is (or would be) shown: its column and its span there. */
export interface Placement extends Span {
  staffId: string;
  date: string;
}

export function samePlacement(a: Placement, b: Placement): boolean {
  return (
    a.staffId === b.staffId &&
    a.date === b.date &&
    a.startMinute === b.startMinute &&
    a.endMinute === b.endMinute
  );
}

export type NudgeKey = 'earlier' | 'later' | 'shorter' | 'longer' | 'left' | 'right';

/** The keyboard's alternative to dragging: one step at a time, or the next staff column. */
export function nudged(
  origin: Placement,
  key: NudgeKey,
  stepMinutes: number,
  staffIds: readonly string[],
): Placement {
  const length = origin.endMinute - origin.startMinute;
  switch (key) {
    case 'earlier':
    case 'later': {
      const span = draggedSpan(
        origin,
        'move',
        (key === 'later' ? 1 : -1) * stepMinutes * PX_PER_MINUTE,
        stepMinutes,
      );
      return { ...origin, ...span };
    }
    case 'shorter':
    case 'longer': {
      const span = draggedSpan(
        origin,
        'resize',
        (key === 'longer' ? 1 : -1) * stepMinutes * PX_PER_MINUTE,
        stepMinutes,
      );
      return { ...origin, ...span };
    }
    case 'left':
    case 'right': {
      const index = staffIds.indexOf(origin.staffId);
      const next = staffIds[index + (key === 'right' ? 1 : -1)];
      return next === undefined || index === -1
        ? origin
        : { ...origin, staffId: next, endMinute: origin.startMinute + length };
    }
    default: {
      const never: never = key;
      throw new Error(`Unknown nudge ${String(never)}`);
    }
  }
}
