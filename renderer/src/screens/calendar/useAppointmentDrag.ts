// Moving and resizing appointments with the pointer (or Alt+arrows): a preview follows the
// pointer, snapped to the business's slot step; the drop goes through appointments.reschedule,
// the same transactional check as a booking, and a refusal snaps the block back with the reason.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Appointment } from '../../../../preload/contract/index.js';
import { useChannelMutation } from '../../client/queries.js';
import { RpcError } from '../../client/rpc.js';
import { zonedToUtc } from '../../time/zone.js';
import {
  DRAG_THRESHOLD_PX,
  draggedSpan,
  nudged,
  samePlacement,
  type DragMode,
  type NudgeKey,
  type Placement,
} from './drag.js';

export interface DragPreview extends Placement {
  id: string;
  /** Dropped, waiting for the core's answer. */
  pending: boolean;
}

export interface DropRefusal {
  appointmentId: string;
  code: string;
  message: string;
}

export interface AppointmentDrag {
  preview: DragPreview | null;
  refusal: DropRefusal | null;
  dismissRefusal(): void;
  begin(
    event: React.PointerEvent<HTMLElement>,
    appointment: Appointment,
    origin: Placement,
    mode: DragMode,
  ): void;
  nudge(appointment: Appointment, origin: Placement, key: NudgeKey, staffIds: string[]): void;
}

/** The staff column under the pointer: each column names its staff member and date. */
function columnAt(x: number, y: number): { staffId: string; date: string } | null {
  for (const element of document.elementsFromPoint(x, y)) {
    if (!(element instanceof HTMLElement)) continue;
    const { dropStaffId, dropDate } = element.dataset;
    if (dropStaffId && dropDate) return { staffId: dropStaffId, date: dropDate };
  }
  return null;
}

/** The click that ends a drag must neither open the panel nor book the slot under it. */
function swallowNextClick(): void {
  const swallow = (event: MouseEvent) => {
    event.stopPropagation();
    event.preventDefault();
  };
  window.addEventListener('click', swallow, { capture: true, once: true });
  window.setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
}

export function useAppointmentDrag(zone: string, stepMinutes: number): AppointmentDrag {
  const [preview, setPreview] = useState<DragPreview | null>(null);
  const [refusal, setRefusal] = useState<DropRefusal | null>(null);
  const reschedule = useChannelMutation('appointments.reschedule', { inlineErrors: true });
  const busy = useRef(false);
  const { mutateAsync } = reschedule;

  const drop = useCallback(
    async (appointment: Appointment, origin: Placement, target: Placement, mode: DragMode) => {
      if (samePlacement(origin, target) || busy.current) {
        setPreview(null);
        return;
      }
      busy.current = true;
      setPreview({ ...target, id: appointment.id, pending: true });
      setRefusal(null);
      const start =
        mode === 'resize' ? appointment.start : zonedToUtc(target.date, target.startMinute, zone);
      const end = zonedToUtc(target.date, target.endMinute, zone);
      try {
        await mutateAsync({
          id: appointment.id,
          start,
          staffId: target.staffId,
          // A move keeps the booked length (even one clipped at the grid's edge).
          ...(mode === 'resize' ? { durationMinutes: Math.round((end - start) / 60_000) } : {}),
        });
      } catch (error) {
        setRefusal({
          appointmentId: appointment.id,
          code: error instanceof RpcError ? error.code : 'INTERNAL',
          message: error instanceof Error ? error.message : String(error),
        });
      } finally {
        busy.current = false;
        setPreview(null);
      }
    },
    [mutateAsync, zone],
  );

  const begin = useCallback<AppointmentDrag['begin']>(
    (event, appointment, origin, mode) => {
      if (event.button !== 0 || busy.current) return;
      event.preventDefault();
      const startX = event.clientX;
      const startY = event.clientY;
      let target: Placement | null = null;
      // Window listeners, not pointer capture: the block re-renders in another column mid-drag.
      const move = (e: PointerEvent) => {
        if (
          target === null &&
          Math.hypot(e.clientX - startX, e.clientY - startY) < DRAG_THRESHOLD_PX
        ) {
          return;
        }
        const span = draggedSpan(origin, mode, e.clientY - startY, stepMinutes);
        const column = mode === 'move' ? columnAt(e.clientX, e.clientY) : null;
        target = { ...origin, ...(column ?? {}), ...span };
        setPreview({ ...target, id: appointment.id, pending: false });
      };
      const stop = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', cancel);
        window.removeEventListener('keydown', escape);
      };
      const up = () => {
        stop();
        if (target === null) return;
        swallowNextClick();
        void drop(appointment, origin, target, mode);
      };
      const cancel = () => {
        stop();
        setPreview(null);
      };
      const escape = (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        if (target !== null) swallowNextClick();
        cancel();
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', cancel);
      window.addEventListener('keydown', escape);
    },
    [drop, stepMinutes],
  );

  const nudge = useCallback<AppointmentDrag['nudge']>(
    (appointment, origin, key, staffIds) => {
      const target = nudged(origin, key, stepMinutes, staffIds);
      const mode = key === 'shorter' || key === 'longer' ? 'resize' : 'move';
      void drop(appointment, origin, target, mode);
    },
    [drop, stepMinutes],
  );

  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return useMemo(
    () => ({ preview, refusal, dismissRefusal, begin, nudge }),
    [preview, refusal, dismissRefusal, begin, nudge],
  );
}
