// The life of an appointment. Which status changes are allowed is decided here, once, so the desk,
// the widget and SMS replies cannot disagree.
export const appointmentStatuses = [
  'pending_payment',
  'confirmed',
  'cancelled',
  'completed',
  'no_show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export type StatusAction = 'confirm' | 'cancel' | 'complete' | 'no_show';

export type Transition = { ok: true; status: AppointmentStatus } | { ok: false; reason: string };

const targets: Record<StatusAction, AppointmentStatus> = {
  confirm: 'confirmed',
  cancel: 'cancelled',
  complete: 'completed',
  no_show: 'no_show',
};

/** Statuses whose appointment still takes up the staff member's time. */
export function blocksTime(
  status: AppointmentStatus,
  holdExpiresAt: number | null,
  now: number,
): boolean {
  switch (status) {
    case 'confirmed':
    case 'completed':
      return true;
    case 'pending_payment':
      // An expired hold frees its slot at once, without waiting for any clean-up job.
      return holdExpiresAt === null || holdExpiresAt > now;
    case 'cancelled':
    case 'no_show':
      return false;
    default: {
      const never: never = status;
      throw new Error(`Unknown status ${String(never)}`);
    }
  }
}

export function transition(
  current: AppointmentStatus,
  action: StatusAction,
  appointment: { start: number; holdExpiresAt: number | null },
  now: number,
): Transition {
  const status = targets[action];
  switch (current) {
    case 'pending_payment':
      if (action === 'confirm' || action === 'cancel') return { ok: true, status };
      return { ok: false, reason: 'the booking is still waiting for its deposit' };
    case 'confirmed':
      if (action === 'confirm') return { ok: false, reason: 'the booking is already confirmed' };
      if ((action === 'complete' || action === 'no_show') && now < appointment.start) {
        return {
          ok: false,
          reason: `an appointment can be marked ${action === 'complete' ? 'completed' : 'a no-show'} only once it has started`,
        };
      }
      return { ok: true, status };
    case 'cancelled':
      return { ok: false, reason: 'the booking was cancelled' };
    case 'completed':
      return { ok: false, reason: 'the appointment is already completed' };
    case 'no_show':
      return { ok: false, reason: 'the appointment was already marked a no-show' };
    default: {
      const never: never = current;
      throw new Error(`Unknown status ${String(never)}`);
    }
  }
}

/** Only bookings that have not happened yet and are still live can be moved. */
export function canReschedule(current: AppointmentStatus): boolean {
  return current === 'confirmed' || current === 'pending_payment';
}
