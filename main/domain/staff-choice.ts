// Who may take a booking of a service: the one rule the booking write and the availability
// engine's callers share, so the slots offered are the slots that can be booked.

export interface ServiceStaffing {
  name: string;
  staffIds: readonly string[];
}

export interface StaffMember {
  id: string;
  name: string;
  active: boolean;
}

export type StaffChoice =
  | { ok: true; staffIds: string[] }
  | {
      ok: false;
      /** does_not_perform and inactive name the staff member asked for; nobody the service. */
      reason: 'does_not_perform' | 'inactive' | 'nobody';
      message: string;
    };

/**
 * The active staff who perform the service; with one named, that person alone, provided they
 * perform it and take bookings. `staff` must hold every member the service lists and the named one.
 */
export function staffForService(
  service: ServiceStaffing,
  staff: readonly StaffMember[],
  named?: string,
): StaffChoice {
  if (named !== undefined) {
    const member = staff.find((m) => m.id === named);
    if (!member || !service.staffIds.includes(named)) {
      const who = member?.name ?? 'This staff member';
      return {
        ok: false,
        reason: 'does_not_perform',
        message: `${who} does not perform ${service.name}`,
      };
    }
    if (!member.active) {
      return { ok: false, reason: 'inactive', message: `${member.name} is not taking bookings` };
    }
    return { ok: true, staffIds: [named] };
  }
  const active = new Set(staff.filter((m) => m.active).map((m) => m.id));
  const staffIds = service.staffIds.filter((id) => active.has(id));
  if (staffIds.length === 0) {
    return { ok: false, reason: 'nobody', message: 'Nobody performs this service at the moment' };
  }
  return { ok: true, staffIds };
}
