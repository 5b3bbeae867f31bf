// Everything the day or week view shows, fetched through the cache: the staff and their hours,
// time off, appointments with their customers' names, and the services.
import {
  keepPreviousData,
  useQueries,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type {
  ListedAppointment,
  Customer,
  Service,
  Settings,
  StaffMember,
} from '../../../../preload/contract/index.js';
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

/** The customers of a list of appointments, under the key useDayData asks for them with. */
function customersOf(appointments: readonly ListedAppointment[]) {
  const ids = [...new Set(appointments.map((a) => a.customerId))].sort();
  return channelQuery('customers.getMany', { ids });
}

/**
 * Fetches the days before and after the ones shown (appointments, then their customers' names),
 * so the arrow keys land on a calendar that is already there. Failures are left to the visit.
 */
function prefetchNeighbours(client: QueryClient, date: string, days: number, zone: string) {
  for (const from of [addDays(date, -days), addDays(date, days)]) {
    const range = { from: zonedToUtc(from, 0, zone), to: zonedToUtc(addDays(from, days), 0, zone) };
    void client
      .fetchQuery(channelQuery('appointments.list', range))
      .then((list) =>
        list.length > 0
          ? client.prefetchQuery({ ...customersOf(list), staleTime: 300_000 })
          : undefined,
      )
      .catch(() => undefined);
  }
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
  const customersQuery = useQuery({
    ...customersOf(appointments),
    enabled: appointments.length > 0,
    staleTime: 300_000,
    // Switching weeks keeps the names already known while the new ones load.
    placeholderData: keepPreviousData,
  });

  const client = useQueryClient();
  const shown = appointmentsQuery.isSuccess;
  useEffect(() => {
    // Once what is on screen has arrived, so the neighbours never delay it.
    if (shown) prefetchNeighbours(client, date, days, zone);
  }, [client, date, days, zone, shown]);

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
