// Everything the day or week view shows, fetched through the cache: the staff and their hours,
// time off, appointments with their customers' names, and the services.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type {
  ListedAppointment,
  Customer,
  Service,
  Settings,
  StaffMember,
} from '../../../../preload/contract.js';
import { channelQuery, useChannel } from '../../client/queries.js';
import { addDays, zonedToUtc } from '../../time/zone.js';

export interface WorkingInterval {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface DayData {
  staff: StaffMember[];
  services: Map<string, Service>;
  appointments: ListedAppointment[];
  customers: Map<string, Customer>;
  hoursByStaff: Map<string, WorkingInterval[]>;
  timeOff: { id: string; staffId: string; startAt: number; endAt: number; reason: string }[];
  /** The first date shown and how many. */
  from: string;
  days: number;
  dayStart: number;
  dayEnd: number;
  loading: boolean;
}

// Stable empties, so memos keyed on these lists do not recompute while a query loads.
const NONE: ListedAppointment[] = [];
const NO_TIME_OFF: DayData['timeOff'] = [];

export function useDayData(date: string, settings: Settings, days = 1): DayData {
  const zone = settings.timeZone;
  const dayStart = zonedToUtc(date, 0, zone);
  const dayEnd = zonedToUtc(addDays(date, days), 0, zone);

  const staffQuery = useChannel('staff.list', {});
  const servicesQuery = useChannel('services.list', { includeInactive: true });
  const appointmentsQuery = useChannel('appointments.list', { from: dayStart, to: dayEnd });
  const timeOffQuery = useChannel('timeOff.list', { from: dayStart, to: dayEnd });

  const staff = (staffQuery.data ?? [])
    .filter((s) => s.active)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));

  const hours = useQueries({
    queries: staff.map((s) => ({
      ...channelQuery('hours.get', { staffId: s.id }),
      staleTime: 300_000,
    })),
  });

  const appointments = appointmentsQuery.data ?? NONE;
  // One call for every customer shown, not one per customer: a busy week has a hundred, and
  // each answer arriving on its own would re-render the whole week.
  const customerIds = [...new Set(appointments.map((a) => a.customerId))].sort();
  const customersQuery = useQuery({
    ...channelQuery('customers.getMany', { ids: customerIds }),
    enabled: customerIds.length > 0,
    staleTime: 300_000,
    // Switching weeks keeps the names already known while the new ones load.
    placeholderData: keepPreviousData,
  });

  const customers = useMemo(
    () => new Map<string, Customer>((customersQuery.data ?? []).map((c) => [c.id, c])),
    [customersQuery.data],
  );
  const hoursByStaff = new Map<string, WorkingInterval[]>();
  staff.forEach((s, i) => hoursByStaff.set(s.id, hours[i]?.data ?? []));

  return {
    staff,
    services: new Map((servicesQuery.data ?? []).map((s) => [s.id, s])),
    appointments,
    customers,
    hoursByStaff,
    timeOff: timeOffQuery.data ?? NO_TIME_OFF,
    from: date,
    days,
    dayStart,
    dayEnd,
    loading: staffQuery.isPending || appointmentsQuery.isPending || servicesQuery.isPending,
  };
}
