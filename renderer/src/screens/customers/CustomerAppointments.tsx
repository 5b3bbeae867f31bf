// The customer's appointments, newest first, a page at a time: what the stats are made of, for
// "when did she last come in, for what, and with whom?". A row opens the appointment in the
// calendar; "Book again" starts a booking of the same service with the same person.
import { Badge, Button, Group, Pagination, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { Appointment, Customer } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { useDeskNavigation } from '../../shell/navigation.js';
import { addDays, wallClock, zonedToUtc } from '../../time/zone.js';
import { formatMoney } from './stats.js';
import { formatWhen } from './when.js';

const statusLabels: Record<Appointment['status'], { label: string; color: string }> = {
  pending_payment: { label: 'Awaiting deposit', color: 'yellow' },
  confirmed: { label: 'Confirmed', color: 'blue' },
  completed: { label: 'Completed', color: 'teal' },
  no_show: { label: 'No-show', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/** Enough to answer the usual questions without a long table pushing the messages down. */
export const VISITS_PER_PAGE = 10;

/**
 * Where "Book again" opens: a week from today at the visit's time of day, the usual "same time
 * next week"; the dialog lists that day's free times if this one is taken.
 */
function againAt(visit: Appointment, zone: string, now: number): number {
  const { minute } = wallClock(visit.start, zone);
  return zonedToUtc(addDays(wallClock(now, zone).date, 7), minute, zone);
}

export function CustomerAppointments(props: {
  appointments: Appointment[];
  customer: Customer;
  zone: string;
}) {
  const services = useChannel('services.list', { includeInactive: true });
  const staff = useChannel('staff.list', {});
  const navigation = useDeskNavigation();
  const [page, setPage] = useState(1);
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.name ?? '…';
  const staffName = (id: string) => staff.data?.find((s) => s.id === id)?.name ?? '…';
  const newestFirst = [...props.appointments].sort((a, b) => b.start - a.start);
  if (newestFirst.length === 0) return null;
  const pages = Math.ceil(newestFirst.length / VISITS_PER_PAGE);
  const current = Math.min(page, pages);
  const shown = newestFirst.slice((current - 1) * VISITS_PER_PAGE, current * VISITS_PER_PAGE);
  // Only what can still be booked: a retired service or a member who left offers nothing to copy.
  const bookable = (a: Appointment) =>
    services.data?.some(
      (s) => s.id === a.serviceId && s.active && s.staffIds.includes(a.staffId),
    ) === true && staff.data?.some((s) => s.id === a.staffId && s.active) === true;
  return (
    <div data-testid="customer-appointments" data-page={current} data-pages={pages}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Staff</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((a) => {
            const open = () =>
              navigation.go({ kind: 'appointment', appointmentId: a.id, start: a.start });
            return (
              <Table.Tr
                key={a.id}
                data-testid="customer-appointment"
                data-status={a.status}
                data-appointment-id={a.id}
                onClick={open}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>
                  {/* The keyboard's way into the row: Tab to it, Enter opens the calendar. */}
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    px={4}
                    data-testid="customer-appointment-open"
                    onClick={(e) => {
                      e.stopPropagation();
                      open();
                    }}
                  >
                    {formatWhen(a.start, props.zone)}
                  </Button>
                </Table.Td>
                <Table.Td>{serviceName(a.serviceId)}</Table.Td>
                <Table.Td data-testid="customer-appointment-staff">{staffName(a.staffId)}</Table.Td>
                {/* A badge shrinks to "COMPLE…" in a narrow table: it keeps its width. */}
                <Table.Td miw={130}>
                  <Badge variant="light" color={statusLabels[a.status].color}>
                    {statusLabels[a.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatMoney(a.priceAmount, a.currency)}</Table.Td>
                <Table.Td>
                  {bookable(a) && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      data-testid="customer-book-again"
                      onClick={(e) => {
                        e.stopPropagation();
                        navigation.go({
                          kind: 'book',
                          customer: props.customer,
                          serviceId: a.serviceId,
                          staffId: a.staffId,
                          start: againAt(a, props.zone, Date.now()),
                        });
                      }}
                    >
                      Book again
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt={6}>
        <Text size="xs" c="dimmed" data-testid="customer-appointments-range">
          {(current - 1) * VISITS_PER_PAGE + 1}–{(current - 1) * VISITS_PER_PAGE + shown.length} of{' '}
          {newestFirst.length} appointments
        </Text>
        {pages > 1 && (
          <Pagination
            size="sm"
            total={pages}
            value={current}
            onChange={setPage}
            data-testid="customer-appointments-pages"
            getControlProps={(control) => ({
              'aria-label': control === 'previous' ? 'Newer appointments' : 'Older appointments',
            })}
          />
        )}
      </Group>
    </div>
  );
}
