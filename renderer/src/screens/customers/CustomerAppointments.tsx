// The customer's appointments, newest first: what the stats are made of, for the question
// "when did she last come in, and for what?".
import { Badge, Table, Text } from '@mantine/core';
import type { Appointment } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { formatMoney } from './stats.js';
import { formatWhen } from './when.js';

const statusLabels: Record<Appointment['status'], { label: string; color: string }> = {
  pending_payment: { label: 'Awaiting deposit', color: 'yellow' },
  confirmed: { label: 'Confirmed', color: 'blue' },
  completed: { label: 'Completed', color: 'teal' },
  no_show: { label: 'No-show', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/** Enough to answer the usual questions without a long table pushing the page down. */
const SHOWN = 10;

export function CustomerAppointments(props: { appointments: Appointment[]; zone: string }) {
  const services = useChannel('services.list', { includeInactive: true });
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.name ?? '…';
  const newestFirst = [...props.appointments].sort((a, b) => b.start - a.start);
  if (newestFirst.length === 0) return null;
  return (
    <div data-testid="customer-appointments">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.slice(0, SHOWN).map((a) => (
            <Table.Tr key={a.id} data-testid="customer-appointment" data-status={a.status}>
              <Table.Td>{formatWhen(a.start, props.zone)}</Table.Td>
              <Table.Td>{serviceName(a.serviceId)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusLabels[a.status].color}>
                  {statusLabels[a.status].label}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(a.priceAmount, a.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {newestFirst.length > SHOWN && (
        <Text size="xs" c="dimmed" mt={4}>
          The latest {SHOWN} of {newestFirst.length} appointments.
        </Text>
      )}
    </div>
  );
}
