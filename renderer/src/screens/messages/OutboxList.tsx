// Every message the app planned or sent, newest first, filtered by status, channel and what it
// was sent to or failed with: the answer to "did she get the reminder?" and "why did it fail?".
import { Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OutboxMessage } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { formatDateTime } from '../../time/zone.js';
import { usePhoneFormat } from '../../ui/phone.js';

const statusColors: Record<OutboxMessage['status'], string> = {
  planned: 'gray',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

type Status = OutboxMessage['status'];
type MessageChannel = OutboxMessage['channel'];

export function OutboxList({ zone }: { zone: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [channel, setChannel] = useState<MessageChannel | null>(null);
  const [search, setSearch] = useState('');
  const outbox = useChannel('outbox.list', {
    limit: 200,
    ...(status ? { status } : {}),
    ...(channel ? { channel } : {}),
  });
  const needle = search.trim().toLowerCase();
  const formatPhone = usePhoneFormat();
  const rows = (outbox.data?.messages ?? []).filter(
    (m) =>
      needle === '' ||
      m.to.toLowerCase().includes(needle) ||
      (m.error ?? '').toLowerCase().includes(needle) ||
      (m.appointmentId ?? '').toLowerCase().includes(needle) ||
      m.kind.includes(needle),
  );
  return (
    <Stack gap="sm" data-testid="outbox">
      <Group gap="sm" align="flex-end">
        <Select
          label="Status"
          placeholder="Any"
          clearable
          data={['planned', 'sending', 'sent', 'failed', 'cancelled']}
          value={status}
          onChange={(v) => setStatus(v as Status | null)}
          data-testid="outbox-filter-status"
          w={150}
        />
        <Select
          label="Channel"
          placeholder="Any"
          clearable
          data={[
            { value: 'sms', label: 'Text (SMS)' },
            { value: 'email', label: 'Email' },
          ]}
          value={channel}
          onChange={(v) => setChannel(v as MessageChannel | null)}
          data-testid="outbox-filter-channel"
          w={150}
        />
        <TextInput
          label="Customer, appointment or error"
          placeholder="Phone, email, apt_…, error text"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="outbox-filter-search"
          style={{ flex: 1 }}
        />
      </Group>
      <Text size="xs" c="dimmed" data-testid="outbox-count">
        {outbox.data ? `${rows.length} shown of ${outbox.data.total}` : 'Loading…'}
      </Text>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Message</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Appointment</Table.Th>
            <Table.Th>Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr
              key={m.id}
              data-testid="outbox-row"
              data-status={m.status}
              data-channel={m.channel}
              data-kind={m.kind}
            >
              <Table.Td>{formatDateTime(m.sentAt ?? m.dueAt, zone)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusColors[m.status]}>
                  {m.status}
                  {m.demo ? ' (demo)' : ''}
                </Badge>
              </Table.Td>
              <Table.Td>
                {m.kind.replace('_', ' ')} · {m.channel === 'sms' ? 'text' : 'email'}
              </Table.Td>
              <Table.Td>{formatPhone(m.to)}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {m.appointmentId ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="red">
                  {m.error ?? m.cancelReason ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
